package com.promotracking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.promotracking.support.Http;
import com.promotracking.support.LogCapture;
import com.promotracking.support.RawHttp;

import static com.promotracking.support.RawHttp.bodyOf;
import static com.promotracking.support.RawHttp.headerOf;
import static com.promotracking.support.RawHttp.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the fuzzing found answered with a 500, an empty body or Tomcat's own HTML page, over real HTTP on a
 * raw socket (no client library sends most of them): each is now a 4xx problem response under {@code /api} and
 * a page of ours elsewhere, in the caller's language, logged as the 4xx it is and never at ERROR.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HttpRefusalsIT {

	private static final String ALICE = Http.basic("alice@acme.example", "alice-demo-pass");

	private static final String SETTINGS = "/api/programs/1/promo-code-settings";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	// ---------------------------------------------------------------- content types and methods

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "*/*; charset=UTF-8" })
	void aJsonWriteWithAWildcardContentTypeIs415(String contentType) throws IOException {
		String body = "{\"promoCodeTrackingEnabled\":false,\"partnerPromoCodeRequestsAllowed\":false}";
		String answer = RawHttp.send(this.port, "PUT " + SETTINGS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ ALICE + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);

		assertProblem(answer, 415, "unsupported-media-type");
		assertLoggedWithoutError("PUT " + SETTINGS + " 415 ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONNECT", "FOO" })
	void anUnknownMethodIsA405Problem(String method) throws IOException {
		String answer = RawHttp.send(this.port, method + " /api/programs HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: " + ALICE + "\r\nAccept-Language: fr\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 405, "method-not-allowed");
		assertThat(bodyOf(answer)).contains("Méthode non autorisée");
		assertThat(headerOf(answer, "Allow")).contains("GET").doesNotContain(method);
		assertLoggedWithoutError(method + " /api/programs 405 ");
	}

	@Test
	void anUnknownMethodOnAPageIsOurPage() throws IOException {
		String answer = RawHttp.send(this.port, "CONNECT /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertOurPage(answer, 405);
	}

	// ---------------------------------------------------------------- what Tomcat refuses itself

	@ParameterizedTest
	@ValueSource(strings = { "/api/programs/1%2F2/promo-code-settings", "/api/programs/1%002/promo-code-settings",
			"/api/programs/%zz/promo-code-settings", "/api/programs/1%C0%AF..%C0%AFpromo-code-settings",
			"/api/programs%C0%AF1", "/api/programs/%FF" })
	void aMalformedPathUnderTheApiIsA400Problem(String path) throws IOException {
		String answer = RawHttp.send(this.port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\n"
				+ "Authorization: " + ALICE + "\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 400, "bad-request");
		assertThat(bodyOf(answer)).contains("Requête incorrecte");
		assertLoggedWithoutError("GET " + path + " 400 ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login%C0%AF", "/lo%zzgin", "/programs/1%2F2/settings", "/programs/%C0%AE%C0%AE/x" })
	void aMalformedPathOfAPageIsOurPage(String path) throws IOException {
		String answer = RawHttp.send(this.port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertOurPage(answer, 400);
		assertLoggedWithoutError("GET " + path + " 400 ");
	}

	@Test
	void aHeaderOfAMegabyteOrWithANulByteIsA400Problem() throws IOException {
		String big = "GET /api/programs HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\nX-Big: "
				+ "a".repeat(1024 * 1024) + "\r\nConnection: close\r\n\r\n";
		String nul = "GET /api/programs HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\nX-Nul: a\0b\r\n"
				+ "Connection: close\r\n\r\n";

		for (String request : new String[] { big, nul }) {
			String answer = RawHttp.send(this.port, request);
			assertProblem(answer, 400, "bad-request");
		}
		assertLoggedWithoutError("GET /api/programs 400 ");
	}

	@Test
	void aHeaderWithANulByteOnAPageIsOurPage() throws IOException {
		String answer = RawHttp.send(this.port, "GET /login HTTP/1.1\r\nHost: localhost\r\nX-Nul: a\0b\r\n"
				+ "Connection: close\r\n\r\n");

		assertOurPage(answer, 400);
	}

	// ---------------------------------------------------------------- Accept

	@Test
	void anAcceptHeaderThatIsNoMediaTypeIsA406Problem() throws IOException {
		String answer = RawHttp.send(this.port, "GET /api/programs HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ ALICE + "\r\nAccept: garbage\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 406, "not-acceptable");
		assertLoggedWithoutError("GET /api/programs 406 ");
	}

	@Test
	void aSuccessAskedForAsAProblemIsStillPlainJson() throws IOException {
		String answer = RawHttp.send(this.port, "GET /api/programs HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ ALICE + "\r\nAccept: application/problem+json\r\nConnection: close\r\n\r\n");

		assertThat(statusOf(answer)).as(answer).isEqualTo(200);
		assertThat(headerOf(answer, "Content-Type")).startsWith("application/json");
	}

	// ---------------------------------------------------------------- body size

	@Test
	void aSettingsBodyOverItsLimitIsRefused413BeforeItIsRead() throws IOException {
		long writesBefore = settingsWrites();
		// Announced as 30 MB; the answer comes before more than the headers were sent.
		String answer = RawHttp.send(this.port, "PUT " + SETTINGS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ ALICE + "\r\nContent-Type: application/json\r\nAccept-Language: fr\r\nContent-Length: "
				+ (30 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n{\"promoCodeTrackingEnabled\":true,\"x\":\"aaaa");

		assertProblem(answer, 413, "content-too-large");
		assertThat(bodyOf(answer)).contains("Données trop volumineuses");
		assertThat(settingsWrites()).as("nothing saved").isEqualTo(writesBefore);
		assertLoggedWithoutError("PUT " + SETTINGS + " 413 ");
	}

	@Test
	void aChunkedSettingsBodyOverItsLimitIsRefused413() throws IOException {
		long writesBefore = settingsWrites();
		String json = "{\"promoCodeTrackingEnabled\":true,\"partnerPromoCodeRequestsAllowed\":false,\"x\":\""
				+ "a".repeat(64 * 1024) + "\"}";

		String answer = RawHttp.send(this.port, chunked("PUT", SETTINGS, json));

		assertProblem(answer, 413, "content-too-large");
		assertThat(settingsWrites()).as("nothing saved").isEqualTo(writesBefore);
		assertLoggedWithoutError("PUT " + SETTINGS + " 413 ");
	}

	@Test
	void aChunkedBodyUnderItsLimitIsTaken() throws IOException {
		String json = "{\"promoCodeTrackingEnabled\":false,\"partnerPromoCodeRequestsAllowed\":false}";

		String answer = RawHttp.send(this.port, chunked("PUT", SETTINGS, json));

		assertThat(statusOf(answer)).as(answer).isEqualTo(200);
	}

	@Test
	void aConversionMayBeLargerThanASettingsBody() throws IOException {
		// 20 KB: over the small limit, under a conversion's. Refused for what it says, not for its size.
		String json = "{\"orderId\":\"" + "o".repeat(20 * 1024) + "\"}";

		String answer = RawHttp.send(this.port, chunked("POST", "/api/programs/1/conversions", json));
		String settings = RawHttp.send(this.port, chunked("PUT", SETTINGS, json));

		assertThat(statusOf(answer)).as(answer).isEqualTo(400);
		assertThat(statusOf(settings)).as(settings).isEqualTo(413);
	}

	@Test
	void aFormOverItsLimitIsRefused413() throws IOException {
		String form = "username=alice%40acme.example&password=" + "p".repeat(16 * 1024);

		String withLength = RawHttp.send(this.port, "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
				+ "application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n"
				+ form);
		String withoutLength = RawHttp.send(this.port, chunked("POST", "/login", form)
			.replace("application/json", "application/x-www-form-urlencoded"));

		assertThat(statusOf(withLength)).as(withLength).isEqualTo(413);
		assertThat(statusOf(withoutLength)).as(withoutLength).isEqualTo(413);
		assertLoggedWithoutError("POST /login 413 ");
	}

	// ---------------------------------------------------------------- helpers

	/** What a save of program 1's settings would change: its version, and its history, refusals included. */
	private long settingsWrites() {
		Long writes = this.jdbc.queryForObject("select (select count(*) from history_entry where program_id = 1)"
				+ " + (select coalesce(max(version), 0) from promo_code_settings where program_id = 1)", Long.class);
		return (writes != null) ? writes : -1;
	}

	/** A request whose body is sent in chunks of 4 KB, without a length. */
	private static String chunked(String method, String path, String body) {
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		for (int offset = 0; offset < bytes.length; offset += 4096) {
			int length = Math.min(4096, bytes.length - offset);
			chunks.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			chunks.write(bytes, offset, length);
			chunks.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ALICE
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
				+ chunks.toString(StandardCharsets.ISO_8859_1);
	}

	private static void assertProblem(String answer, int status, String type) {
		assertThat(statusOf(answer)).as(answer).isEqualTo(status);
		assertThat(headerOf(answer, "Content-Type")).as(answer).startsWith("application/problem+json");
		assertThat(bodyOf(answer)).as(answer)
			.contains("\"type\":\"https://promotracking.example/problems/" + type + "\"")
			.contains("\"detail\":")
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("Exception");
	}

	private static void assertOurPage(String answer, int status) {
		assertThat(statusOf(answer)).as(answer).isEqualTo(status);
		assertThat(headerOf(answer, "Content-Type")).as(answer).startsWith("text/html");
		assertThat(bodyOf(answer)).as(answer)
			.contains("Something went wrong")
			.contains("Error " + status)
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("Exception");
	}

	private void assertLoggedWithoutError(String requestLine) {
		this.logs.awaitRequestLine(requestLine);
		assertThat(this.logs.errors()).as("nothing logged at ERROR").isEmpty();
	}

}
