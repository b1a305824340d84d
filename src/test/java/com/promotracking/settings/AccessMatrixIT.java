package com.promotracking.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static com.promotracking.support.Http.OLIVIA;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may touch which program's settings, walked as a whole: every demo user × every demo program × every
 * settings endpoint, over real HTTP. Allowed calls answer 200 (302 for the saved form) and a write really
 * writes; every other call answers 404, like a program that does not exist, and changes nothing.
 *
 * <p>Before each case the program is put (directly in the database) at tracking on and partner requests on,
 * and every write asks for both off: a change that is always allowed and that, if it slipped through, would
 * show in the flags, the version and the history. "Nothing changed" is then checked on the database row and
 * on the number of history entries of that program.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessMatrixIT {

	/** The rule, as the issue states it: who may act on which program. */
	private static final Map<String, Set<String>> MAY_ACT_ON = Map.of(ALICE, Set.of(ACME_US, ACME_FR), BOB,
			Set.of(GLOBEX_MAIN), CAROL, Set.of(ACME_US, ACME_FR), PAT, Set.of(), OLIVIA, Set.of());

	private static final List<String> USERS = List.of(ALICE, BOB, CAROL, PAT, OLIVIA);

	private static final List<String> PROGRAMS = List.of(ACME_US, ACME_FR, GLOBEX_MAIN);

	private static final AtomicInteger casesRun = new AtomicInteger();

	/** One form login per user and server for the whole class. */
	private static final Map<String, Session> sessions = new ConcurrentHashMap<>();

	enum Endpoint {

		PAGE_GET("page GET", false), FORM_POST("form POST", true), API_GET("API GET", false),
		API_PUT("API PUT", true), HISTORY_GET("history API GET", false);

		final String label;

		final boolean writes;

		Endpoint(String label, boolean writes) {
			this.label = label;
			this.writes = writes;
		}

		@Override
		public String toString() {
			return this.label;
		}

	}

	/** The program's row and history length, read straight from the database. */
	record Snapshot(boolean tracking, boolean partnerRequests, long version, int historyLength) {
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	@BeforeEach
	void connect() {
		this.http = Http.on(this.port, this.json);
	}

	@AfterEach
	void bothSettingsOffAgain() {
		this.jdbc.update("update promo_code_settings set promo_code_tracking_enabled = false, "
				+ "partner_promo_code_requests_allowed = false, version = version + 1");
	}

	@AfterAll
	static void printMatrixSize() {
		System.out.printf("Access matrix: %d users x %d programs x %d endpoints = %d cases run%n", USERS.size(),
				PROGRAMS.size(), Endpoint.values().length, casesRun.get());
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (String user : USERS) {
			for (String program : PROGRAMS) {
				for (Endpoint endpoint : Endpoint.values()) {
					cases.add(Arguments.of(user, program, endpoint));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} on {1}: {2}")
	@MethodSource("matrix")
	void usersActOnlyOnTheirBrandsProgramsAndEverythingElseIsNotFoundAndChangesNothing(String user,
			String programName, Endpoint endpoint) {
		casesRun.incrementAndGet();
		Program program = this.http.program(programName);
		boolean allowed = MAY_ACT_ON.get(user).contains(programName);
		bothSettingsOn(program.id());
		Snapshot before = snapshot(program.id());

		Response response = call(user, program, endpoint, before.version());

		Snapshot after = snapshot(program.id());
		if (!allowed) {
			assertThat(response.status()).as("%s → %s", endpoint, response).isEqualTo(404);
			if (endpoint == Endpoint.PAGE_GET || endpoint == Endpoint.FORM_POST) {
				assertThat(response.html().getElementById("not-found")).as("the not-found page").isNotNull();
			}
			else {
				assertThat(response.contentType()).startsWith(Http.PROBLEM_JSON);
				assertThat(response.problemType()).isEqualTo("not-found");
			}
			assertThat(after).as("settings and history after a refused %s", endpoint).isEqualTo(before);
			return;
		}
		switch (endpoint) {
			case PAGE_GET -> {
				assertThat(response.status()).as("%s", response).isEqualTo(200);
				assertThat(response.html().getElementById("ad-settings-form")).isNotNull();
			}
			case FORM_POST -> {
				assertThat(response.status()).as("%s", response).isEqualTo(302);
				assertThat(response.location()).endsWith(Http.adSettingsPath(program.id()) + "?saved");
			}
			case API_GET -> {
				assertThat(response.status()).as("%s", response).isEqualTo(200);
				assertThat(response.json().get("programId").asLong()).isEqualTo(program.id());
				assertThat(response.json().get("promoCodeTrackingEnabled").asBoolean()).isTrue();
			}
			case API_PUT -> {
				assertThat(response.status()).as("%s", response).isEqualTo(200);
				assertThat(response.json().get("promoCodeTrackingEnabled").asBoolean()).isFalse();
			}
			case HISTORY_GET -> {
				assertThat(response.status()).as("%s", response).isEqualTo(200);
				assertThat(response.json().isArray()).isTrue();
			}
		}
		if (endpoint.writes) {
			assertThat(after).as("the allowed write took effect")
				.isEqualTo(new Snapshot(false, false, before.version() + 1, before.historyLength() + 1));
			JsonNode newest = this.http.history(user, program.id(), 0, 1).get(0);
			assertThat(newest.get("actor").asString()).isEqualTo(user);
			assertThat(newest.get("outcome").asString()).isEqualTo("changed");
		}
		else {
			assertThat(after).as("a read changes nothing").isEqualTo(before);
		}
	}

	@Test
	void theMatrixCoversEveryUserProgramAndEndpoint() {
		assertThat(matrix()).hasSize(USERS.size() * PROGRAMS.size() * Endpoint.values().length).hasSize(75);
	}

	@Test
	void aProgramThatDoesNotExistLooksExactlyLikeOneTheUserMayNotSee() {
		Program globex = this.http.program(GLOBEX_MAIN);
		long missing = 987_654_321L;
		Response invisible = this.http.api("GET", Http.settingsApiPath(globex.id()), ALICE, null);
		Response absent = this.http.api("GET", Http.settingsApiPath(missing), ALICE, null);
		assertThat(invisible.status()).isEqualTo(404);
		assertThat(absent.status()).isEqualTo(404);
		assertThat(withoutInstance(invisible.json())).isEqualTo(withoutInstance(absent.json()));

		Session alice = session(ALICE);
		Response invisiblePage = this.http.get(alice, Http.adSettingsPath(globex.id()));
		Response absentPage = this.http.get(alice, Http.adSettingsPath(missing));
		assertThat(invisiblePage.status()).isEqualTo(404);
		assertThat(absentPage.status()).isEqualTo(404);
		assertThat(invisiblePage.html().getElementById("main").text())
			.isEqualTo(absentPage.html().getElementById("main").text());
	}

	@Test
	void theApiWithoutCredentialsAnswers401AndChangesNothing() {
		Program program = this.http.program(ACME_US);
		bothSettingsOn(program.id());
		Snapshot before = snapshot(program.id());
		for (String[] call : List.of(new String[] { "GET", Http.settingsApiPath(program.id()) },
				new String[] { "PUT", Http.settingsApiPath(program.id()) },
				new String[] { "GET", Http.historyApiPath(program.id()) },
				new String[] { "GET", "/api/programs" })) {
			Response response = this.http.api(call[0], call[1], null,
					call[0].equals("PUT") ? Http.body(false, false) : null);
			assertThat(response.status()).as("%s %s", call[0], call[1]).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
			assertThat(response.contentType()).startsWith(Http.PROBLEM_JSON);
		}
		assertThat(snapshot(program.id())).isEqualTo(before);
	}

	@Test
	void anAnonymousPageVisitIsSentToTheLoginPage() {
		Program program = this.http.program(ACME_US);
		for (String path : List.of(Http.adSettingsPath(program.id()), "/programs/" + program.id() + "/settings",
				"/settings", "/")) {
			Response response = this.http.get(this.http.anonymous(), path);
			assertThat(response.status()).as(path).isEqualTo(302);
			assertThat(response.location()).as(path).endsWith("/login");
		}
	}

	// ---------------------------------------------------------------- helpers

	private Response call(String user, Program program, Endpoint endpoint, long version) {
		return switch (endpoint) {
			case PAGE_GET -> this.http.get(session(user), Http.adSettingsPath(program.id()));
			case FORM_POST -> {
				Session session = session(user);
				// Every signed-in user has a start page with forms: a partner's is their requests page.
				String csrf = this.http.csrf(session, Http.PAT.equals(user) ? "/partner/requests" : "/");
				yield this.http.postForm(session, Http.adSettingsPath(program.id()),
						Http.adSettingsForm(false, false, version, csrf));
			}
			case API_GET -> this.http.api("GET", Http.settingsApiPath(program.id()), user, null);
			case API_PUT -> this.http.api("PUT", Http.settingsApiPath(program.id()), user, Http.body(false, false));
			case HISTORY_GET -> this.http.api("GET", Http.historyApiPath(program.id()) + "?page=0&size=5", user, null);
		};
	}

	private Session session(String user) {
		return sessions.computeIfAbsent(this.http.base() + " " + user, key -> this.http.login(user));
	}

	private void bothSettingsOn(long programId) {
		this.jdbc.update("update promo_code_settings set promo_code_tracking_enabled = true, "
				+ "partner_promo_code_requests_allowed = true, version = version + 1 where program_id = ?", programId);
	}

	private Snapshot snapshot(long programId) {
		Snapshot row = this.jdbc.queryForObject(
				"select promo_code_tracking_enabled, partner_promo_code_requests_allowed, version "
						+ "from promo_code_settings where program_id = ?",
				(rs, i) -> new Snapshot(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3), 0), programId);
		Integer history = this.jdbc.queryForObject("select count(*) from history_entry where program_id = ?",
				Integer.class, programId);
		return new Snapshot(row.tracking(), row.partnerRequests(), row.version(), history);
	}

	private static JsonNode withoutInstance(JsonNode problem) {
		ObjectNode copy = (ObjectNode) problem.deepCopy();
		copy.remove("instance");
		return copy;
	}

}
