package com.promotracking.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
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

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty people save the same version of Acme Outdoor US at the same moment, over real HTTP from twenty
 * threads, half as the brand admin and half as the CSM: exactly one save wins, the nineteen others are told
 * of the conflict, and the history holds exactly one new {@code changed} entry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConcurrentSavesIT {

	private static final int SAVES = 20;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	Program program;

	@BeforeEach
	void startFromBothOff() {
		this.http = Http.on(this.port, this.json);
		this.program = this.http.program(ACME_US);
		this.http.put(ALICE, this.program.id(), false, false);
	}

	/** What one thread saw: the version it read, and the answer to its save. */
	record Attempt(String user, String readVersion, Response response) {
	}

	@Test
	void twentySimultaneousApiSavesOfOneVersionLetExactlyOneThroughAndAnswer412ToTheOthers() throws Exception {
		long id = this.program.id();
		JsonNode start = this.http.settings(ALICE, id);
		int historyBefore = this.http.historyLength(ALICE, id);

		List<Attempt> attempts = raceAll(user -> {
			Response read = Http.expect(this.http.api("GET", Http.settingsApiPath(id), user, null), 200);
			String etag = read.header("ETag").orElseThrow();
			return save -> new Attempt(user, etag, this.http.api("PUT", Http.settingsApiPath(id), user,
					Http.body(true, true), "If-Match", etag));
		});

		assertThat(attempts).extracting(Attempt::readVersion)
			.as("every thread read the same version")
			.containsOnly("\"" + start.get("version").asLong() + "\"");
		Map<Integer, Long> statuses = statuses(attempts);
		System.out.println("Concurrent API saves: " + statuses);
		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 412, (long) SAVES - 1));
		for (Attempt attempt : attempts) {
			if (attempt.response().status() == 412) {
				assertThat(attempt.response().contentType()).startsWith(Http.PROBLEM_JSON);
				assertThat(attempt.response().problemType()).isEqualTo("settings-changed");
			}
		}
		Attempt winner = winner(attempts, 200);

		JsonNode end = this.http.settings(ALICE, id);
		assertThat(end.get("promoCodeTrackingEnabled").asBoolean()).isTrue();
		assertThat(end.get("partnerPromoCodeRequestsAllowed").asBoolean()).isTrue();
		assertThat(end.get("version").asLong()).isEqualTo(start.get("version").asLong() + 1);
		assertThat(end.get("updatedBy").asString()).isEqualTo(winner.user());

		assertThat(this.http.historyLength(ALICE, id)).isEqualTo(historyBefore + SAVES);
		List<JsonNode> newest = this.http.history(ALICE, id, 0, SAVES);
		List<JsonNode> changed = newest.stream().filter(e -> e.get("outcome").asString().equals("changed")).toList();
		List<JsonNode> refused = newest.stream().filter(e -> e.get("outcome").asString().equals("refused")).toList();
		assertThat(changed).hasSize(1);
		assertThat(refused).hasSize(SAVES - 1)
			.allSatisfy(entry -> assertThat(entry.get("type").asString()).endsWith("/settings-changed"));
		JsonNode change = changed.get(0);
		assertThat(change.get("actor").asString()).isEqualTo(winner.user());
		assertThat(change.get("channel").asString()).isEqualTo("api");
		assertThat(change.at("/changes/promoCodeTrackingEnabled/from").asBoolean()).isFalse();
		assertThat(change.at("/changes/promoCodeTrackingEnabled/to").asBoolean()).isTrue();
		assertThat(change.at("/changes/partnerPromoCodeRequestsAllowed/to").asBoolean()).isTrue();
		assertThat(newest).extracting(e -> e.get("actor").asString())
			.as("both the brand admin and the CSM raced")
			.contains(ALICE, CAROL);
	}

	@Test
	void twentySimultaneousFormSavesOfOneVersionLetExactlyOneThroughAndShowTheOthersTheCurrentValues()
			throws Exception {
		long id = this.program.id();
		String page = Http.adSettingsPath(id);
		long startVersion = this.http.settings(ALICE, id).get("version").asLong();
		int historyBefore = this.http.historyLength(ALICE, id);

		List<Attempt> attempts = raceAll(user -> {
			Session session = this.http.login(user);
			Document form = Http.expect(this.http.get(session, page), 200).html();
			String version = form.selectFirst("#ad-settings-form input[name=version]").val();
			String csrf = form.selectFirst("#ad-settings-form input[name=_csrf]").val();
			return save -> new Attempt(user, version, this.http.postForm(session, page,
					Http.adSettingsForm(true, true, Long.parseLong(version), csrf)));
		});

		assertThat(attempts).extracting(Attempt::readVersion)
			.as("every session's form carried the same version")
			.containsOnly(Long.toString(startVersion));
		Map<Integer, Long> statuses = statuses(attempts);
		System.out.println("Concurrent form saves: " + statuses);
		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(302, 1L, 409, (long) SAVES - 1));
		Attempt winner = winner(attempts, 302);
		assertThat(winner.response().location()).endsWith(page + "?saved");

		for (Attempt attempt : attempts) {
			if (attempt.response().status() != 409) {
				continue;
			}
			Document conflict = attempt.response().html();
			assertThat(conflict.getElementById("conflict-message")).as("conflict message").isNotNull();
			assertThat(conflict.getElementById("conflict-message").text()).contains(winner.user());
			assertThat(conflict.getElementById("promoCodeTrackingEnabled").hasAttr("checked")).isTrue();
			assertThat(conflict.getElementById("partnerPromoCodeRequestsAllowed").hasAttr("checked")).isTrue();
			assertThat(conflict.selectFirst("#ad-settings-form input[name=version]").val())
				.as("the form now carries the current version")
				.isEqualTo(Long.toString(startVersion + 1));
			assertThat(conflict.getElementById("saved-message")).isNull();
		}

		assertThat(this.http.historyLength(ALICE, id)).isEqualTo(historyBefore + SAVES);
		List<JsonNode> newest = this.http.history(ALICE, id, 0, SAVES);
		assertThat(newest).filteredOn(e -> e.get("outcome").asString().equals("changed"))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.get("actor").asString()).isEqualTo(winner.user());
				assertThat(entry.get("channel").asString()).isEqualTo("page");
			});
		assertThat(newest).filteredOn(e -> e.get("outcome").asString().equals("refused"))
			.hasSize(SAVES - 1)
			.allSatisfy(entry -> {
				assertThat(entry.get("type").asString()).endsWith("/settings-changed");
				assertThat(entry.get("channel").asString()).isEqualTo("page");
			});
		JsonNode end = this.http.settings(ALICE, id);
		assertThat(end.get("version").asLong()).isEqualTo(startVersion + 1);
		assertThat(end.get("updatedBy").asString()).isEqualTo(winner.user());
	}

	@Test
	void aConflictedFormCanBeReviewedAndSavedAgain() {
		long id = this.program.id();
		String page = Http.adSettingsPath(id);
		Session alice = this.http.login(ALICE);
		Session carol = this.http.login(CAROL);
		Document aliceForm = this.http.get(alice, page).html();
		long version = Long.parseLong(aliceForm.selectFirst("input[name=version]").val());

		Http.expect(this.http.postForm(carol, page,
				Http.adSettingsForm(true, false, version, Http.csrfOf(this.http.get(carol, page)))), 302);
		Response conflict = this.http.postForm(alice, page,
				Http.adSettingsForm(true, true, version, aliceForm.selectFirst("input[name=_csrf]").val()));
		assertThat(conflict.status()).isEqualTo(409);
		Document reviewed = conflict.html();
		assertThat(reviewed.getElementById("conflict-message").text()).contains(CAROL);
		assertThat(reviewed.getElementById("promoCodeTrackingEnabled").hasAttr("checked")).isTrue();
		assertThat(reviewed.getElementById("partnerPromoCodeRequestsAllowed").hasAttr("checked")).isFalse();

		long current = Long.parseLong(reviewed.selectFirst("#ad-settings-form input[name=version]").val());
		Response again = this.http.postForm(alice, page,
				Http.adSettingsForm(true, true, current, Http.csrfOf(conflict)));
		assertThat(again.status()).as("%s", again).isEqualTo(302);
		JsonNode end = this.http.settings(ALICE, id);
		assertThat(end.get("partnerPromoCodeRequestsAllowed").asBoolean()).isTrue();
		assertThat(end.get("updatedBy").asString()).isEqualTo(ALICE);
	}

	// ---------------------------------------------------------------- the race

	/**
	 * Each of {@value #SAVES} threads (alternately Alice and Carol) prepares (reads the version), then all wait
	 * at one latch and save at once.
	 */
	private List<Attempt> raceAll(Function<String, Function<Void, Attempt>> prepare) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(SAVES);
		try {
			CountDownLatch ready = new CountDownLatch(SAVES);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Attempt>> results = new ArrayList<>();
			for (int i = 0; i < SAVES; i++) {
				String user = (i % 2 == 0) ? ALICE : CAROL;
				Callable<Attempt> task = () -> {
					Function<Void, Attempt> save;
					try {
						save = prepare.apply(user);
					}
					finally {
						ready.countDown();
					}
					if (!go.await(60, TimeUnit.SECONDS)) {
						throw new IllegalStateException("never released");
					}
					return save.apply(null);
				};
				results.add(threads.submit(task));
			}
			assertThat(ready.await(120, TimeUnit.SECONDS)).as("all threads prepared").isTrue();
			go.countDown();
			List<Attempt> attempts = new ArrayList<>();
			for (Future<Attempt> result : results) {
				attempts.add(result.get(120, TimeUnit.SECONDS));
			}
			return attempts;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static Map<Integer, Long> statuses(List<Attempt> attempts) {
		return attempts.stream().collect(Collectors.groupingBy(a -> a.response().status(), Collectors.counting()));
	}

	private static Attempt winner(List<Attempt> attempts, int status) {
		return attempts.stream().filter(a -> a.response().status() == status).findFirst().orElseThrow();
	}

}
