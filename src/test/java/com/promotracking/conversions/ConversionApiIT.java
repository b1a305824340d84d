package com.promotracking.conversions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;

import static com.promotracking.support.ApiAssertions.assertInvalid;
import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.ApiAssertions.elements;
import static com.promotracking.support.ApiAssertions.ids;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversions API over real HTTP: the shapes of a stored conversion, its attribution and a batch; replay and
 * conflict of an order id, also at once, when single conversions posted together are stored in groups; each caller
 * of a group getting its own refusal; every rule naming its field; a batch stored all or nothing; who sees what
 * (a partner only what credited them, another brand nothing); and the promo code report over days of a time zone.
 *
 * <p>The database is shared with the other integration tests: tracking is on for Acme Outdoor US during each test,
 * and every order id and code is new to the run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConversionApiIT {

	private static final String QUINN = "quinn@coupons.example";

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36).toUpperCase();

	private static final AtomicInteger COUNTER = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	Program acmeUs;

	long trailblazer;

	long couponCorner;

	long onlineSale;

	@BeforeEach
	void trackingIsOnForAcmeOutdoorUs() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
		this.trailblazer = this.http.partnerId(ALICE, this.acmeUs.id(), "Trailblazer Deals");
		this.couponCorner = this.http.partnerId(ALICE, this.acmeUs.id(), "Coupon Corner");
		this.onlineSale = this.http.eventTypeId(ALICE, this.acmeUs.id(), "Online Sale");
		this.http.put(ALICE, this.acmeUs.id(), true, false);
	}

	@AfterEach
	void trackingIsOffAgain() {
		this.http.put(ALICE, this.acmeUs.id(), false, false);
	}

	// ---------------------------------------------------------------- one conversion

	@Test
	void aConversionCarryingACodeIsCreditedToTheCodesPartnerAndStoredAsSent() {
		JsonNode code = createCode(this.couponCorner, "always", "exact");
		String orderId = orderId();
		String body = conversion(orderId, "2026-11-02T10:00:00+01:00", "\"49.90\"", "USD",
				code.get("code").asString().toLowerCase(),
				"[{\"partnerId\": " + this.trailblazer + ", \"at\": \"2026-11-02T08:30:00Z\"}]");

		Response created = this.http.api("POST", path(), CAROL, body);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode conversion = created.json();
		assertThat(created.location()).endsWith(path() + "/" + conversion.get("id").asLong());
		assertThat(conversion.propertyNames()).containsExactlyInAnyOrder("id", "orderId", "eventTypeId", "occurredAt",
				"receivedAt", "amount", "currency", "promoCode", "clicks", "attribution");
		assertThat(conversion.get("orderId").asString()).isEqualTo(orderId);
		assertThat(conversion.get("occurredAt").asString()).isEqualTo("2026-11-02T09:00:00Z");
		assertThat(conversion.get("amount").asString()).isEqualTo("49.90");
		assertThat(conversion.at("/clicks/0/partnerId").asLong()).isEqualTo(this.trailblazer);
		JsonNode attribution = conversion.get("attribution");
		assertThat(attribution.propertyNames()).containsExactlyInAnyOrder("partnerId", "partnerName", "by",
				"promoCodeId", "code", "creditPolicy", "flags");
		assertThat(attribution.get("partnerId").asLong()).isEqualTo(this.couponCorner);
		assertThat(attribution.get("partnerName").asString()).isEqualTo("Coupon Corner");
		assertThat(attribution.get("by").asString()).isEqualTo("promo-code");
		assertThat(attribution.get("promoCodeId").asLong()).isEqualTo(code.get("id").asLong());
		assertThat(attribution.get("code").asString()).isEqualTo(code.get("code").asString());
		assertThat(attribution.get("creditPolicy").asString()).isEqualTo("always");
		assertThat(elements(attribution.get("flags"))).isEmpty();

		Response read = expect(this.http.api("GET", created.location(), ALICE, null), 200);
		assertThat(read.json()).isEqualTo(conversion);
	}

	@Test
	void withoutACodeTheWinningClickIsCreditedAndWithNeitherNobody() {
		String clicks = "[{\"partnerId\": " + this.couponCorner + ", \"at\": \"2026-11-02T08:00:00Z\"},"
				+ " {\"partnerId\": " + this.trailblazer + ", \"at\": \"2026-11-02T08:30:00Z\"}]";
		JsonNode byClick = expect(this.http.api("POST", path(), ALICE,
				conversion(orderId(), "2026-11-02T09:00:00Z", "10", "EUR", null, clicks)), 201).json();
		JsonNode unknown = expect(this.http.api("POST", path(), ALICE,
				conversion(orderId(), "2026-11-02T09:00:00Z", "10", "EUR", "NO-SUCH-" + RUN, null)), 201).json();

		assertThat(byClick.at("/attribution/by").asString()).isEqualTo("click");
		assertThat(byClick.at("/attribution/partnerName").asString()).isEqualTo("Trailblazer Deals");
		assertThat(byClick.at("/attribution/promoCodeId").isNull()).isTrue();
		assertThat(unknown.at("/attribution/by").asString()).isEqualTo("none");
		assertThat(unknown.at("/attribution/partnerId").isNull()).isTrue();
		assertThat(unknown.at("/attribution/partnerName").isNull()).isTrue();
		assertThat(elements(unknown.at("/attribution/flags")).get(0).asString()).isEqualTo("code-unknown");
	}

	@Test
	void theSameOrderAgainIsAnsweredWithTheStoredConversionAndOtherContentIsAConflict() {
		String orderId = orderId();
		JsonNode first = expect(this.http.api("POST", path(), ALICE,
				conversion(orderId, "2026-11-02T09:00:00Z", "12.5", "USD", null, null)), 201).json();

		Response retry = this.http.api("POST", path(), ALICE,
				conversion(orderId, "2026-11-02T10:00:00+01:00", "\"12.50\"", "USD", null, null));
		Response other = this.http.api("POST", path(), ALICE,
				conversion(orderId, "2026-11-02T09:00:00Z", "12.51", "USD", null, null));

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json()).isEqualTo(first);
		assertProblem(other, 409, "order-id-conflict");
		assertThat(expect(this.http.api("GET", path() + "/" + first.get("id").asLong(), ALICE, null), 200).json())
			.isEqualTo(first);
	}

	@Test
	void retriesSentAtOnceStoreOneConversion() throws Exception {
		String body = conversion(orderId(), "2026-11-02T09:00:00Z", "5", "USD", null, null);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Response>> replies = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				Callable<Response> post = () -> this.http.api("POST", path(), ALICE, body);
				replies.add(pool.submit(post));
			}
			List<Integer> statuses = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			for (Future<Response> reply : replies) {
				statuses.add(reply.get().status());
				ids.add(reply.get().json().get("id").asLong());
			}
			assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * 64 posts at once, stored in groups: twelve order ids sent four times each, three times with one content and
	 * once with another, and sixteen order ids sent once. Whichever content comes first is created, once; its
	 * repeats are answered with it, the other content is a conflict, whatever the groups were.
	 */
	@Test
	void singlePostsAtOnceCreateEachOrderIdOnceReplayTheSameContentAndRefuseOtherContent() throws Exception {
		String prefix = orderId() + "-AT-ONCE-";
		List<String[]> posts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			for (int repeat = 0; repeat < 3; repeat++) {
				posts.add(new String[] { prefix + i, "5" });
			}
			posts.add(new String[] { prefix + i, "6" });
		}
		for (int i = 12; i < 28; i++) {
			posts.add(new String[] { prefix + i, "5" });
		}
		Collections.shuffle(posts, new Random(17));

		List<Response> replies = allAtOnce(posts.stream()
			.map(post -> (Callable<Response>) () -> post(conversion(post[0], "2026-11-02T09:00:00Z", post[1], "USD",
					null, null)))
			.toList());

		Map<String, JsonNode> createdByOrder = new HashMap<>();
		for (int i = 0; i < posts.size(); i++) {
			if (replies.get(i).status() == 201) {
				assertThat(createdByOrder.put(posts.get(i)[0], replies.get(i).json())).as("created twice: %s",
						posts.get(i)[0]).isNull();
			}
		}
		assertThat(createdByOrder).hasSize(28);
		for (int i = 0; i < posts.size(); i++) {
			Response reply = replies.get(i);
			JsonNode created = createdByOrder.get(posts.get(i)[0]);
			boolean sameContent = created.get("amount").asString().equals(posts.get(i)[1] + ".00");
			if (reply.status() == 201) {
				continue;
			}
			if (sameContent) {
				assertThat(reply.status()).as(reply.body()).isEqualTo(200);
				assertThat(reply.json()).isEqualTo(created);
			}
			else {
				assertProblem(reply, 409, "order-id-conflict");
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from conversion where order_id like ?", Integer.class,
				prefix + "%")).isEqualTo(28);
	}

	/**
	 * Posts at once from callers refused for different reasons (another brand, a partner, a click of no partner of
	 * the program, an event type still pending) and from callers whose conversions are valid: each refusal reaches
	 * its own caller only, and every valid conversion is stored.
	 */
	@Test
	void amongPostsAtOnceEachRefusalReachesItsOwnCallerAndTheOthersAreStored() throws Exception {
		long pending = expect(this.http.api("POST", "/api/programs/" + this.acmeUs.id() + "/event-types", ALICE,
				"{\"name\": \"Pending " + RUN + COUNTER.incrementAndGet() + "\", \"kind\": \"lead\"}"), 201).json()
			.get("id")
			.asLong();
		List<Callable<Response>> posts = new ArrayList<>();
		List<Integer> expected = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String valid = conversion(orderId(), "2026-11-02T09:00:00Z", "1", "USD", null, null);
			posts.add(() -> post(valid));
			expected.add(201);
			posts.add(() -> this.http.api("POST", path(), BOB, valid));
			expected.add(404);
			String other = conversion(orderId(), "2026-11-02T09:00:00Z", "1", "USD", null, null);
			posts.add(() -> this.http.api("POST", path(), PAT, other));
			expected.add(404);
			posts.add(() -> post(conversion(orderId(), "2026-11-02T09:00:00Z", "1", "USD", null,
					"[{\"partnerId\": 999999, \"at\": \"2026-11-02T08:00:00Z\"}]")));
			expected.add(400);
			String inactive = "{\"orderId\": \"" + orderId() + "\", \"eventTypeId\": " + pending
					+ ", \"amount\": 1, \"currency\": \"USD\"}";
			posts.add(() -> post(inactive));
			expected.add(422);
			posts.add(() -> this.http.api("POST", path(), CAROL,
					conversion(orderId(), "2026-11-02T09:00:00Z", "2", "EUR", null, null)));
			expected.add(201);
		}

		List<Response> replies = allAtOnce(posts);

		for (int i = 0; i < replies.size(); i++) {
			assertThat(replies.get(i).status()).as("post %d: %s", i, replies.get(i).body()).isEqualTo(expected.get(i));
		}
		assertThat(replies).filteredOn(reply -> reply.status() == 404)
			.allSatisfy(reply -> assertProblem(reply, 404, "not-found"));
		assertThat(replies).filteredOn(reply -> reply.status() == 422)
			.allSatisfy(reply -> assertProblem(reply, 422, "event-type-not-active"));
		assertThat(replies).filteredOn(reply -> reply.status() == 400)
			.allSatisfy(reply -> assertInvalid(reply, "clicks[0].partnerId"));
		for (Response created : replies.stream().filter(reply -> reply.status() == 201).toList()) {
			assertThat(expect(this.http.api("GET", created.location(), ALICE, null), 200).json())
				.isEqualTo(created.json());
		}
	}

	/** Runs every call at the same moment, each on a thread of its own, and gives the answers in their order. */
	private static List<Response> allAtOnce(List<Callable<Response>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> replies = new ArrayList<>();
			for (Callable<Response> call : calls) {
				replies.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Response> answers = new ArrayList<>();
			for (Future<Response> reply : replies) {
				answers.add(reply.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void eachRuleNamesItsField() {
		String at = "2026-11-02T09:00:00Z";
		assertInvalid(post(conversion("", at, "1", "USD", null, null)), "orderId");
		assertInvalid(post(conversion("X".repeat(65), at, "1", "USD", null, null)), "orderId");
		assertInvalid(post(conversion(orderId(), at, "-1", "USD", null, null)), "amount");
		assertInvalid(post(conversion(orderId(), at, "1.005", "USD", null, null)), "amount");
		assertInvalid(post(conversion(orderId(), at, "\"ten\"", "USD", null, null)), "amount");
		assertInvalid(post(conversion(orderId(), at, "1", "usd", null, null)), "currency");
		assertInvalid(post(conversion(orderId(), at, "1", "XYZ", null, null)), "currency");
		assertInvalid(post(conversion(orderId(), "2026-11-02T09:00:00", "1", "USD", null, null)), "occurredAt");
		assertInvalid(post(conversion(orderId(), at, "1", "USD", "C".repeat(65), null)), "promoCode");
		assertInvalid(post(conversion(orderId(), at, "1", "USD", null,
				"[{\"partnerId\": 999999, \"at\": \"2026-11-02T08:00:00Z\"}]")), "clicks[0].partnerId");
		assertInvalid(post(conversion(orderId(), at, "1", "USD", null,
				"[{\"partnerId\": " + this.trailblazer + ", \"at\": \"2026-11-02T09:00:01Z\"}]")), "clicks[0].at");
		StringBuilder many = new StringBuilder("[");
		for (int i = 0; i < 51; i++) {
			many.append((i > 0) ? "," : "").append("{\"partnerId\": ").append(this.trailblazer)
				.append(", \"at\": \"2026-11-02T08:00:00Z\"}");
		}
		assertInvalid(post(conversion(orderId(), at, "1", "USD", null, many.append(']').toString())), "clicks");
	}

	@Test
	void anEventTypeStillPendingValidationTakesNoConversion() {
		long pending = expect(this.http.api("POST", "/api/programs/" + this.acmeUs.id() + "/event-types", ALICE,
				"{\"name\": \"Pending " + RUN + COUNTER.incrementAndGet() + "\", \"kind\": \"lead\"}"), 201).json()
			.get("id")
			.asLong();

		Response refused = this.http.api("POST", path(), ALICE, "{\"orderId\": \"" + orderId() + "\", \"eventTypeId\": "
				+ pending + ", \"amount\": 1, \"currency\": \"USD\"}");

		assertProblem(refused, 422, "event-type-not-active");
	}

	// ---------------------------------------------------------------- batch

	@Test
	void aBatchCreatesTheNewAndReplaysTheStoredInOrder() {
		String stored = orderId();
		JsonNode before = expect(post(conversion(stored, "2026-11-02T09:00:00Z", "3", "USD", null, null)), 201).json();
		String fresh = orderId();

		Response reply = this.http.api("POST", path() + "/batch", ALICE, "{\"conversions\": ["
				+ conversion(fresh, "2026-11-02T09:00:00Z", "1", "USD", null, null) + ", "
				+ conversion(stored, "2026-11-02T09:00:00Z", "3.00", "USD", null, null) + ", "
				+ conversion(fresh, "2026-11-02T09:00:00Z", "1", "USD", null, null) + "]}");

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode batch = reply.json();
		assertThat(batch.propertyNames()).containsExactlyInAnyOrder("created", "replayed", "results");
		assertThat(batch.get("created").asInt()).isEqualTo(1);
		assertThat(batch.get("replayed").asInt()).isEqualTo(2);
		List<JsonNode> results = elements(batch.get("results"));
		assertThat(results).extracting(result -> result.get("index").asInt()).containsExactly(0, 1, 2);
		assertThat(results.get(0).propertyNames()).containsExactlyInAnyOrder("index", "id", "attribution");
		assertThat(results.get(1).get("id").asLong()).isEqualTo(before.get("id").asLong());
		assertThat(results.get(2).get("id").asLong()).isEqualTo(results.get(0).get("id").asLong());
		assertThat(results.get(0).at("/attribution/by").asString()).isEqualTo("none");
	}

	@Test
	void aBatchWithOneInvalidItemStoresNothingAndNamesTheItem() {
		String first = orderId();
		Response refused = this.http.api("POST", path() + "/batch", ALICE, "{\"conversions\": ["
				+ conversion(first, "2026-11-02T09:00:00Z", "1", "USD", null, null) + ", "
				+ conversion(orderId(), "2026-11-02T09:00:00Z", "1", "USD", null, null) + ", "
				+ conversion(orderId(), "2026-11-02T09:00:00Z", "-2", "USD", null, null) + "]}");

		assertInvalid(refused, "conversions[2].amount");
		// Nothing was stored: the first item's order id is still free for other content.
		assertThat(post(conversion(first, "2026-11-02T09:00:00Z", "7", "USD", null, null)).status()).isEqualTo(201);
		assertInvalid(this.http.api("POST", path() + "/batch", ALICE, "{\"conversions\": []}"), "conversions");
		assertInvalid(this.http.api("POST", path() + "/batch", ALICE, "{\"conversions\": ["
				+ conversion(orderId(), "2026-11-02T09:00:00Z", "1", "USD", null, null) + ", "
				+ conversion(orderId(), "2026-11-02T09:00:00Z", "\"ten\"", "USD", null, null) + "]}"),
				"conversions[1].amount");
		assertInvalid(this.http.api("POST", path() + "/batch", ALICE, "{\"conversions\": ["
				+ conversion(orderId(), "2026-11-02T09:00:00Z", "1", "USD", null,
						"[{\"partnerId\": 999999, \"at\": \"2026-11-02T08:00:00Z\"}]") + "]}"),
				"conversions[0].clicks[0].partnerId");
	}

	@Test
	void aBatchRepeatingAStoredOrderWithOtherContentIsAConflictAndStoresNothing() {
		String stored = orderId();
		expect(post(conversion(stored, "2026-11-02T09:00:00Z", "3", "USD", null, null)), 201);
		String fresh = orderId();

		Response refused = this.http.api("POST", path() + "/batch", ALICE, "{\"conversions\": ["
				+ conversion(fresh, "2026-11-02T09:00:00Z", "1", "USD", null, null) + ", "
				+ conversion(stored, "2026-11-02T09:00:00Z", "4", "USD", null, null) + "]}");

		assertProblem(refused, 409, "order-id-conflict");
		assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("conversions[1].orderId");
		assertThat(post(conversion(fresh, "2026-11-02T09:00:00Z", "2", "USD", null, null)).status()).isEqualTo(201);
	}

	// ---------------------------------------------------------------- who sees what

	@Test
	void aPartnerReadsOnlyTheConversionsCreditedToThem() {
		JsonNode code = createCode(this.couponCorner, "always", "exact");
		JsonNode quinns = expect(post(conversion(orderId(), "2026-11-02T09:00:00Z", "20", "USD",
				code.get("code").asString(), null)), 201).json();
		long id = quinns.get("id").asLong();

		Response asQuinn = this.http.api("GET", path() + "/" + id, null, null, "Authorization",
				Http.basic(QUINN, "quinn-demo-pass"));
		Response asPat = this.http.api("GET", path() + "/" + id, PAT, null);
		List<Long> patSees = ids(elements(expect(this.http.api("GET", path() + "?size=100", PAT, null), 200).json()));
		List<Long> quinnSees = ids(elements(expect(this.http.api("GET", path() + "?size=100&partnerId="
				+ this.couponCorner, null, null, "Authorization", Http.basic(QUINN, "quinn-demo-pass")), 200).json()));

		assertThat(asQuinn.status()).isEqualTo(200);
		assertThat(asQuinn.json().at("/attribution/partnerName").asString()).isEqualTo("Coupon Corner");
		assertProblem(asPat, 404, "not-found");
		assertThat(patSees).doesNotContain(id);
		assertThat(quinnSees).contains(id);
		assertProblem(this.http.api("POST", path(), PAT, conversion(orderId(), null, "1", "USD", null, null)), 404,
				"not-found");
	}

	@Test
	void anotherBrandsProgramIsNotFoundAndNoCredentialsIsUnauthorized() {
		String body = conversion(orderId(), null, "1", "USD", null, null);
		assertProblem(this.http.api("POST", path(), BOB, body), 404, "not-found");
		assertProblem(this.http.api("POST", path() + "/batch", BOB, "{\"conversions\": [" + body + "]}"), 404,
				"not-found");
		assertProblem(this.http.api("GET", path(), BOB, null), 404, "not-found");
		assertProblem(this.http.api("GET", reportPath(), BOB, null), 404, "not-found");
		assertThat(this.http.api("POST", path(), null, body).status()).isEqualTo(401);
	}

	@Test
	void theListFiltersAndPagesNewestFirst() {
		JsonNode code = createCode(this.trailblazer, "always", "regex");
		String text = code.get("code").asString().replace(".*", "");
		long older = expect(post(conversion(orderId(), "2026-11-03T09:00:00Z", "1", "USD", text + "A", null)), 201)
			.json().get("id").asLong();
		long newer = expect(post(conversion(orderId(), "2026-11-03T10:00:00Z", "1", "USD", text + "B", null)), 201)
			.json().get("id").asLong();

		List<Long> byCode = ids(elements(expect(this.http.api("GET", path() + "?promoCodeId=" + code.get("id").asLong()
				+ "&by=promo-code&from=2026-11-03T00:00:00Z&to=2026-11-04T00:00:00Z", ALICE, null), 200).json()));
		List<Long> firstPage = ids(elements(expect(this.http.api("GET", path() + "?promoCodeId="
				+ code.get("id").asLong() + "&size=1", ALICE, null), 200).json()));

		assertThat(byCode).containsExactly(newer, older);
		assertThat(firstPage).containsExactly(newer);
		assertInvalid(this.http.api("GET", path() + "?by=magic", ALICE, null), "by");
		assertInvalid(this.http.api("GET", path() + "?size=101", ALICE, null), "size");
	}

	// ---------------------------------------------------------------- report

	@Test
	void theReportCountsWholeDaysOfTheTimeZone() {
		JsonNode winner = createCode(this.couponCorner, "if-winner", "exact");
		String code = winner.get("code").asString();
		String quinnWins = "[{\"partnerId\": " + this.couponCorner + ", \"at\": \"2025-03-11T03:00:00Z\"}]";
		String patWins = "[{\"partnerId\": " + this.couponCorner + ", \"at\": \"2025-03-11T02:00:00Z\"}, "
				+ "{\"partnerId\": " + this.trailblazer + ", \"at\": \"2025-03-11T03:00:00Z\"}]";
		// 23:30 on 10 March in New York (summer time since the 9th) is 03:30 on 11 March in UTC.
		expect(post(conversion(orderId(), "2025-03-10T23:30:00-04:00", "12.50", "USD", code, quinnWins)), 201);
		expect(post(conversion(orderId(), "2025-03-10T23:30:00-04:00", "7.25", "EUR", code, quinnWins)), 201);
		expect(post(conversion(orderId(), "2025-03-10T23:30:00-04:00", "100", "USD", code, patWins)), 201);
		// Midnight in New York belongs to the next day: not in the report of the 10th.
		expect(post(conversion(orderId(), "2025-03-11T00:00:00-04:00", "1", "USD", code, quinnWins)), 201);

		JsonNode newYork = row(expect(this.http.api("GET", reportPath()
				+ "?from=2025-03-10&to=2025-03-10&timeZone=America/New_York", ALICE, null), 200).json(), winner);
		JsonNode utc = row(expect(this.http.api("GET", reportPath() + "?from=2025-03-10&to=2025-03-10", ALICE, null),
				200).json(), winner);
		JsonNode utcNextDay = row(expect(this.http.api("GET", reportPath() + "?from=2025-03-11&to=2025-03-11",
				CAROL, null), 200).json(), winner);

		assertThat(newYork.propertyNames()).containsExactlyInAnyOrder("promoCodeId", "code", "partnerId",
				"partnerName", "credited", "revenue", "carriedNotCredited");
		assertThat(newYork.get("credited").asLong()).isEqualTo(2);
		assertThat(newYork.at("/revenue/USD").asString()).isEqualTo("12.50");
		assertThat(newYork.at("/revenue/EUR").asString()).isEqualTo("7.25");
		assertThat(newYork.get("carriedNotCredited").asLong()).isEqualTo(1);
		assertThat(newYork.get("partnerName").asString()).isEqualTo("Coupon Corner");
		assertThat(utc).isNull();
		assertThat(utcNextDay.get("credited").asLong()).isEqualTo(3);
		assertThat(utcNextDay.at("/revenue/USD").asString()).isEqualTo("13.50");
		assertThat(row(expect(this.http.api("GET", reportPath() + "?from=2025-03-11&to=2025-03-11", PAT, null), 200)
			.json(), winner)).as("another partner's code").isNull();
		assertThat(row(expect(this.http.api("GET", reportPath() + "?from=2025-03-11&to=2025-03-11", null, null,
				"Authorization", Http.basic(QUINN, "quinn-demo-pass")), 200).json(), winner)).isNotNull();
		assertInvalid(this.http.api("GET", reportPath() + "?from=2025-03-12&to=2025-03-11", ALICE, null), "from");
		assertInvalid(this.http.api("GET", reportPath() + "?timeZone=Mars/Olympus", ALICE, null), "timeZone");
		assertInvalid(this.http.api("GET", reportPath() + "?from=yesterday", ALICE, null), "from");
	}

	private static JsonNode row(JsonNode rows, JsonNode code) {
		for (JsonNode row : elements(rows)) {
			if (row.get("promoCodeId").asLong() == code.get("id").asLong()) {
				return row;
			}
		}
		return null;
	}

	private Response post(String body) {
		return this.http.api("POST", path(), ALICE, body);
	}

	private JsonNode createCode(long partnerId, String policy, String matchType) {
		int n = COUNTER.incrementAndGet();
		String code = "regex".equals(matchType) ? "RX" + RUN + "Z" + n + ".*" : "CONV" + RUN + "Z" + n;
		return expect(this.http.api("POST", "/api/programs/" + this.acmeUs.id() + "/promo-codes", ALICE,
				"{\"partnerId\": " + partnerId + ", \"code\": \"" + code + "\", \"startsAt\": \"2025-01-01T00:00:00Z\","
						+ " \"creditPolicy\": \"" + policy + "\", \"matchType\": \"" + matchType + "\"}"),
				201).json();
	}

	private String conversion(String orderId, String occurredAt, String amount, String currency, String promoCode,
			String clicks) {
		return "{\"orderId\": \"" + orderId + "\", \"eventTypeId\": " + this.onlineSale
				+ ((occurredAt != null) ? ", \"occurredAt\": \"" + occurredAt + "\"" : "") + ", \"amount\": " + amount
				+ ", \"currency\": \"" + currency + "\""
				+ ((promoCode != null) ? ", \"promoCode\": \"" + promoCode + "\"" : "")
				+ ((clicks != null) ? ", \"clicks\": " + clicks : "") + "}";
	}

	private static String orderId() {
		return "ORD-" + RUN + "-" + COUNTER.incrementAndGet();
	}

	private String path() {
		return "/api/programs/" + this.acmeUs.id() + "/conversions";
	}

	private String reportPath() {
		return "/api/programs/" + this.acmeUs.id() + "/reports/promo-codes";
	}

}
