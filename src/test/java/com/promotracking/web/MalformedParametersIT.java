package com.promotracking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query string the container cannot decode is the client's mistake, over real HTTP (a raw socket: no client
 * library sends such an address): 400, a problem response under {@code /api} and the error page elsewhere, the
 * request log line says 400, and nothing at all is logged at ERROR.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedParametersIT {

	private static final String ALICE = Base64.getEncoder()
		.encodeToString("alice@acme.example:alice-demo-pass".getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

	final Logger requestLog = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);

	Level requestLogLevel;

	@BeforeEach
	void listen() {
		this.requestLogLevel = this.requestLog.getLevel();
		this.requestLog.setLevel(Level.INFO);
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	@AfterEach
	void stopListening() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
		this.requestLog.setLevel(this.requestLogLevel);
	}

	@ParameterizedTest
	@ValueSource(strings = { "?%zz", "?=", "?a=1&=2", "?lang=%e9%", "?lang=fr&%" })
	void anUndecodableQueryOnTheApiIsA400ProblemAndNoServerError(String query) throws IOException {
		String answer = send("GET /api/programs" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
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
		List<ILoggingEvent> events = List.copyOf(this.appender.list);
		assertThat(events).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
			.as("nothing logged at ERROR")
			.isEmpty();
		assertThat(events).filteredOn(event -> RequestLog.LOGGER.equals(event.getLoggerName()))
			.extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy(line -> assertThat(line).startsWith(logLine));
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private static int statusOf(String answer) {
		return Integer.parseInt(answer.substring(9, 12));
	}

}
