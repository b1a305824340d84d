package com.promotracking.web;

import java.io.IOException;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.promotracking.support.Http;
import com.promotracking.support.LogCapture;
import com.promotracking.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query string the container cannot decode is the client's mistake, over real HTTP (a raw socket: no client
 * library sends such an address): 400, a problem response under {@code /api} and the error page elsewhere, the
 * request log line says 400, and nothing at all is logged at ERROR.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedParametersIT {

	private static final String ALICE = Http.basic("alice@acme.example", "alice-demo-pass");

	@LocalServerPort
	int port;

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	@ParameterizedTest
	@ValueSource(strings = { "?%zz", "?=", "?a=1&=2", "?lang=%e9%", "?lang=fr&%" })
	void anUndecodableQueryOnTheApiIsA400ProblemAndNoServerError(String query) throws IOException {
		String answer = send("GET /api/programs" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ ALICE + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");

		assertThat(statusOf(answer)).as(answer).isEqualTo(400);
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertNoServerErrorAndLogged400("GET /api/programs 400");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?%zz", "?a=1&=2", "?lang=%e9%" })
	void anUndecodableQueryOnAPageIsA400PageAndNoServerError(String query) throws IOException {
		String answer = send("GET /login" + query + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Connection: close\r\n\r\n");

		assertThat(statusOf(answer)).as(answer).isEqualTo(400);
		assertThat(answer).containsIgnoringCase("Content-Type: text/html").contains("<html");
		assertNoServerErrorAndLogged400("GET /login 400");
	}

	@ParameterizedTest
	@ValueSource(strings = { "username=%zz&password=x", "=x&username=a" })
	void anUndecodableFormBodyIsA400AndNoServerError(String body) throws IOException {
		String answer = send("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);

		assertThat(statusOf(answer)).as(answer).isEqualTo(400);
		assertNoServerErrorAndLogged400("POST /login 400");
	}

	private void assertNoServerErrorAndLogged400(String logLine) {
		this.logs.awaitRequestLine(logLine);
		assertThat(this.logs.errors()).as("nothing logged at ERROR").isEmpty();
	}

	private String send(String request) throws IOException {
		return RawHttp.send(this.port, request);
	}

	private static int statusOf(String answer) {
		return RawHttp.statusOf(answer);
	}

}
