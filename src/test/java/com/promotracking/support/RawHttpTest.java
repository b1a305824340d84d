package com.promotracking.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@link RawHttp} holds a whole reply, and stops reading rather than waiting for the server to close. */
class RawHttpTest {

	private static final String HEADERS = "HTTP/1.1 413 \r\nContent-Type: application/problem+json\r\n";

	@Test
	void aReplyIsWholeOnceItHasTheBytesItsContentLengthAnnounces() {
		String reply = HEADERS + "Content-Length: 10\r\nConnection: close\r\n\r\n";

		assertThat(RawHttp.whole(reply.substring(0, reply.length() - 2), false)).as("headers not all read").isFalse();
		assertThat(RawHttp.whole(reply + "{\"title\":", false)).as("9 of 10 bytes").isFalse();
		assertThat(RawHttp.whole(reply + "{\"title\":}", false)).isTrue();
	}

	@Test
	void aChunkedReplyIsWholeAtItsLastEmptyChunkNotAtAChunkThatEndsInAZero() {
		String reply = "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n";

		assertThat(RawHttp.whole(reply + "3\r\nab0\r\n", false)).as("a chunk ending in 0, more to come").isFalse();
		assertThat(RawHttp.whole(reply + "5\r\nab0\r\n\r\n", false)).as("a chunk whose data ends in 0 and CRLF").isFalse();
		assertThat(RawHttp.whole(reply + "3\r\nab0\r\n1", false)).as("the next chunk's size, not yet its line end").isFalse();
		assertThat(RawHttp.whole(reply + "3\r\nab0\r\n0\r\n", false)).as("the last chunk's line alone").isFalse();
		assertThat(RawHttp.whole(reply + "3\r\nab0\r\n0\r\n\r\n", false)).isTrue();
	}

	@Test
	void anInterimReplyIsSkippedAndAHeadReplyHasNoBody() {
		String interim = "HTTP/1.1 100 \r\n\r\n";
		String headers = HEADERS + "Content-Length: 2\r\n\r\n";

		assertThat(RawHttp.whole(interim, false)).as("100 Continue alone").isFalse();
		assertThat(RawHttp.whole(interim + headers + "{}", false)).isTrue();
		assertThat(RawHttp.whole(headers, true)).as("the reply to a HEAD").isTrue();
		assertThat(RawHttp.whole(headers, false)).isFalse();
	}

	@Test
	void aReplyWithoutLengthOrChunksIsWholeOnlyWhenTheServerCloses() {
		assertThat(RawHttp.whole(HEADERS + "Connection: close\r\n\r\n{\"title\":\"x\"}", false)).isFalse();
	}

}
