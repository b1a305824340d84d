package com.promotracking.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * What the tests that run a server as a process of its own share (the packaged jar, PostgreSQL, nginx): a free
 * port, the command that runs the jar with the flags README.md recommends, and the wait until it answers.
 */
public final class ServiceProcesses {

	private ServiceProcesses() {
	}

	/** A port nothing listens on now, for the process started next to take. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The java of this JVM with the flags README.md recommends ({@code deploy/jvm-flags}), Spring AOT included:
	 * the jar then runs the ahead-of-time prepared application, the way production runs it.
	 */
	public static List<String> javaWithRecommendedFlags() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(Files.readString(Path.of("deploy", "jvm-flags")).strip().split("\\s+")));
		return command;
	}

	/**
	 * Waits until {@code GET path} on the port answers 200; fails with the process's log when the process dies
	 * first or the time is up.
	 */
	public static void awaitAnswer(Process process, int port, String path, Duration within, Path log)
			throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(within);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError(
						"the process died on start (" + log + "):\n" + Files.readString(log, ISO_8859_1));
			}
			try {
				if (client.send(request, BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// Not listening yet.
			}
			Thread.sleep(100);
		}
		throw new AssertionError("GET " + path + " did not answer 200 within " + within.toSeconds() + " s (" + log
				+ "):\n" + Files.readString(log, ISO_8859_1));
	}

}
