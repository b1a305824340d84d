package com.promotracking.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

	private static final String PROGRAMS = "/api/console/programs";

	private static final String BULK = "/api/console/promo-code-tracking";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	ConsoleBrand world;

	long brand;

	String admin;

	@BeforeEach
	void aBrandOfItsOwn() {
		this.http = Http.on(this.port, this.json);
		this.world = ConsoleBrand.create(this.jdbc);
		this.brand = this.world.id();
		this.admin = this.world.admin();
	}

	// ---------------------------------------------------------------- listing

	@Test
	void eachStateFilterListsThePrograms() {
		long ready = this.world.program("Ready", true);
		long needs = this.world.program("Needs", false);
		long enabled = this.world.program("Enabled", true);
		this.world.track(enabled, true);
		long waiting = this.world.program("Waiting", true);
		this.world.track(waiting, true);
		this.world.openRequest(waiting);

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
		this.world.program("Spring Sale", false);
		this.world.program("Winter_Sale", false);
		this.world.program("100% Deals", false);

		assertThat(names("q=sPRING")).containsExactly("Spring Sale");
		assertThat(names("q=_")).containsExactly("Winter_Sale");
		assertThat(names("q=%25")).containsExactly("100% Deals");
		assertThat(names("q=" + this.world.name().replace(" ", "%20"))).hasSize(3);
		assertThat(names("q=nothing-like-this")).isEmpty();
	}

	@Test
	void sortsByAColumnEitherWayAndPagesKeepTheTotal() {
		long few = this.world.program("Few codes", true);
		long many = this.world.program("Many codes", true);
		this.world.program("No codes", true);
		for (int i = 0; i < 3; i++) {
			this.world.liveCode(many, "MANY" + i);
		}
		this.world.liveCode(few, "FEW0");

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

		// Held counts are counted again once the program's codes changed (its codes version moved).
		this.world.liveCode(many, "MANY3");
		assertThat(list("sort=-live-codes").get("items").get(0).get("liveCodes").asLong()).isEqualTo(4);
		assertThat(list("sort=program").get("items").get(1).get("liveCodes").asLong()).isEqualTo(4);
	}

	@Test
	void conversionsOfTheLastThirtyDaysAreCountedAndSortedBy() {
		long many = this.world.program("Many sales", true);
		long leaky = this.world.program("Leaky", true);
		this.world.program("Quiet", true);
		this.world.conversions(many, 5, 0);
		this.world.conversions(leaky, 1, 3);

		assertThat(names("sort=-credited")).containsExactly("Many sales", "Leaky", "Quiet");
		assertThat(names("sort=-flagged")).containsExactly("Leaky", "Many sales", "Quiet");
		assertThat(names("sort=credited&size=1&page=1")).containsExactly("Leaky");
		assertThat(list("sort=credited&size=1&page=1").get("total").asLong()).isEqualTo(3);
		JsonNode counts = list("sort=-flagged").get("items").get(0).get("conversions");
		assertThat(counts.get("days").asInt()).isEqualTo(30);
		assertThat(counts.get("credited").asLong()).as("the one of 40 days ago left out").isEqualTo(1);
		assertThat(counts.get("codeUnknown").asLong()).isEqualTo(3);
		assertThat(counts.get("policyNotMet").asLong()).isZero();
	}

	@Test
	void badQueriesAreProblemsNamingTheParameter() {
		for (String query : List.of("state=", "sort=", "state=on", "sort=price", "sort=--program", "page=-1", "size=0", "size=201",
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
	void theDefaultViewListsACsmsProgramsByBrandThenNameEitherWayAndOneBrandsAlone() {
		List<Long> carolsBrands = this.jdbc.queryForList("""
				select a.brand_id from csm_assignment a join app_user u on u.id = a.csm_id
				where u.username = 'carol@csm.example'""", Long.class);
		List<Long> byName = this.jdbc.queryForList("""
				select p.id from program p join brand b on b.id = p.brand_id where b.id in (%s)
				order by b.name, p.name, p.id""".formatted(
				carolsBrands.stream().map(String::valueOf).collect(Collectors.joining(","))), Long.class);
		long northwind = this.jdbc.queryForObject("select id from brand where name = 'Northwind Sports'", Long.class);
		List<Long> northwinds = this.jdbc.queryForList(
				"select id from program where brand_id = ? order by name, id", Long.class, northwind);
		List<Long> reversed = new ArrayList<>(byName);
		Collections.reverse(reversed);

		assertThat(carolsBrands).hasSizeGreaterThan(1);
		assertThat(carolsPrograms("size=200")).containsExactlyElementsOf(byName);
		assertThat(carolsPrograms("sort=brand&size=200")).containsExactlyElementsOf(byName);
		assertThat(carolsPrograms("sort=-brand&size=200")).containsExactlyElementsOf(reversed);
		assertThat(carolsPrograms("size=2&page=1")).containsExactlyElementsOf(byName.subList(2, 4));
		assertThat(carolsPrograms("brandId=" + northwind)).containsExactlyElementsOf(northwinds);
		assertThat(json(this.http.api("GET", PROGRAMS + "?size=2&page=1", CAROL, null)).get("total").asLong())
			.isEqualTo(byName.size());
		assertThat(carolsPrograms("size=2&page=" + byName.size())).isEmpty();
	}

	@Test
	void aBrandWithoutProgramsHasAnEmptyConsole() {
		JsonNode none = list("");

		assertThat(none.get("total").asLong()).isZero();
		assertThat(none.get("items")).isEmpty();
	}

	private List<Long> carolsPrograms(String query) {
		List<Long> ids = new ArrayList<>();
		json(this.http.api("GET", PROGRAMS + "?" + query, CAROL, null)).get("items")
			.forEach(item -> ids.add(item.get("programId").asLong()));
		return ids;
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
		long ready = this.world.program("Ready", true);
		long already = this.world.program("Already", true);
		this.world.track(already, false);
		long notValidated = this.world.program("Not validated", false);
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
		long withRequests = this.world.program("With requests", true);
		this.world.track(withRequests, true);
		long without = this.world.program("Without", true);

		bulk(List.of(withRequests, without), true, null);
		assertThat(requests(withRequests)).as("kept").isTrue();
		assertThat(requests(without)).as("kept").isFalse();

		bulk(List.of(without), true, true);
		assertThat(requests(without)).isTrue();
	}

	@Test
	void bulkDisableTurnsPartnerRequestsOffWithTracking() {
		long on = this.world.program("On", true);
		this.world.track(on, true);

		JsonNode results = json(bulk(List.of(on), false, null)).get("results");

		assertThat(results.get(0).get("outcome").asString()).isEqualTo("changed");
		assertThat(tracking(on)).isFalse();
		assertThat(requests(on)).isFalse();
	}

	@Test
	void badBulkBodiesAreRefusedAndChangeNothing() {
		long ready = this.world.program("Ready", true);
		List<String> bodies = new ArrayList<>(List.of("{\"programIds\": [], \"promoCodeTrackingEnabled\": true}",
				"{\"programIds\": [" + ready + "]}", "{\"programIds\": [" + ready + "], \"promoCodeTrackingEnabled\": \"yes\"}",
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

	@Test
	void partnerRequestsWithTrackingOffAreRefusedForAllBeforeAnyChange() {
		long on = this.world.program("On", true);
		this.world.track(on, false);

		assertProblem(bulk(List.of(on), false, true), 422, "partner-requests-require-tracking");

		assertThat(tracking(on)).isTrue();
		assertThat(history(on)).isEmpty();
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
