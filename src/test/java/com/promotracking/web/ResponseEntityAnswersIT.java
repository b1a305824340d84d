package com.promotracking.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.promotracking.support.Http;
import com.promotracking.support.RawHttp;

import static com.promotracking.support.RawHttp.bodyOf;
import static com.promotracking.support.RawHttp.headerOf;
import static com.promotracking.support.RawHttp.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers a controller returns as a {@code ResponseEntity} (the settings, a problem) go out whole, with their
 * {@code Content-Length}, like any other body, instead of committed early and chunked; their status, headers and
 * conditional requests are Spring's as before. Over a raw socket, to see the bytes as sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResponseEntityAnswersIT {

	private static final String ALICE = Http.basic("alice@acme.example", "alice-demo-pass");

	private static final String SETTINGS = "/api/programs/1/promo-code-settings";

	@LocalServerPort
	int port;

	@Test
	void theSettingsGoOutWithTheirLengthAndVersion() throws IOException {
		String answer = get(SETTINGS, "");

		assertThat(statusOf(answer)).as(answer).isEqualTo(200);
		assertWhole(answer);
		assertThat(headerOf(answer, "ETag")).matches("\"[0-9]+\"");
		assertThat(bodyOf(answer)).startsWith("{\"programId\":1,");
	}

	@Test
	void theSettingsAskedAgainWithTheirVersionAre304WithoutABody() throws IOException {
		String version = headerOf(get(SETTINGS, ""), "ETag");

		String same = get(SETTINGS, "If-None-Match: " + version + "\r\n");
		String other = get(SETTINGS, "If-None-Match: \"-1\"\r\n");

		assertThat(statusOf(same)).as(same).isEqualTo(304);
		assertThat(headerOf(same, "ETag")).isEqualTo(version);
		assertThat(bodyOf(same)).isEmpty();
		assertThat(statusOf(other)).as(other).isEqualTo(200);
		assertWhole(other);
	}

	@Test
	void savedSettingsGoOutWithTheirLengthAndNewVersion() throws IOException {
		String current = bodyOf(get(SETTINGS, ""));
		String json = "{\"promoCodeTrackingEnabled\":" + current.contains("\"promoCodeTrackingEnabled\":true")
				+ ",\"partnerPromoCodeRequestsAllowed\":"
				+ current.contains("\"partnerPromoCodeRequestsAllowed\":true") + "}";

		String answer = RawHttp.send(this.port, "PUT " + SETTINGS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ ALICE + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
				+ "\r\nConnection: close\r\n\r\n" + json);

		assertThat(statusOf(answer)).as(answer).isEqualTo(200);
		assertWhole(answer);
		assertThat(headerOf(answer, "ETag")).matches("\"[0-9]+\"");
	}

	@Test
	void aProblemGoesOutWithItsLength() throws IOException {
		String answer = get("/api/programs/999999999/promo-code-settings", "");

		assertThat(statusOf(answer)).as(answer).isEqualTo(404);
		assertThat(headerOf(answer, "Content-Type")).startsWith("application/problem+json");
		assertWhole(answer);
	}

	private String get(String path, String headers) throws IOException {
		return RawHttp.send(this.port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ALICE
				+ "\r\n" + headers + "Connection: close\r\n\r\n");
	}

	/** Sent in one piece: a Content-Length that counts the body's bytes, and no chunks. */
	private static void assertWhole(String answer) {
		assertThat(headerOf(answer, "Transfer-Encoding")).as(answer).isNull();
		assertThat(headerOf(answer, "Content-Length")).as(answer)
			.isEqualTo(Integer.toString(bodyOf(answer).getBytes(StandardCharsets.UTF_8).length));
	}

}
