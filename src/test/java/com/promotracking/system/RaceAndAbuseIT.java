package com.promotracking.system;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
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

import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens when requests race each other or come from where they should not: the same decision taken
 * at once by several people, the same test conversion sent several times at once, an API write sent as a
 * browser form, and a history page far past the end.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RaceAndAbuseIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	Program acmeFr;

	long onlineSale;

	final List<Long> created = new ArrayList<>();

	@BeforeEach
	void findTheFrenchProgramsOnlineSale() {
		this.http = Http.on(this.port, this.json);
		this.acmeFr = this.http.program(ACME_FR);
		JsonNode eventTypes = this.http.api("GET", "/api/programs/" + this.acmeFr.id() + "/event-types", ALICE, null)
			.json();
		for (JsonNode eventType : eventTypes) {
			if (eventType.get("name").stringValue().equals("Online Sale")) {
				this.onlineSale = eventType.get("id").asLong();
			}
		}
	}

	@AfterEach
	void leaveTheFrenchProgramUnvalidated() {
		this.http.put(ALICE, this.acmeFr.id(), false, false);
		for (long id : this.created) {
			this.http.api("DELETE", "/api/programs/" + this.acmeFr.id() + "/test-actions/" + id, ALICE, null);
		}
	}

	@Test
	void tenReviewersApprovingOneTestActionAtOnceSucceedOnceAndTheOthersAreToldItWasReviewed() throws Exception {
		long action = receive("RACE-" + UUID.randomUUID(), "RACE10").json().get("id").asLong();
		this.created.add(action);
		int historyBefore = this.http.historyLength(ALICE, this.acmeFr.id());

		Map<Integer, Integer> statuses = race(10, i -> this.http.api("POST",
				"/api/programs/" + this.acmeFr.id() + "/test-actions/" + action + "/review", (i % 2 == 0) ? ALICE : CAROL,
				"{\"decision\": \"" + ((i % 3 == 0) ? "reject" : "approve") + "\"}"));

		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1, 409, 9));
		List<JsonNode> newEntries = this.http.history(ALICE, this.acmeFr.id(), 0, 10);
		long changed = newEntries.stream()
			.limit(this.http.historyLength(ALICE, this.acmeFr.id()) - historyBefore)
			.filter(entry -> entry.get("outcome").stringValue().equals("changed"))
			.count();
		assertThat(changed).isEqualTo(1);
	}

	@Test
	void theSameTestConversionSentEightTimesAtOnceIsStoredOnceAndTheRestAreConflictsNotErrors() throws Exception {
		String orderId = "RETRY-" + UUID.randomUUID();

		Map<Integer, Integer> statuses = race(8, i -> receive(orderId, "RETRY10"));

		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 409, 7));
		JsonNode actions = this.http.api("GET",
				"/api/programs/" + this.acmeFr.id() + "/event-types/" + this.onlineSale + "/test-actions", ALICE, null)
			.json();
		List<Long> stored = new ArrayList<>();
		actions.forEach(action -> {
			if (action.get("orderId").stringValue().equals(orderId)) {
				stored.add(action.get("id").asLong());
			}
		});
		assertThat(stored).hasSize(1);
		this.created.addAll(stored);
	}

	@Test
	void anApiWriteSentAsABrowserFormIsRefusedAndChangesNothing() {
		Program acmeUs = this.http.program(ACME_US);
		JsonNode before = this.http.settings(ALICE, acmeUs.id());

		for (String contentType : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
				"text/plain")) {
			Response response = this.http.send(HttpRequest.newBuilder(this.http.uri(Http.settingsApiPath(acmeUs.id())))
				.header("Authorization", Http.basic(ALICE, Http.PASSWORDS.get(ALICE)))
				.header("Content-Type", contentType)
				.method("PUT", BodyPublishers.ofString("promoCodeTrackingEnabled=true")));

			assertThat(response.status()).as(contentType).isEqualTo(415);
			assertThat(response.problemType()).isEqualTo("unsupported-media-type");
		}
		assertThat(this.http.settings(ALICE, acmeUs.id())).isEqualTo(before);
	}

	@Test
	void aHistoryPageFarPastTheEndIsEmptyNotAnError() {
		Response response = this.http.api("GET",
				Http.historyApiPath(this.acmeFr.id()) + "?page=100000000&size=100", ALICE, null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().size()).isZero();
	}

	private Response receive(String orderId, String promoCode) {
		Response response = this.http.api("POST",
				"/api/programs/" + this.acmeFr.id() + "/event-types/" + this.onlineSale + "/test-actions", ALICE,
				"{\"orderId\": \"" + orderId + "\", \"amount\": 10.00, \"currency\": \"EUR\", \"promoCode\": \""
						+ promoCode + "\"}");
		return response;
	}

	interface Call {

		Response send(int index);

	}

	/** Fires the calls together from as many threads and counts the answers by status. */
	private static Map<Integer, Integer> race(int threads, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				answers.add(pool.submit(() -> {
					start.await();
					return call.send(index).status();
				}));
			}
			start.countDown();
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(), 1, Integer::sum);
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
