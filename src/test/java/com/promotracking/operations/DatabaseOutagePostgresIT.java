package com.promotracking.operations;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;
import com.promotracking.support.ThrowawayPostgres;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server goes away under a running instance and comes back: meanwhile pages answer a translated
 * 503 page and the API a 503 problem (a login that cannot be checked too: 503, not 401), nothing is written,
 * and afterwards the instance serves again by itself, with the sessions it had. Runs in the PostgreSQL run
 * only, on a server of its own that it stops and starts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "test.database.own=true",
		"app.demo-data=true", "spring.datasource.hikari.connection-timeout=1500" })
@DirtiesContext
class DatabaseOutagePostgresIT {

	private static ThrowawayPostgres server;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		server = ThrowawayPostgres.start();
		registry.add("spring.datasource.url", server::jdbcUrl);
		registry.add("spring.datasource.username", () -> "app");
		registry.add("spring.datasource.password", () -> "app");
	}

	@AfterAll
	static void removeServer() {
		if (server != null) {
			server.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void answers503WhileTheDatabaseIsDownWritesNothingAndRecoversByItselfWhenItIsBack() {
		Http http = new Http(this.port, this.json);
		long program = http.program(ACME_US).id();
		Session alice = http.login(ALICE);
		assertThat(http.get(alice, Http.adSettingsPath(program)).status()).isEqualTo(200);
		JsonNode before = http.settings(ALICE, program);
		int historyBefore = http.historyLength(ALICE, program);
		Session loggingIn = http.anonymous();
		String loginToken = Http.csrfOf(http.get(loggingIn, "/login"));

		assertThat(probe(http, "/actuator/health/readiness")).isEqualTo(200);

		server.stop();
		try {
			assertThat(probe(http, "/actuator/health/readiness")).as("readiness").isEqualTo(503);
			assertThat(probe(http, "/actuator/health/liveness")).as("liveness").isEqualTo(200);
			Response put = http.api("PUT", Http.settingsApiPath(program), ALICE, Http.body(false, false));
			assertUnavailableProblem(put);
			// Bob's password was never checked by this instance: it cannot be now, and that is no 401.
			assertUnavailableProblem(http.api("GET", Http.settingsApiPath(program), BOB, null));
			assertUnavailableProblem(http.api("GET", "/api/programs", ALICE, null));

			Response page = http.get(alice, Http.adSettingsPath(program), "fr");
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.header("Retry-After")).contains("5");
			assertThat(page.html().select("#unavailable").text()).isEqualTo("Temporairement indisponible");
			assertThat(page.body()).doesNotContain("Exception", "at com.");

			Response login = http.postForm(loggingIn, "/login",
					Http.form("username", BOB, "password", Http.PASSWORDS.get(BOB), "_csrf", loginToken));
			assertThat(login.status()).as("form login without a database: %s", login).isEqualTo(503);
			assertThat(login.html().select("#unavailable").text()).isEqualTo("Temporarily unavailable");
			assertThat(login.body()).doesNotContain(Http.PASSWORDS.get(BOB));
			// A new visitor needs no session (the login form's token is in a cookie): the page still shows.
			Response loginPage = http.get(http.anonymous(), "/login", "en");
			assertThat(loginPage.status()).as("the login page without a database: %s", loginPage).isEqualTo(200);
			assertThat(loginPage.sessionSetCookie()).as("no session").isEmpty();
		}
		finally {
			server.startAgain();
		}

		Response recovered = awaitRecovery(http, program);
		assertThat(recovered.status()).isEqualTo(200);
		JsonNode after = recovered.json();
		assertThat(after.get("version").asLong()).as("nothing was written").isEqualTo(before.get("version").asLong());
		assertThat(after.get("promoCodeTrackingEnabled")).isEqualTo(before.get("promoCodeTrackingEnabled"));
		assertThat(http.historyLength(ALICE, program)).isEqualTo(historyBefore);
		assertThat(http.get(alice, Http.adSettingsPath(program)).status())
			.as("the session kept in the database outlived the outage")
			.isEqualTo(200);
		assertThat(http.api("GET", "/api/programs", BOB, null).status()).isEqualTo(200);
		assertThat(probe(http, "/actuator/health/readiness")).isEqualTo(200);
	}

	/** A probe as the load balancer sends it: no credentials. */
	private static int probe(Http http, String path) {
		return http.send(HttpRequest.newBuilder(http.uri(path))).status();
	}

	private static void assertUnavailableProblem(Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(503);
		assertThat(response.contentType()).startsWith(PROBLEM_JSON);
		assertThat(response.problemType()).isEqualTo("service-unavailable");
		assertThat(response.header("Retry-After")).contains("5");
	}

	private static Response awaitRecovery(Http http, long program) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		Response response;
		do {
			response = http.api("GET", Http.settingsApiPath(program), ALICE, null);
		}
		while (response.status() == 503 && Instant.now().isBefore(deadline));
		return response;
	}

}
