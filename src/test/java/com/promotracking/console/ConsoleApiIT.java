package com.promotracking.console;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

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
import com.promotracking.support.Http.Response;

import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static com.promotracking.support.Http.OLIVIA;
import static com.promotracking.support.Http.PASSWORDS;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over real HTTP: each filter, sort and page, the access rule (a CSM never sees, counts or changes an
 * unassigned brand's program), and the bulk change with its outcome per program.
 *
 * <p>Each test makes a brand of its own with a brand admin and programs in the states it needs, so the programs of
 * the other tests, which share the database, change nothing here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsoleApiIT {

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36);

	private static final AtomicInteger BRANDS = new AtomicInteger();

	private static final String PROGRAMS = "/api/console/programs";

	private static final String BULK = "/api/console/promo-code-tracking";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	long brand;

	String admin;

	@BeforeEach
	void aBrandOfItsOwn() {
		this.http = Http.on(this.port, this.json);
		String name = "Console " + RUN + "-" + BRANDS.incrementAndGet();
		this.jdbc.update("insert into brand (name) values (?)", name);
		this.brand = this.jdbc.queryForObject("select id from brand where name = ?", Long.class, name);
		this.admin = "console-" + RUN + "-" + BRANDS.get() + "@test.example";
		this.jdbc.update("""
				insert into app_user (username, password_hash, display_name, role, brand_id)
				select ?, password_hash, 'Console Admin', 'BRAND_ADMIN', ? from app_user
				where username = 'alice@acme.example'""", this.admin, this.brand);
	}

	// ---------------------------------------------------------------- listing

	@Test
	void eachStateFilterListsThePrograms() {
		long ready = program("Ready", true);
		long needs = program("Needs", false);
		long enabled = program("Enabled", true);
		track(enabled, true);
		long waiting = program("Waiting", true);
		track(waiting, true);
		openRequest(waiting);

		assertThat(names("")).containsExactly("Enabled", "Needs", "Ready", "Waiting");
		assertThat(names("state=ready-to-enable")).containsExactly("Ready");
		assertThat(names("state=needs-validation")).containsExactly("Needs");
		assertThat(names("state=enabled")).containsExactly("Enabled", "Waiting");
		assertThat(names("state=requests-waiting")).containsExactly("Waiting");
		JsonNode item = list("state=requests-waiting").get("items").get(0);
		assertThat(item.get("programId").asLong()).isEqualTo(waiting);
		assertThat(item.get("openRequests").asLong()).isEqualTo(1);
		assertThat(item.get("oldestOpenRequestAt").asString()).isNotBlank();
		assertThat(item.get("promoCodeValidated").asBoolean()).isTrue();
		assertThat(item.get("validation").get("promoCode").asString()).isEqualTo("VALID10");
		assertThat(list("state=needs-validation").get("items").get(0).get("validation").isNull()).isTrue();
		assertThat(ready).isNotEqualTo(needs);
	}

	@Test
	void textSearchMatchesProgramOrBrandNamesWithoutCaseAndTakesWildcardsLiterally() {
		program("Spring Sale", false);
		program("Winter_Sale", false);
		program("100% Deals", false);

		assertThat(names("q=sPRING")).containsExactly("Spring Sale");
		assertThat(names("q=_")).containsExactly("Winter_Sale");
		assertThat(names("q=%25")).containsExactly("100% Deals");
		assertThat(names("q=" + ("Console " + RUN).replace(" ", "%20"))).hasSize(3);
		assertThat(names("q=nothing-like-this")).isEmpty();
	}

	@Test
	void sortsByAColumnEitherWayAndPagesKeepTheTotal() {
		long few = program("Few codes", true);
		long many = program("Many codes", true);
		program("No codes", true);
		for (int i = 0; i < 3; i++) {
			liveCode(many, "MANY" + i);
		}
		liveCode(few, "FEW0");

		assertThat(names("sort=-live-codes")).containsExactly("Many codes", "Few codes", "No codes");
		assertThat(names("sort=live-codes")).containsExactly("No codes", "Few codes", "Many codes");
		assertThat(names("sort=-program")).containsExactly("No codes", "Many codes", "Few codes");
		JsonNode second = list("sort=program&size=2&page=1");
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("items")).extracting(item -> item.get("programName").asString())
			.containsExactly("No codes");
		JsonNode past = list("size=2&page=5");
		assertThat(past.get("total").asLong()).isEqualTo(3);
		assertThat(past.get("items")).isEmpty();
		assertThat(list("sort=-live-codes").get("items").get(0).get("liveCodes").asLong()).isEqualTo(3);
	}

	@Test
	void badQueriesAreProblemsNamingTheParameter() {
		for (String query : List.of("state=on", "sort=price", "sort=--program", "page=-1", "size=0", "size=201",
				"q=" + "x".repeat(201), "brandId=abc")) {
			Response reply = this.http.raw("GET", PROGRAMS + "?" + query, basic(), null);
			assertProblem(reply, 400, "invalid-request");
		}
	}

	@Test
	void aCsmSeesTheProgramsOfTheirBrandsOnlyNotEvenInCounts() {
		List<Long> carolsBrands = this.jdbc.queryForList("""
				select a.brand_id from csm_assignment a join app_user u on u.id = a.csm_id
				where u.username = 'carol@csm.example'""", Long.class);
		long expected = this.jdbc.queryForObject("select count(*) from program where brand_id in ("
				+ carolsBrands.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", Long.class);
		long globex = this.http.program(GLOBEX_MAIN).brandId();

		JsonNode all = json(this.http.api("GET", PROGRAMS + "?size=200", CAROL, null));
		assertThat(all.get("total").asLong()).isEqualTo(expected);
		assertThat(all.get("items")).extracting(item -> item.get("brandId").asLong())
			.allMatch(carolsBrands::contains)
			.doesNotContain(globex, this.brand);
		JsonNode filtered = json(this.http.api("GET", PROGRAMS + "?brandId=" + globex, CAROL, null));
		assertThat(filtered.get("total").asLong()).isZero();
		assertThat(filtered.get("items")).isEmpty();
		assertThat(json(this.http.api("GET", PROGRAMS + "?q=Globex", CAROL, null)).get("total").asLong()).isZero();
	}

	@Test
	void partnersOperatorsAndKeysHaveNoConsoleAndStrangersMustSignIn() {
		for (String user : List.of(PAT, OLIVIA)) {
			assertProblem(this.http.api("GET", PROGRAMS, user, null), 403, "console-not-available");
			assertProblem(this.http.api("POST", BULK, user, "{\"programIds\": [1], \"promoCodeTrackingEnabled\": true}"),
					403, "console-not-available");
		}
		assertThat(this.http.api("GET", PROGRAMS, null, null).status()).isEqualTo(401);
	}

	// ---------------------------------------------------------------- bulk change

	@Test
	void bulkEnableGivesEachProgramItsOwnOutcomeAndHistory() {
		long ready = program("Ready", true);
		long already = program("Already", true);
		track(already, false);
		long notValidated = program("Not validated", false);
		long othersProgram = this.http.program(GLOBEX_MAIN).id();
		long missing = 999_999_999L;

		JsonNode results = json(bulk(List.of(ready, already, notValidated, othersProgram, missing), true, null))
			.get("results");

		assertThat(results).extracting(r -> r.get("programId").asLong() + " " + r.get("outcome").asString() + " "
				+ (r.get("problem").isNull() ? "-" : r.get("problem").asString()))
			.containsExactly(ready + " changed -", already + " unchanged -",
					notValidated + " refused promo-code-not-validated", othersProgram + " not-found not-found",
					missing + " not-found not-found");
		assertThat(tracking(ready)).isTrue();
		assertThat(tracking(notValidated)).isFalse();
		List<JsonNode> readyHistory = history(ready);
		assertThat(readyHistory).hasSize(1);
		assertThat(readyHistory.get(0).get("channel").asString()).isEqualTo("console");
		assertThat(readyHistory.get(0).get("outcome").asString()).isEqualTo("changed");
		assertThat(readyHistory.get(0).get("actor").asString()).isEqualTo(this.admin);
		assertThat(history(notValidated)).extracting(entry -> entry.get("outcome").asString()).containsExactly("refused");
		assertThat(history(already)).isEmpty();
	}

	@Test
	void bulkEnableCanAllowPartnerRequestsAndOtherwiseKeepsEachProgramsOwn() {
		long withRequests = program("With requests", true);
		track(withRequests, true);
		long without = program("Without", true);

		bulk(List.of(withRequests, without), true, null);
		assertThat(requests(withRequests)).as("kept").isTrue();
		assertThat(requests(without)).as("kept").isFalse();

		bulk(List.of(without), true, true);
		assertThat(requests(without)).isTrue();
	}

	@Test
	void bulkDisableTurnsPartnerRequestsOffWithTracking() {
		long on = program("On", true);
		track(on, true);

		JsonNode results = json(bulk(List.of(on), false, null)).get("results");

		assertThat(results.get(0).get("outcome").asString()).isEqualTo("changed");
		assertThat(tracking(on)).isFalse();
		assertThat(requests(on)).isFalse();
	}

	@Test
	void badBulkBodiesAreRefusedAndChangeNothing() {
		long ready = program("Ready", true);
		List<String> bodies = new ArrayList<>(List.of("{\"programIds\": [], \"promoCodeTrackingEnabled\": true}",
				"{\"programIds\": [" + ready + "]}", "{\"programIds\": [" + ready + "], \"promoCodeTrackingEnabled\": \"yes\"}",
				"{\"programIds\": [" + ready + "], \"promoCodeTrackingEnabled\": false, \"partnerPromoCodeRequestsAllowed\": true}",
				"{\"programIds\": [null], \"promoCodeTrackingEnabled\": true}", "{\"programIds\": \"" + ready + "\"}",
				"not json"));
		bodies.add("{\"programIds\": [" + LongStream.rangeClosed(1, 501).mapToObj(String::valueOf)
			.collect(Collectors.joining(",")) + "], \"promoCodeTrackingEnabled\": true}");
		for (String body : bodies) {
			Response reply = this.http.raw("POST", BULK, basic(), body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.contentType()).as(body).startsWith(Http.PROBLEM_JSON);
		}
		assertThat(tracking(ready)).isFalse();
		assertThat(history(ready)).isEmpty();
	}

	// ---------------------------------------------------------------- the brand's programs, made by SQL

	private long program(String name, boolean validated) {
		this.jdbc.update("insert into program (brand_id, name) values (?, ?)", this.brand, name);
		long id = this.jdbc.queryForObject("select id from program where brand_id = ? and name = ?", Long.class,
				this.brand, name);
		this.jdbc.update("insert into promo_code_settings (program_id) values (?)", id);
		this.jdbc.update("""
				insert into program_partner (program_id, partner_id) select ?, id from partner
				where name = 'Coupon Corner'""", id);
		if (validated) {
			this.jdbc.update("""
					insert into event_type (program_id, name, kind, created_at)
					values (?, 'Online Sale', 'SALE', current_timestamp)""", id);
			this.jdbc.update("""
					insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload,
					    received_at, review_state, reviewed_at, reviewed_by)
					select id, 'T-1', 10.00, 'USD', 'VALID10', '{}', current_timestamp, 'APPROVED', current_timestamp,
					    'test' from event_type where program_id = ?""", id);
		}
		return id;
	}

	private void track(long program, boolean requests) {
		this.jdbc.update("""
				update promo_code_settings set promo_code_tracking_enabled = true,
				    partner_promo_code_requests_allowed = ?, version = version + 1 where program_id = ?""", requests,
				program);
	}

	private void openRequest(long program) {
		this.jdbc.update("""
				insert into promo_code_request (program_id, partner_id, state, created_at, created_by)
				select ?, id, 'OPEN', current_timestamp, 'quinn@coupons.example' from partner
				where name = 'Coupon Corner'""", program);
	}

	private void liveCode(long program, String code) {
		this.jdbc.update("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    time_zone, created_at, created_by)
				select ?, id, ?, ?, 'EXACT', 'ALWAYS', timestamp with time zone '2025-01-01 00:00:00+00', 'UTC',
				    current_timestamp, 'test' from partner where name = 'Coupon Corner'""", program, code,
				"exact:" + code.toLowerCase());
	}

	// ---------------------------------------------------------------- calls

	private String basic() {
		return Http.basic(this.admin, PASSWORDS.get(ALICE));
	}

	private JsonNode list(String query) {
		return json(this.http.raw("GET", PROGRAMS + "?" + query, basic(), null));
	}

	private List<String> names(String query) {
		List<String> names = new ArrayList<>();
		list(query).get("items").forEach(item -> names.add(item.get("programName").asString()));
		return names;
	}

	private Response bulk(List<Long> programIds, boolean tracking, Boolean requests) {
		String body = "{\"programIds\": " + programIds + ", \"promoCodeTrackingEnabled\": " + tracking
				+ ((requests != null) ? ", \"partnerPromoCodeRequestsAllowed\": " + requests : "") + "}";
		return this.http.raw("POST", BULK, basic(), body);
	}

	private List<JsonNode> history(long program) {
		List<JsonNode> entries = new ArrayList<>();
		json(this.http.raw("GET", Http.historyApiPath(program), basic(), null)).forEach(entries::add);
		return entries;
	}

	private boolean tracking(long program) {
		return this.jdbc.queryForObject("select promo_code_tracking_enabled from promo_code_settings where program_id = ?",
				Boolean.class, program);
	}

	private boolean requests(long program) {
		return this.jdbc.queryForObject(
				"select partner_promo_code_requests_allowed from promo_code_settings where program_id = ?",
				Boolean.class, program);
	}

	private static JsonNode json(Response reply) {
		assertThat(reply.status()).as("status of %s", reply).isEqualTo(200);
		return reply.json();
	}

}
