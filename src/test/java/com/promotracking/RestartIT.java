package com.promotracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved settings live in the H2 file of the data folder: they survive stopping and starting the application,
 * and a second start finds the demo data there instead of loading it again.
 */
class RestartIT {

	private static final String ALICE = "alice@acme.example";

	private static final String ALICE_PASSWORD = "alice-demo-pass";

	private static final String BOB = "bob@globex.example";

	private static final String BOB_PASSWORD = "bob-demo-pass";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	@Test
	void keepsSavedSettingsAcrossARestartOnTheSameDataFolderAndLoadsTheDemoDataOnlyOnce() {
		long acmeUs;
		JsonNode saved;
		try (ConfigurableApplicationContext app = start()) {
			int port = portOf(app);
			acmeUs = programId(port, "Acme Outdoor US");
			JsonNode before = send(port, "GET", settingsPath(acmeUs), null, 200);
			assertThat(before.get("promoCodeTrackingEnabled").booleanValue()).isFalse();
			assertThat(before.get("partnerPromoCodeRequestsAllowed").booleanValue()).isFalse();

			saved = send(port, "PUT", settingsPath(acmeUs),
					"{\"promoCodeTrackingEnabled\": true, \"partnerPromoCodeRequestsAllowed\": true}", 200);
			assertThat(saved.get("promoCodeTrackingEnabled").booleanValue()).isTrue();
			assertThat(saved.get("partnerPromoCodeRequestsAllowed").booleanValue()).isTrue();
			assertThat(saved.get("version").asLong()).isEqualTo(before.get("version").asLong() + 1);
			assertDemoDataLoadedOnce(app, port);
		}

		assertThat(this.dataDir.resolve("promo-code-tracking.mv.db")).isRegularFile();

		try (ConfigurableApplicationContext app = start()) {
			int port = portOf(app);
			JsonNode after = send(port, "GET", settingsPath(acmeUs), null, 200);

			assertThat(after.get("promoCodeTrackingEnabled").booleanValue()).isTrue();
			assertThat(after.get("partnerPromoCodeRequestsAllowed").booleanValue()).isTrue();
			assertThat(after.get("version").asLong()).isEqualTo(saved.get("version").asLong());
			assertThat(after.get("updatedBy").stringValue()).isEqualTo(ALICE);
			assertThat(after.get("updatedAt").isString()).isTrue();
			assertDemoDataLoadedOnce(app, port);
			assertThat(programId(port, "Acme Outdoor US")).isEqualTo(acmeUs);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PromoCodeTrackingApplication.class).run("--server.port=0",
				"--app.data-dir=" + this.dataDir,
				"--spring.datasource.url=jdbc:h2:file:" + this.dataDir + "/promo-code-tracking");
	}

	private static int portOf(ConfigurableApplicationContext app) {
		String port = app.getEnvironment().getProperty("local.server.port");
		assertThat(port).as("local.server.port").isNotNull();
		return Integer.parseInt(port);
	}

	private void assertDemoDataLoadedOnce(ConfigurableApplicationContext app, int port) {
		JsonNode programs = send(port, "GET", "/api/programs", null, 200);
		assertThat(programs.size()).as("programs alice sees: %s", programs).isEqualTo(2);
		JsonNode globex = send(port, BOB, BOB_PASSWORD, "GET", "/api/programs", null, 200);
		assertThat(globex.size()).as("programs bob sees: %s", globex).isEqualTo(1);

		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		// Acme Outdoor, Globex and Northwind Sports (added with the console, its six programs too).
		assertThat(jdbc.queryForObject("select count(*) from brand", Integer.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from program", Integer.class)).isEqualTo(9);
		// alice, bob, carol, pat, olivia and quinn (Coupon Corner, added with conversions).
		assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(6);
	}

	private long programId(int port, String name) {
		for (JsonNode program : send(port, "GET", "/api/programs", null, 200)) {
			if (name.equals(program.get("name").stringValue())) {
				return program.get("id").asLong();
			}
		}
		throw new AssertionError("alice sees no program named " + name);
	}

	private static String settingsPath(long program) {
		return "/api/programs/" + program + "/promo-code-settings";
	}

	private JsonNode send(int port, String method, String path, String body, int expectedStatus) {
		return send(port, ALICE, ALICE_PASSWORD, method, path, body, expectedStatus);
	}

	private JsonNode send(int port, String user, String password, String method, String path, String body,
			int expectedStatus) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + basic)
			.header("Accept", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body())
				.isEqualTo(expectedStatus);
			return this.json.readTree(response.body());
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
