package com.promotracking.promocodes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.ApiAssertions;
import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;

import static com.promotracking.support.ApiAssertions.absent;
import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.ApiAssertions.elements;
import static com.promotracking.support.ApiAssertions.ids;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking promo code API over real HTTP against a running server: the partners of a program, creating
 * (refused while tracking is off, every rule naming its field, nothing stored on refusal), reading with filters,
 * deactivating, who may see what, and the history.
 *
 * <p>The database is shared with the other integration tests: tracking is switched on for Acme Outdoor US
 * (whose promo code is validated) before each test and off again after it, and every code is new to the run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PromoCodeApiIT {

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36).toUpperCase();

	private static final AtomicInteger COUNTER = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	Program acmeUs;

	Program globexMain;

	long trailblazer;

	@BeforeEach
	void trackingIsOnForAcmeOutdoorUs() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
		this.globexMain = this.http.program(GLOBEX_MAIN);
		this.trailblazer = this.http.partnerId(ALICE, this.acmeUs.id(), "Trailblazer Deals");
		this.http.put(ALICE, this.acmeUs.id(), true, false);
	}

	@AfterEach
	void trackingIsOffAgain() {
		this.http.put(ALICE, this.acmeUs.id(), false, false);
	}

	// ---------------------------------------------------------------- partners

	@Test
	void theBrandAndItsCsmSeeTheProgramsPartners() {
		for (String user : List.of(ALICE, CAROL)) {
			Response reply = this.http.api("GET", partnersPath(this.acmeUs.id()), user, null);

			assertThat(reply.status()).as(user).isEqualTo(200);
			assertThat(reply.contentType()).startsWith("application/json");
			JsonNode partners = reply.json();
			assertThat(partners.isArray()).isTrue();
			List<String> names = new ArrayList<>();
			for (JsonNode partner : partners) {
				assertThat(partner.propertyNames()).containsExactlyInAnyOrder("id", "name");
				assertThat(partner.get("id").isIntegralNumber()).isTrue();
				assertThat(partner.get("id").asLong()).isPositive();
				names.add(partner.get("name").asString());
			}
			assertThat(names).as(user).contains("Trailblazer Deals");
		}
	}

	@Test
	void anotherBrandAndAPartnerDoNotSeeTheProgramsPartners() {
		for (String user : List.of(BOB, PAT)) {
			Response reply = this.http.api("GET", partnersPath(this.acmeUs.id()), user, null);

			assertThat(reply.status()).as(user).isEqualTo(404);
			assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
			assertThat(reply.problemType()).isEqualTo("not-found");
		}
		assertThat(this.http.api("GET", partnersPath(this.acmeUs.id()), null, null).status()).isEqualTo(401);
	}

	@Test
	void globexMainHasNoTrailblazerDeals() {
		JsonNode partners = Http.expect(this.http.api("GET", partnersPath(this.globexMain.id()), BOB, null), 200)
			.json();

		for (JsonNode partner : partners) {
			assertThat(partner.get("name").asString()).isNotEqualTo("Trailblazer Deals");
		}
	}

	// ---------------------------------------------------------------- creating

	@Test
	void creatingIsRefusedWhileTrackingIsOffAndNothingIsStored() {
		this.http.put(ALICE, this.acmeUs.id(), false, false);
		String code = newCode();
		int historyBefore = this.http.historyLength(ALICE, this.acmeUs.id());

		Response reply = create(ALICE, Map.of("partnerId", this.trailblazer, "code", code));

		assertProblem(reply, 409, "promo-code-tracking-disabled");
		assertThat(codesNamed(code)).isEmpty();
		assertThat(this.http.historyLength(ALICE, this.acmeUs.id())).as("the attempt, recorded")
			.isEqualTo(historyBefore + 1);
		JsonNode attempt = this.http.history(ALICE, this.acmeUs.id(), 0, 1).get(0);
		assertThat(attempt.get("outcome").asString()).isEqualTo("refused");
		assertThat(attempt.get("type").asString()).endsWith("/promo-code-tracking-disabled");
		assertThat(attempt.at("/subject/type").asString()).isEqualTo("promo-code-settings");
	}

	@Test
	void anExactCodeIsCreatedWithTheDefaultsAndIsListed() {
		String code = newCode();
		Instant before = Instant.now().minusSeconds(2);

		Response reply = create(ALICE, Map.of("partnerId", this.trailblazer, "code", code));

		Instant after = Instant.now().plusSeconds(2);
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.contentType()).startsWith("application/json");
		JsonNode created = reply.json();
		long id = created.get("id").asLong();
		assertThat(created.get("id").isIntegralNumber()).isTrue();
		assertThat(id).isPositive();
		assertThat(reply.location()).endsWith("/api/programs/" + this.acmeUs.id() + "/promo-codes/" + id);
		assertThat(created.get("partnerId").asLong()).isEqualTo(this.trailblazer);
		assertThat(created.get("partnerName").asString()).isEqualTo("Trailblazer Deals");
		assertThat(created.get("code").asString()).isEqualTo(code);
		assertThat(created.get("state").asString()).isEqualTo("active");
		assertThat(created.get("matchType").asString()).isEqualTo("exact");
		assertThat(created.get("creditPolicy").asString()).isEqualTo("always");
		assertThat(created.get("timeZone").asString()).isEqualTo("UTC");
		assertThat(Instant.parse(created.get("startsAt").asString())).isBetween(before, after);
		assertThat(absent(created, "endsAt")).isTrue();
		assertThat(Instant.parse(created.get("createdAt").asString())).isBetween(before, after);
		assertThat(created.get("createdBy").asString()).isEqualTo(ALICE);
		assertThat(absent(created, "deactivatedAt")).isTrue();
		assertThat(absent(created, "deactivatedBy")).isTrue();

		List<JsonNode> listed = codesNamed(code);
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0)).isEqualTo(created);
	}

	@Test
	void aCsmCreatesACodeWithEveryFieldGiven() {
		String code = newCode();

		Response reply = create(CAROL, Map.of("partnerId", this.trailblazer, "code", code, "startsAt",
				"2020-01-01T00:00:00Z", "endsAt", "2099-01-01T00:00:00Z", "timeZone", "America/New_York",
				"creditPolicy", "if-winner", "matchType", "exact"));

		JsonNode created = Http.expect(reply, 201).json();
		assertThat(created.get("creditPolicy").asString()).isEqualTo("if-winner");
		assertThat(created.get("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(created.get("startsAt").asString()).isEqualTo("2020-01-01T00:00:00Z");
		assertThat(created.get("endsAt").asString()).isEqualTo("2099-01-01T00:00:00Z");
		assertThat(created.get("createdBy").asString()).isEqualTo(CAROL);
		assertThat(created.get("state").asString()).isEqualTo("active");
	}

	@Test
	void theSameCodeInAnotherCaseIsADuplicateAndIsNotStored() {
		String code = newCode();
		Http.expect(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code)), 201);

		Response reply = create(ALICE, Map.of("partnerId", this.trailblazer, "code", code.toLowerCase()));

		assertProblem(reply, 409, "duplicate-promo-code");
		assertThat(codesNamed(code)).hasSize(1);
		assertThat(codesNamed(code.toLowerCase())).isEmpty();
	}

	@Test
	void aRegexThatDoesNotCompileIsRefusedNamingCode() {
		String code = newCode() + "(";

		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, "matchType", "regex")),
				"code");
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void aRegexLongerThan200CharactersIsRefusedNamingCode() {
		String code = newCode() + "[0-9]".repeat(40);

		assertThat(code.length()).isGreaterThan(200);
		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, "matchType", "regex")),
				"code");
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void aRegexMatchingTheSamePartnersOwnExactCodeIsAllowed() {
		String exact = newCode();
		Http.expect(create(ALICE, Map.of("partnerId", this.trailblazer, "code", exact)), 201);
		String regex = exact + "[0-9]*";

		Response reply = create(ALICE, Map.of("partnerId", this.trailblazer, "code", regex, "matchType", "regex"));

		JsonNode created = Http.expect(reply, 201).json();
		assertThat(created.get("matchType").asString()).isEqualTo("regex");
		assertThat(created.get("code").asString()).isEqualTo(regex);
		// No stray live regex is left behind for other tests.
		Http.expect(deactivate(ALICE, created.get("id").asLong()), 200);
	}

	@Test
	void anEndNotAfterTheStartIsRefusedNamingEndsAt() {
		String code = newCode();

		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, "startsAt", "2030-06-10",
				"endsAt", "2030-06-01")), "endsAt");
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void anUnknownTimeZoneIsRefusedNamingTimeZone() {
		String code = newCode();

		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, "timeZone", "Mars/Base")),
				"timeZone");
		assertThat(codesNamed(code)).isEmpty();
	}

	/** Read by the field's type (Moment, ZoneId) before any rule: named with the reason the service once gave. */
	@ParameterizedTest
	@CsvSource(textBlock = """
			startsAt, tomorrow, 'Not a date: use ISO 8601, such as 2026-12-01 or 2026-12-01T09:00.'
			endsAt, 2026-13-01, 'Not a date: use ISO 8601, such as 2026-12-01 or 2026-12-01T09:00.'
			startsAt, 2026-12-01T25:00, 'Not a date: use ISO 8601, such as 2026-12-01 or 2026-12-01T09:00.'
			timeZone, CET+, 'Unknown time zone: use an IANA name such as Europe/Paris.'
			""")
	void anUnreadableDateOrTimeZoneNamesItsFieldWithItsReason(String field, String value, String message) {
		String code = newCode();

		Response reply = create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, field, value));

		assertInvalid(reply, field);
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(reply.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void blankDatesAndTimeZoneMeanNowNeverAndUtc() {
		JsonNode created = Http.expect(create(ALICE, Map.of("partnerId", this.trailblazer, "code", newCode(),
				"startsAt", "", "endsAt", " ", "timeZone", "")), 201).json();

		assertThat(created.get("timeZone").asString()).isEqualTo("UTC");
		assertThat(absent(created, "endsAt")).isTrue();
	}

	@Test
	void aStartThatIsNotADateIsRefusedNamingStartsAt() {
		String code = newCode();

		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, "startsAt", "next monday")),
				"startsAt");
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void aPartnerOutsideTheProgramIsRefusedNamingPartnerId() {
		String code = newCode();

		assertInvalid(create(ALICE, Map.of("partnerId", 999, "code", code)), "partnerId");
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void aMissingPartnerOrCodeIsRefusedNamingIt() {
		String code = newCode();

		assertInvalid(create(ALICE, Map.of("code", code)), "partnerId");
		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer)), "code");
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void anUnknownCreditPolicyOrMatchTypeIsRefusedNamingIt() {
		String code = newCode();

		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, "creditPolicy", "sometimes")),
				"creditPolicy");
		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code, "matchType", "fuzzy")),
				"matchType");
		assertThat(codesNamed(code)).isEmpty();
	}

	@Test
	void anExactCodeWithASpaceIsRefusedNamingCode() {
		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", "BAD " + newCode())), "code");
	}

	@Test
	void aCodeStartingLaterIsFuture() {
		String startsAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

		JsonNode created = Http
			.expect(create(ALICE, Map.of("partnerId", this.trailblazer, "code", newCode(), "startsAt", startsAt)), 201)
			.json();

		assertThat(created.get("state").asString()).isEqualTo("future");
		assertThat(created.get("startsAt").asString()).isEqualTo(startsAt);
	}

	@Test
	void aLocalDateTimeIsStoredAsTheInstantItMeansInTheGivenTimeZone() {
		JsonNode created = Http.expect(create(ALICE, Map.of("partnerId", this.trailblazer, "code", newCode(),
				"startsAt", "2030-07-01T09:00", "endsAt", "2030-12-01T09:00", "timeZone", "Europe/Paris")), 201).json();

		assertThat(created.get("startsAt").asString()).isEqualTo("2030-07-01T07:00:00Z");
		assertThat(created.get("endsAt").asString()).isEqualTo("2030-12-01T08:00:00Z");
		assertThat(created.get("timeZone").asString()).isEqualTo("Europe/Paris");
		assertThat(codesNamed(created.get("code").asString()).get(0).get("startsAt").asString())
			.isEqualTo("2030-07-01T07:00:00Z");
	}

	// ---------------------------------------------------------------- filters

	@Test
	void theListFiltersByState() {
		long active = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		long future = createdId(Map.of("partnerId", this.trailblazer, "code", newCode(), "startsAt", "2099-01-01"));
		long expired = createdId(
				Map.of("partnerId", this.trailblazer, "code", newCode(), "startsAt", "2020-01-01", "endsAt", "2020-02-01"));
		long deactivated = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		Http.expect(deactivate(ALICE, deactivated), 200);

		Map<String, Long> byState = Map.of("active", active, "future", future, "expired", expired, "deactivated",
				deactivated);
		byState.forEach((state, id) -> {
			List<JsonNode> listed = list(ALICE, "?state=" + state);
			assertThat(listed).as(state).allSatisfy(code -> assertThat(code.get("state").asString()).isEqualTo(state));
			assertThat(ids(listed)).as(state).contains(id);
			assertThat(ids(listed)).as(state)
				.doesNotContainAnyElementsOf(byState.values().stream().filter(other -> !other.equals(id)).toList());
		});
		assertThat(ids(list(ALICE, ""))).containsAll(byState.values());
	}

	@Test
	void anUnknownStateFilterIsRefusedNamingState() {
		assertInvalid(this.http.api("GET", codesPath(this.acmeUs.id()) + "?state=bogus", ALICE, null), "state");
	}

	@Test
	void theListFiltersByPartner() {
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));

		List<JsonNode> trailblazers = list(ALICE, "?partnerId=" + this.trailblazer);
		assertThat(ids(trailblazers)).contains(id);
		assertThat(trailblazers)
			.allSatisfy(code -> assertThat(code.get("partnerId").asLong()).isEqualTo(this.trailblazer));
		assertThat(list(ALICE, "?partnerId=999")).isEmpty();
		assertThat(ids(list(ALICE, "?partnerId=" + this.trailblazer + "&state=active"))).contains(id);
	}

	@Test
	void theListIsNewestFirst() {
		long first = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		long second = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));

		List<Long> ids = ids(list(ALICE, ""));
		assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
	}

	// ---------------------------------------------------------------- pages

	@Test
	void theListIsOnePageAtATimeNewestFirstAndTheNextPageGoesOnWhereItStopped() {
		long first = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		long second = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		long third = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		String ofTrailblazer = "?partnerId=" + this.trailblazer;

		List<Long> page0 = ids(list(ALICE, ofTrailblazer + "&size=2"));
		List<Long> page1 = ids(list(ALICE, ofTrailblazer + "&size=2&page=1"));

		assertThat(page0).containsExactly(third, second);
		assertThat(page1).hasSize(2).startsWith(first);
		assertThat(ids(list(ALICE, ofTrailblazer + "&size=4"))).containsExactly(third, second, first, page1.get(1));
		assertThat(list(ALICE, ofTrailblazer + "&page=1000000")).as("past the end").isEmpty();
		assertThat(list(ALICE, "?page=" + Integer.MAX_VALUE + "&size=500")).as("far past the end").isEmpty();
	}

	@Test
	void aPageIsAtMostFiveHundredCodesAndAHundredUnlessAsked() {
		assertThat(list(ALICE, "?size=500")).hasSizeLessThanOrEqualTo(500);
		assertThat(list(ALICE, "")).hasSizeLessThanOrEqualTo(100);
		assertThat(list(ALICE, "?size=1")).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			page=-1,  page
			page=abc, page
			size=0,   size
			size=501, size
			size=-5,  size
			size=ten, size
			""")
	void aPageOrSizeOutOfRangeIsRefusedNamingItForBrandsAndPartnersAlike(String query, String field) {
		for (String user : List.of(ALICE, PAT)) {
			assertInvalid(this.http.api("GET", codesPath(this.acmeUs.id()) + "?" + query, user, null), field);
		}
	}

	@Test
	void aPartnerPagesThroughTheirOwnCodesOnlyWhateverPartnerTheyAskFor() {
		long older = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		long newer = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		long otherPartners = createdId(Map.of("partnerId", couponCorner(), "code", newCode()));

		List<JsonNode> page0 = list(PAT, "?size=1&partnerId=" + couponCorner());
		List<JsonNode> page1 = list(PAT, "?size=1&page=1");

		assertThat(ids(page0)).containsExactly(newer);
		assertThat(ids(page1)).containsExactly(older);
		assertThat(ids(list(PAT, "?size=500"))).doesNotContain(otherPartners)
			.containsExactlyElementsOf(ids(list(ALICE, "?size=500&partnerId=" + this.trailblazer)));
	}

	@Test
	void aPartnersStateFilterIsAppliedToTheirOwnCodes() {
		long future = createdId(Map.of("partnerId", this.trailblazer, "code", newCode(), "startsAt", "2099-01-01"));
		long active = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));

		List<JsonNode> futures = list(PAT, "?state=future");

		assertThat(ids(futures)).contains(future).doesNotContain(active);
		assertThat(futures).allSatisfy(code -> {
			assertThat(code.get("state").asString()).isEqualTo("future");
			assertThat(code.get("partnerId").asLong()).isEqualTo(this.trailblazer);
		});
	}

	// ---------------------------------------------------------------- deactivating

	@Test
	void deactivatingKeepsTheCodeListedWithWhoAndWhenAndASecondTimeIsRefused() {
		String code = newCode();
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", code));
		Instant before = Instant.now().minusSeconds(2);

		Response reply = deactivate(ALICE, id);

		JsonNode deactivated = Http.expect(reply, 200).json();
		assertThat(deactivated.get("id").asLong()).isEqualTo(id);
		assertThat(deactivated.get("state").asString()).isEqualTo("deactivated");
		assertThat(deactivated.get("deactivatedBy").asString()).isEqualTo(ALICE);
		assertThat(Instant.parse(deactivated.get("deactivatedAt").asString())).isBetween(before,
				Instant.now().plusSeconds(2));
		assertThat(codesNamed(code)).singleElement()
			.satisfies(listed -> assertThat(listed.get("state").asString()).isEqualTo("deactivated"));

		Response again = deactivate(CAROL, id);

		assertProblem(again, 409, "already-deactivated");
		assertThat(codesNamed(code).get(0).get("deactivatedBy").asString()).isEqualTo(ALICE);
	}

	@Test
	void aDeactivatedCodeStillKeepsItsCodeTaken() {
		String code = newCode();
		Http.expect(deactivate(ALICE, createdId(Map.of("partnerId", this.trailblazer, "code", code))), 200);

		assertProblem(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code)), 409, "duplicate-promo-code");
	}

	@Test
	void deactivatingAnUnknownCodeIsNotFound() {
		assertProblem(deactivate(ALICE, 987_654_321L), 404, "not-found");
	}

	@Test
	void deactivatingWorksWhileTrackingIsOff() {
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));
		this.http.put(ALICE, this.acmeUs.id(), false, false);

		assertThat(Http.expect(deactivate(ALICE, id), 200).json().get("state").asString()).isEqualTo("deactivated");
	}

	// ---------------------------------------------------------------- who sees what

	@Test
	void aPartnerSeesOnlyTheirOwnCodes() {
		String code = newCode();
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", code));

		Response reply = this.http.api("GET", codesPath(this.acmeUs.id()), PAT, null);

		assertThat(reply.status()).isEqualTo(200);
		List<JsonNode> own = elements(reply.json());
		assertThat(ids(own)).contains(id);
		assertThat(own).allSatisfy(listed -> assertThat(listed.get("partnerId").asLong()).isEqualTo(this.trailblazer));
		assertThat(ids(own)).containsExactlyElementsOf(ids(list(ALICE, "?partnerId=" + this.trailblazer)));
	}

	@Test
	void aPartnerCanNeitherCreateNorDeactivateCodes() {
		String code = newCode();
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));

		assertProblem(create(PAT, Map.of("partnerId", this.trailblazer, "code", code)), 404, "not-found");
		assertProblem(deactivate(PAT, id), 404, "not-found");
		assertThat(codesNamed(code)).isEmpty();
		assertThat(list(ALICE, "?state=active").stream().map(c -> c.get("id").asLong())).contains(id);
	}

	@Test
	void aPartnerDoesNotSeeTheCodesOfAProgramTheyDoNotBelongTo() {
		assertProblem(this.http.api("GET", codesPath(this.globexMain.id()), PAT, null), 404, "not-found");
	}

	@Test
	void anotherBrandCanNeitherSeeNorCreateNorDeactivateTheCodes() {
		String code = newCode();
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", newCode()));

		assertProblem(this.http.api("GET", codesPath(this.acmeUs.id()), BOB, null), 404, "not-found");
		assertProblem(create(BOB, Map.of("partnerId", this.trailblazer, "code", code)), 404, "not-found");
		assertProblem(deactivate(BOB, id), 404, "not-found");
		assertThat(codesNamed(code)).isEmpty();
		assertThat(this.http.api("GET", codesPath(this.acmeUs.id()), null, null).status()).isEqualTo(401);
	}

	// ---------------------------------------------------------------- history

	@Test
	void creatingAndDeactivatingAreInTheHistory() {
		String code = newCode();
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", code));
		Http.expect(deactivate(CAROL, id), 200);

		List<JsonNode> entries = historyOf(id);

		assertThat(entries).hasSize(2);
		JsonNode deactivation = entries.get(0);
		JsonNode creation = entries.get(1);
		assertThat(creation.get("actor").asString()).isEqualTo(ALICE);
		assertThat(creation.get("channel").asString()).isEqualTo("api");
		assertThat(creation.get("outcome").asString()).isEqualTo("changed");
		assertThat(creation.at("/subject/type").asString()).isEqualTo("promo-code");
		assertThat(creation.at("/subject/label").asString()).isEqualTo(code);
		assertThat(creation.at("/changes/promoCode/to").asString()).isEqualTo("created");
		assertThat(creation.at("/changes/partner/to").asString()).isEqualTo("Trailblazer Deals");
		assertThat(deactivation.get("actor").asString()).isEqualTo(CAROL);
		assertThat(deactivation.get("actorRole").asString()).isEqualTo("csm");
		assertThat(deactivation.at("/subject/type").asString()).isEqualTo("promo-code");
		assertThat(deactivation.at("/changes/promoCode/from").asString()).isEqualTo("active");
		assertThat(deactivation.at("/changes/promoCode/to").asString()).isEqualTo("deactivated");
	}

	@Test
	void aDuplicateIsRecordedAgainstTheExistingCodeButAValueTheUserCorrectsIsNot() {
		String code = newCode();
		long id = createdId(Map.of("partnerId", this.trailblazer, "code", code));
		int before = this.http.historyLength(ALICE, this.acmeUs.id());

		assertProblem(create(ALICE, Map.of("partnerId", this.trailblazer, "code", code)), 409, "duplicate-promo-code");
		assertInvalid(create(ALICE, Map.of("partnerId", this.trailblazer, "code", newCode(), "timeZone", "Mars/Base")),
				"timeZone");

		assertThat(this.http.historyLength(ALICE, this.acmeUs.id())).isEqualTo(before + 1);
		List<JsonNode> aboutTheCode = historyOf(id);
		assertThat(aboutTheCode).hasSize(2);
		assertThat(aboutTheCode.get(0).get("outcome").asString()).isEqualTo("refused");
		assertThat(aboutTheCode.get(0).get("type").asString()).endsWith("/duplicate-promo-code");
		assertThat(aboutTheCode.get(1).get("outcome").asString()).isEqualTo("changed");
	}

	// ---------------------------------------------------------------- helpers

	/** A code no other test of this run uses: letters and digits only. */
	private static String newCode() {
		return "PCAPI" + RUN + "X" + COUNTER.incrementAndGet();
	}

	private static String partnersPath(long programId) {
		return "/api/programs/" + programId + "/partners";
	}

	private static String codesPath(long programId) {
		return "/api/programs/" + programId + "/promo-codes";
	}

	private Response create(String user, Map<String, ?> fields) {
		return this.http.api("POST", codesPath(this.acmeUs.id()), user,
				this.json.writeValueAsString(new LinkedHashMap<>(fields)));
	}

	private long createdId(Map<String, ?> fields) {
		return Http.expect(create(ALICE, fields), 201).json().get("id").asLong();
	}

	private Response deactivate(String user, long codeId) {
		return this.http.api("POST", codesPath(this.acmeUs.id()) + "/" + codeId + "/deactivation", user, null);
	}

	private List<JsonNode> list(String user, String query) {
		return elements(Http.expect(this.http.api("GET", codesPath(this.acmeUs.id()) + query, user, null), 200).json());
	}

	private long couponCorner() {
		return this.http.partnerId(ALICE, this.acmeUs.id(), "Coupon Corner");
	}

	/** The program's codes written exactly so, as Alice lists them (among the newest hundred). */
	private List<JsonNode> codesNamed(String code) {
		return list(ALICE, "").stream().filter(listed -> listed.get("code").asString().equals(code)).toList();
	}

	/** The history entries about one promo code, newest first, among the latest entries of the program. */
	private List<JsonNode> historyOf(long codeId) {
		return this.http.historyOf(ALICE, this.acmeUs.id(), "promo-code", codeId);
	}

	/** A 400 invalid-request whose errors name the field (and only fields that were sent wrong). */
	private static void assertInvalid(Response reply, String field) {
		ApiAssertions.assertInvalid(reply, field);
		assertThat(reply.json().get("detail").asString()).contains(field);
	}

}
