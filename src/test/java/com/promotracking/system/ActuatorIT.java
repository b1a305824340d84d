package com.promotracking.system;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;
import com.promotracking.support.TestPostgres;

import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.OLIVIA;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations over real HTTP: health and its probes are open but show their parts to operators only; info and
 * prometheus need an operator (401 without credentials, 403 problem for anyone else); every other Actuator
 * endpoint is not there at all, not even for an operator. And the operator sees no brand and no program.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void connect() {
		this.http = Http.on(this.port, this.json);
	}

	// ---------------------------------------------------------------- health

	@Test
	void healthLivenessAndReadinessAreUpWithoutCredentialsAndShowNoParts() {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			Response response = this.http.api("GET", path, null, null);

			assertThat(response.status()).as("%s → %s", path, response).isEqualTo(200);
			assertThat(response.json().get("status").asString()).as(path).isEqualTo("UP");
			assertThat(response.json().has("components")).as("%s shows no parts to anyone: %s", path, response.body())
				.isFalse();
			assertThat(response.sessionSetCookie()).as("no session").isEmpty();
		}
	}

	@Test
	void readinessListsTheDatabaseToOperatorsOnly() {
		Response operator = this.http.api("GET", "/actuator/health/readiness", OLIVIA, null);
		Response brandAdmin = this.http.api("GET", "/actuator/health/readiness", ALICE, null);
		Response liveness = this.http.api("GET", "/actuator/health/liveness", OLIVIA, null);

		assertThat(operator.status()).as("%s", operator).isEqualTo(200);
		JsonNode components = operator.json().get("components");
		assertThat(components).as(operator.body()).isNotNull();
		assertThat(components.propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
		assertThat(components.at("/db/status").asString()).isEqualTo("UP");
		assertThat(components.at("/db/details/database").asString()).as("details too")
			.isEqualTo(TestPostgres.isThisRun() ? "PostgreSQL" : "H2");
		assertThat(brandAdmin.status()).isEqualTo(200);
		assertThat(brandAdmin.json().has("components")).as("a brand admin is no operator: %s", brandAdmin.body())
			.isFalse();
		assertThat(liveness.json().get("components").propertyNames()).as("alive does not depend on the database")
			.containsExactly("livenessState");
	}

	// ---------------------------------------------------------------- info, prometheus, the rest

	@Test
	void infoPrometheusAndTheIndexNeedAnOperator() {
		for (String path : List.of("/actuator/info", "/actuator/prometheus", "/actuator")) {
			Response anonymous = get(path, null);
			Response brandAdmin = get(path, ALICE);
			Response operator = get(path, OLIVIA);

			assertProblem(anonymous, 401, "unauthorized");
			assertThat(anonymous.header("WWW-Authenticate")).as(path)
				.hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
			assertProblem(brandAdmin, 403, "forbidden");
			assertThat(brandAdmin.json().get("instance").asString()).isEqualTo(path);
			assertThat(operator.status()).as("%s → %s", path, operator).isEqualTo(200);
			assertThat(operator.sessionSetCookie()).as("%s keeps no session", path).isEmpty();
		}
	}

	@Test
	void aSessionCookieAloneOpensNothingUnderActuator() {
		Session olivia = this.http.login(OLIVIA);

		assertThat(this.http.get(olivia, "/actuator/info").status()).isEqualTo(401);
	}

	@Test
	void infoShowsTheVersionAndTheCommit() {
		JsonNode info = this.http.api("GET", "/actuator/info", OLIVIA, null).json();

		assertThat(info.at("/build/version").asString("")).as(info.toString()).isNotBlank();
		assertThat(info.at("/build/artifact").asString("")).isEqualTo("promo-code-tracking");
		// Built from a source tree without .git, the build has no commit to tell; from a clone it must tell it.
		if (Files.exists(Path.of(System.getProperty("user.dir"), ".git"))) {
			assertThat(info.at("/git/commit/id").asString("")).as(info.toString()).isNotBlank();
			assertThat(info.at("/git/commit/time").asString("")).as(info.toString()).isNotBlank();
		}
	}

	@Test
	void prometheusServesTheHttpServerRequestMetrics() {
		Program acmeUs = this.http.program(ACME_US);
		Http.expect(this.http.api("GET", Http.settingsApiPath(acmeUs.id()), ALICE, null), 200);

		Response metrics = get("/actuator/prometheus", OLIVIA);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.contentType()).startsWith("text/plain");
		assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes");
		assertThat(metrics.body()).as("tagged by route, not by raw path")
			.contains("uri=\"/api/programs/{programId}/promo-code-settings\"");
	}

	@Test
	void everyOtherEndpointIsNotThereEvenForAnOperator() {
		for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/metrics",
				"/actuator/loggers", "/actuator/configprops", "/actuator/threaddump", "/actuator/mappings",
				"/actuator/shutdown", "/actuator/sbom")) {
			Response operator = this.http.api("GET", path, OLIVIA, null);
			Response anonymous = this.http.api("GET", path, null, null);

			assertProblem(operator, 404, "not-found");
			assertThat(anonymous.status()).as(path).isEqualTo(401);
		}
		assertThat(this.http.api("POST", "/actuator/shutdown", OLIVIA, null).status()).isEqualTo(404);
	}

	/** A GET that takes any type, as a scraper or curl sends it; a null user sends no credentials. */
	private Response get(String path, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path)).header("Accept", "*/*").GET();
		if (user != null) {
			request.header("Authorization", Http.basic(user, PASSWORDS.get(user)));
		}
		return this.http.send(request);
	}

	// ---------------------------------------------------------------- the operator elsewhere

	@Test
	void theOperatorSeesNoBrandAndNoProgram() {
		Program acmeUs = this.http.program(ACME_US);

		assertThat(this.http.api("GET", "/api/programs", OLIVIA, null).json().size()).isZero();
		assertProblem(this.http.api("GET", Http.settingsApiPath(acmeUs.id()), OLIVIA, null), 404, "not-found");

		Session olivia = this.http.login(OLIVIA);
		Response home = this.http.get(olivia, "/");
		assertThat(home.status()).as("%s", home).isEqualTo(200);
		assertThat(home.html().getElementById("operator-note").text()).contains("/actuator");
		assertThat(home.html().select(".program-list a")).isEmpty();
		assertThat(home.html().select(".user-role").text()).isEqualTo("Operator");
		assertThat(this.http.get(olivia, "/?lang=fr").html().getElementById("operator-note").text())
			.contains("exploitez");
		Response settings = this.http.get(olivia, "/settings");
		assertThat(settings.status()).as("%s", settings).isEqualTo(200);
		assertThat(this.http.get(olivia, Http.adSettingsPath(acmeUs.id())).status()).isEqualTo(404);
		assertThat(this.http.get(olivia, "/partner/requests").status()).isEqualTo(200);
	}

}
