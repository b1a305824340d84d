package com.promotracking.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server the integration tests run against in their second run ({@code -Dtest.database=postgres},
 * see pom.xml). {@code .ci/run} starts a throwaway server and names it in {@code TEST_POSTGRES_URL} (a JDBC URL
 * without database, e.g. {@code jdbc:postgresql://127.0.0.1:15432/}), {@code TEST_POSTGRES_USER} and
 * {@code TEST_POSTGRES_PASSWORD}; the user may create databases.
 */
public record TestPostgres(String baseUrl, String user, String password) {

	/** Whether this JVM runs the integration tests against PostgreSQL rather than H2. */
	public static boolean isThisRun() {
		return "postgres".equals(System.getProperty("test.database"));
	}

	public static Optional<TestPostgres> configured() {
		String url = System.getenv("TEST_POSTGRES_URL");
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new TestPostgres(url.endsWith("/") ? url : url + "/",
				System.getenv().getOrDefault("TEST_POSTGRES_USER", "app"),
				System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "app")));
	}

	public static TestPostgres required() {
		return configured().orElseThrow(() -> new IllegalStateException(
				"test.database=postgres but TEST_POSTGRES_URL is not set: start one with scripts/throwaway-postgres"));
	}

	/** A new, empty database of its own, so test contexts never see each other's data. Returns its JDBC URL. */
	public String createDatabase() {
		String name = "it_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(this.baseUrl + "app", this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + this.baseUrl, ex);
		}
		return this.baseUrl + name;
	}

}
