package com.promotracking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of a test's own, started with {@code scripts/throwaway-postgres}, that the test may stop
 * and start again (the shared server of the PostgreSQL run must stay up for the others). Database and role
 * are both {@code app}, password {@code app}.
 */
public final class ThrowawayPostgres implements AutoCloseable {

	private static final Path SCRIPT = Path.of("scripts/throwaway-postgres").toAbsolutePath();

	private final Path dir;

	private final int port;

	private ThrowawayPostgres(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	public static ThrowawayPostgres start() {
		try {
			Path parent = Files.createTempDirectory("throwaway-postgres",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
			ThrowawayPostgres server = new ThrowawayPostgres(parent.resolve("data"), ServiceProcesses.freePort());
			server.run("start", server.dir.toString(), String.valueOf(server.port));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/app";
	}

	public int port() {
		return this.port;
	}

	/** Fast shutdown: open connections are cut, running transactions rolled back. */
	public void stop() {
		run("stop", this.dir.toString());
	}

	public void startAgain() {
		run("start", this.dir.toString(), String.valueOf(this.port));
	}

	@Override
	public void close() {
		try {
			stop();
		}
		catch (IllegalStateException alreadyStopped) {
			// Nothing to stop.
		}
		try {
			new ProcessBuilder("rm", "-rf", this.dir.getParent().toString()).start().waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			// A leftover folder in /tmp harms nobody.
		}
	}

	private void run(String... arguments) {
		List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
