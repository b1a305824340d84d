package com.promotracking.operations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import com.promotracking.support.ServiceProcesses;

/**
 * Debian's nginx running the shipped {@code deploy/nginx.conf} in front of two instances, in the foreground as a
 * child of this JVM, under a prefix folder of its own (as README.md runs it: {@code nginx -p DIR -c CONF}).
 *
 * <p>The conf is used as shipped but for one substitution: its three port numbers (it listens on 8080 and
 * balances 127.0.0.1:8081 and :8082) become the ports of this run, so the check never needs those ports free.
 * Each of the three must appear exactly once, so a conf that moved them fails here instead of being checked
 * half-changed. {@code -g "daemon off;"} and {@code -e} are command-line options, not edits of the conf.
 *
 * <p>Without nginx the checks that need it are skipped with a loud banner, unless the system property
 * {@value #REQUIRED_PROPERTY} is {@code true} ({@code .ci/run} sets it), in which case they fail.
 */
final class Nginx implements AutoCloseable {

	static final String REQUIRED_PROPERTY = "nginx.tests.required";

	/** Overridable only to try the skip/fail behaviour without uninstalling anything. */
	static final Path BINARY = Path.of(System.getProperty("nginx.binary", "/usr/sbin/nginx"));

	static final Path SHIPPED_CONF = Path.of("deploy", "nginx.conf");

	private static volatile boolean bannerShown;

	final int port;

	private final Process process;

	private final Path prefix;

	private final Path logs;

	private Nginx(int port, Process process, Path prefix, Path logs) {
		this.port = port;
		this.process = process;
		this.prefix = prefix;
		this.logs = logs;
	}

	static Optional<String> missing() {
		return Files.isExecutable(BINARY) ? Optional.empty()
				: Optional.of("nginx not found at " + BINARY + "; apt-get install nginx, or run .ci/run or "
						+ "scripts/cluster-check, which install it");
	}

	/**
	 * Fails the calling test when nginx is missing and required; otherwise, when it is missing, prints a loud
	 * banner (once) and aborts the test, so it is reported as skipped.
	 */
	static void assumeInstalled() {
		Optional<String> problem = missing();
		if (problem.isEmpty()) {
			return;
		}
		if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
			Assertions.fail("NGINX TESTS REQUIRED (-D" + REQUIRED_PROPERTY + "=true) but " + problem.get());
		}
		if (!bannerShown) {
			bannerShown = true;
			String bang = "!".repeat(100);
			System.err.printf("%n%s%n%s%n!!!!  NGINX CHECKS SKIPPED: %s%n"
					+ "!!!!  (with -D%s=true, as .ci/run does, this is a failure)%n%s%n%s%n%n", bang, bang, problem.get(),
					REQUIRED_PROPERTY, bang, bang);
		}
		Assumptions.abort("NGINX CHECKS SKIPPED: " + problem.get());
	}

	/**
	 * The shipped conf with its ports replaced: it listens on {@code listen} and balances the two instances.
	 * @throws IllegalStateException when a port is not in the conf exactly once
	 */
	static String conf(String shipped, int listen, int instanceA, int instanceB) {
		String conf = replaceOnce(shipped, "listen 8080;", "listen " + listen + ";");
		conf = replaceOnce(conf, "server 127.0.0.1:8081 ", "server 127.0.0.1:" + instanceA + " ");
		return replaceOnce(conf, "server 127.0.0.1:8082 ", "server 127.0.0.1:" + instanceB + " ");
	}

	/** Starts nginx on a free port in front of the two instances and waits until it accepts connections. */
	static Nginx start(int instanceA, int instanceB, Path logs) throws IOException, InterruptedException {
		int port = ServiceProcesses.freePort();
		// Its workers run as nobody (the master is root here) and write large bodies under the prefix: a folder
		// of its own that they can reach, wherever the work tree is.
		Path prefix = Files.createTempDirectory("cluster-nginx",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Files.createDirectories(prefix.resolve("logs"));
		Path conf = prefix.resolve("nginx.conf");
		Files.writeString(conf, conf(Files.readString(SHIPPED_CONF), port, instanceA, instanceB));
		Path output = logs.resolve("nginx.out");
		Process process = new ProcessBuilder(BINARY.toString(), "-e", prefix.resolve("logs/error.log").toString(), "-p",
				prefix + "/", "-c", conf.toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		Nginx nginx = new Nginx(port, process, prefix, logs);
		Instant deadline = Instant.now().plusSeconds(20);
		while (!accepts(port)) {
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				nginx.close();
				throw new AssertionError("nginx did not start on port " + port + ": " + Files.readString(output)
						+ "; see " + logs.resolve("nginx-error.log"));
			}
			Thread.sleep(50);
		}
		return nginx;
	}

	/** Fast shutdown (SIGTERM); its logs are kept beside the instances' logs. */
	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		for (String log : List.of("error.log", "access.log")) {
			Path from = this.prefix.resolve("logs").resolve(log);
			if (Files.exists(from)) {
				Files.copy(from, this.logs.resolve("nginx-" + log), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		try {
			new ProcessBuilder("rm", "-rf", this.prefix.toString()).start().waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// A leftover folder in /tmp harms nobody.
		}
	}

	private static String replaceOnce(String text, String from, String to) {
		Matcher matcher = Pattern.compile(Pattern.quote(from)).matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		if (found != 1) {
			throw new IllegalStateException(
					SHIPPED_CONF + " should hold '" + from.strip() + "' once, but holds it " + found + " times");
		}
		return text.replace(from, to);
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

}
