package com.promotracking.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;

import static com.promotracking.support.ApiAssertions.absent;
import static com.promotracking.support.ApiAssertions.assertInvalid;
import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.ApiAssertions.elements;
import static com.promotracking.support.ApiAssertions.ids;
import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.QUINN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner promo code request API over real HTTP against a running server: submitting only while the
 * program allows it, what a valid request holds, who sees which requests, and the brand's processing
 * (approve, possibly with another code, which creates it; reject with a comment; complete), with the history.
 *
 * <p>The database is shared with the other integration tests: tracking and partner requests are switched on
 * for Acme Outdoor US before each test and both off again after it, and every code is new to the run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PromoCodeRequestApiIT {

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36).toUpperCase();

	private static final AtomicInteger COUNTER = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	Program acmeUs;

	long trailblazer;

	@BeforeEach
	void acmeOutdoorUsAllowsRequests() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
		this.trailblazer = this.http.partnerId(ALICE, this.acmeUs.id(), "Trailblazer Deals");
		this.http.put(ALICE, this.acmeUs.id(), true, true);
	}

	@AfterEach
	void bothSettingsAreOffAgain() {
		this.http.put(ALICE, this.acmeUs.id(), false, false);
	}

	// ---------------------------------------------------------------- submitting

	@Test
	void submittingIsRefusedWhileTrackingIsOff() {
		this.http.put(ALICE, this.acmeUs.id(), false, false);
		int before = own().size();

		assertProblem(submit(newCode()), 409, "partner-requests-disabled");
		assertThat(own()).hasSize(before);
	}

	@Test
	void submittingIsRefusedWhileTrackingIsOnButRequestsAreNotAllowed() {
		this.http.put(ALICE, this.acmeUs.id(), true, false);
		int before = own().size();

		Response reply = submit(newCode());

		assertProblem(reply, 409, "partner-requests-disabled");
		assertThat(reply.json().get("detail").asString()).isNotBlank();
		assertThat(own()).hasSize(before);
	}

	@Test
	void submittingIsRefusedInAnotherProgramOfThePartnerThatDoesNotAllowRequests() {
		Program acmeFr = this.http.program(ACME_FR);

		assertProblem(this.http.api("POST", requestsPath(acmeFr.id()), PAT, submitBody(List.of(newCode()))), 409,
				"partner-requests-disabled");
	}

	@Test
	void aPartnerSubmitsARequestWhichIsOpen() {
		String code = newCode();
		String dateNeeded = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
		Instant before = Instant.now().minusSeconds(2);

		Response reply = this.http.api("POST", requestsPath(this.acmeUs.id()), PAT, body(Map.of("suggestedCodes",
				List.of(code), "dateNeeded", dateNeeded, "instructions", "For the spring newsletter")));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.contentType()).startsWith("application/json");
		JsonNode created = reply.json();
		long id = created.get("id").asLong();
		assertThat(created.get("id").isIntegralNumber()).isTrue();
		assertThat(id).isPositive();
		assertThat(reply.location()).endsWith(requestsPath(this.acmeUs.id()) + "/" + id);
		assertThat(created.get("state").asString()).isEqualTo("open");
		assertThat(created.get("programId").asLong()).isEqualTo(this.acmeUs.id());
		assertThat(created.get("partnerId").asLong()).isEqualTo(this.trailblazer);
		assertThat(created.get("partnerName").asString()).isEqualTo("Trailblazer Deals");
		assertThat(elements(created.get("suggestedCodes"))).extracting(JsonNode::asString).containsExactly(code);
		assertThat(created.get("dateNeeded").asString()).isEqualTo(dateNeeded);
		assertThat(created.get("instructions").asString()).isEqualTo("For the spring newsletter");
		assertThat(created.get("createdBy").asString()).isEqualTo(PAT);
		assertThat(Instant.parse(created.get("createdAt").asString())).isBetween(before, Instant.now().plusSeconds(2));
		for (String field : List.of("decidedAt", "decidedBy", "comment", "approvedCode", "promoCodeId", "completedAt",
				"completedBy")) {
			assertThat(absent(created, field)).as(field).isTrue();
		}
		assertThat(Http.expect(this.http.api("GET", reply.location().substring(reply.location().indexOf("/api/")),
				PAT, null), 200).json()).isEqualTo(created);
	}

	@Test
	void severalSuggestedCodesAreKeptInTheirOrder() {
		String first = newCode();
		String second = newCode();

		JsonNode created = Http.expect(submit(first, second), 201).json();

		assertThat(elements(created.get("suggestedCodes"))).extracting(JsonNode::asString)
			.containsExactly(first, second);
	}

	@Test
	void anInvalidRequestIsRefusedNamingTheFieldAndNothingIsStored() {
		int before = own().size();
		String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
		String past = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();

		assertInvalid(post(PAT, Map.of("suggestedCodes", List.of(), "dateNeeded", future)), "suggestedCodes");
		assertInvalid(post(PAT, Map.of("suggestedCodes", List.of("bad code"))), "suggestedCodes");
		assertInvalid(post(PAT, Map.of("suggestedCodes",
				List.of(newCode(), newCode(), newCode(), newCode(), newCode(), newCode()))), "suggestedCodes");
		assertInvalid(post(PAT, Map.of("suggestedCodes", List.of(newCode()), "dateNeeded", past)), "dateNeeded");
		assertInvalid(post(PAT, Map.of("suggestedCodes", List.of(newCode()), "dateNeeded", "next week")),
				"dateNeeded");
		assertInvalid(post(PAT, Map.of("dateNeeded", future, "instructions", "no codes")), "suggestedCodes");

		assertThat(own()).hasSize(before);
	}

	@Test
	void onlyPartnersSubmitRequests() {
		for (String user : List.of(ALICE, CAROL, BOB)) {
			assertProblem(post(user, Map.of("suggestedCodes", List.of(newCode()))), 404, "not-found");
		}
		assertThat(this.http.api("POST", requestsPath(this.acmeUs.id()), null, submitBody(List.of(newCode())))
			.status()).isEqualTo(401);
	}

	// ---------------------------------------------------------------- reading

	@Test
	void theBrandAndItsCsmSeeAllOfTheProgramsRequestsAndFilterThem() {
		long open = submitted(newCode());
		long rejected = submitted(newCode());
		Http.expect(decide(ALICE, rejected, "reject", null, "Not now"), 200);

		for (String user : List.of(ALICE, CAROL)) {
			assertThat(ids(list(user, ""))).as(user).contains(open, rejected);
			List<JsonNode> openOnes = list(user, "?state=open");
			assertThat(ids(openOnes)).as(user).contains(open).doesNotContain(rejected);
			assertThat(openOnes).allSatisfy(request -> assertThat(request.get("state").asString()).isEqualTo("open"));
			assertThat(ids(list(user, "?state=rejected"))).as(user).contains(rejected).doesNotContain(open);
			assertThat(ids(list(user, "?partnerId=" + this.trailblazer))).as(user).contains(open, rejected);
			assertThat(list(user, "?partnerId=999")).as(user).isEmpty();
			assertThat(ids(list(user, "?state=open&partnerId=" + this.trailblazer))).contains(open)
				.doesNotContain(rejected);
		}
	}

	@Test
	void anUnknownStateFilterIsRefusedNamingStateWhoeverAsks() {
		for (String user : List.of(ALICE, CAROL, PAT)) {
			assertInvalid(this.http.api("GET", requestsPath(this.acmeUs.id()) + "?state=pending", user, null), "state");
			assertInvalid(this.http.api("GET", requestsPath(this.acmeUs.id()) + "?state=%20open%20x", user, null),
					"state");
		}
	}

	@Test
	void aPartnerSeesTheirOwnRequests() {
		long id = submitted(newCode());

		List<JsonNode> own = own();

		assertThat(ids(own)).contains(id);
		assertThat(own).allSatisfy(request -> {
			assertThat(request.get("partnerId").asLong()).isEqualTo(this.trailblazer);
			assertThat(request.get("createdBy").asString()).isEqualTo(PAT);
		});
	}

	@Test
	void aPartnerDoesNotSeeTheRequestsOfAProgramTheyDoNotBelongTo() {
		Program globexMain = this.http.program(GLOBEX_MAIN);

		assertProblem(this.http.api("GET", requestsPath(globexMain.id()), PAT, null), 404, "not-found");
		assertProblem(this.http.api("POST", requestsPath(globexMain.id()), PAT, submitBody(List.of(newCode()))), 404,
				"not-found");
	}

	@Test
	void anotherBrandSeesAndDecidesNothing() {
		long id = submitted(newCode());

		assertProblem(this.http.api("GET", requestsPath(this.acmeUs.id()), BOB, null), 404, "not-found");
		assertProblem(this.http.api("GET", requestsPath(this.acmeUs.id()) + "/" + id, BOB, null), 404, "not-found");
		assertProblem(decide(BOB, id, "reject", null, "mine now"), 404, "not-found");
		assertProblem(complete(BOB, id), 404, "not-found");
		assertThat(request(ALICE, id).get("state").asString()).isEqualTo("open");
	}

	@Test
	void aPartnerCannotDecideOrCompleteTheirOwnRequest() {
		long id = submitted(newCode());

		assertProblem(decide(PAT, id, "approve", null, null), 404, "not-found");
		assertProblem(complete(PAT, id), 404, "not-found");
		assertThat(request(ALICE, id).get("state").asString()).isEqualTo("open");
	}

	// ---------------------------------------------------------------- pages

	@Test
	void theListIsOnePageAtATimeNewestFirstAndTheNextPageGoesOnWhereItStopped() {
		long first = submitted(newCode());
		long second = submitted(newCode());
		long third = submitted(newCode());
		long fourth = submitted(newCode());
		String ofTrailblazer = "?partnerId=" + this.trailblazer;

		assertThat(ids(list(ALICE, ofTrailblazer + "&size=2"))).containsExactly(fourth, third);
		assertThat(ids(list(ALICE, ofTrailblazer + "&size=2&page=1"))).containsExactly(second, first);
		assertThat(ids(list(ALICE, "?state=open&size=3&page=0"))).containsExactly(fourth, third, second);
		assertThat(ids(list(ALICE, "?state=open&size=3&page=1"))).startsWith(first);
		assertThat(list(ALICE, ofTrailblazer + "&page=1000000")).as("past the end").isEmpty();
		assertThat(list(ALICE, "?page=" + Integer.MAX_VALUE + "&size=500")).as("far past the end").isEmpty();
	}

	@Test
	void aPageIsAHundredRequestsUnlessAskedAndEachIsTheRequestAsItsOwnGetAnswers() {
		int have = list(ALICE, "?size=500").size();
		for (int n = have; n <= 100; n++) {
			submitted(newCode());
		}
		long newest = submitted(newCode());

		List<JsonNode> page = list(ALICE, "");

		assertThat(page).hasSize(100);
		assertThat(ids(page)).containsExactlyElementsOf(ids(list(ALICE, "?size=500")).subList(0, 100));
		assertThat(list(ALICE, "?size=500")).hasSizeLessThanOrEqualTo(500).hasSizeGreaterThan(100);
		assertThat(list(ALICE, "?size=1")).containsExactly(request(ALICE, newest));
		assertThat(list(PAT, "?size=1")).containsExactly(request(PAT, newest));
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
			assertInvalid(this.http.api("GET", requestsPath(this.acmeUs.id()) + "?" + query, user, null), field);
		}
	}

	@Test
	void aPageOrSizeOutOfRangeSaysWhy() {
		assertThat(this.http.api("GET", requestsPath(this.acmeUs.id()) + "?page=-1", ALICE, null).json()
			.at("/errors/0/message")
			.asString()).isEqualTo("must not be negative");
		assertThat(this.http.api("GET", requestsPath(this.acmeUs.id()) + "?size=501", PAT, null).json()
			.at("/errors/0/message")
			.asString()).isEqualTo("must be from 1 to 500");
	}

	@Test
	void aPartnerPagesThroughTheirOwnRequestsOnlyWhateverPartnerTheyAskFor() {
		long older = submitted(newCode());
		long newer = submitted(newCode());
		long quinns = Http.expect(this.http.api("POST", requestsPath(this.acmeUs.id()), QUINN,
				submitBody(List.of(newCode()))), 201).json().get("id").asLong();
		long couponCorner = this.http.partnerId(ALICE, this.acmeUs.id(), "Coupon Corner");

		assertThat(ids(list(PAT, "?size=1&partnerId=" + couponCorner))).containsExactly(newer);
		assertThat(ids(list(PAT, "?size=1&page=1"))).containsExactly(older);
		assertThat(ids(list(PAT, "?size=500"))).doesNotContain(quinns)
			.containsExactlyElementsOf(ids(list(ALICE, "?size=500&partnerId=" + this.trailblazer)));
		assertThat(ids(list(QUINN, "?size=500"))).contains(quinns).doesNotContain(older, newer);
		assertThat(ids(list(ALICE, "?size=2"))).containsExactly(quinns, newer);
	}

	// ---------------------------------------------------------------- deciding

	@Test
	void approvingWithAnotherCodeCreatesThatCodeForThePartner() {
		String suggested = newCode();
		String approvedCode = newCode();
		long id = submitted(suggested);
		Instant before = Instant.now().minusSeconds(2);

		Response reply = decide(ALICE, id, "approve", approvedCode, "Use this one instead");

		JsonNode approved = Http.expect(reply, 200).json();
		assertThat(approved.get("id").asLong()).isEqualTo(id);
		assertThat(approved.get("state").asString()).isEqualTo("approved");
		assertThat(approved.get("approvedCode").asString()).isEqualTo(approvedCode);
		assertThat(approved.get("comment").asString()).isEqualTo("Use this one instead");
		assertThat(approved.get("decidedBy").asString()).isEqualTo(ALICE);
		assertThat(Instant.parse(approved.get("decidedAt").asString())).isBetween(before, Instant.now().plusSeconds(2));
		assertThat(elements(approved.get("suggestedCodes"))).extracting(JsonNode::asString).containsExactly(suggested);
		long promoCodeId = approved.get("promoCodeId").asLong();
		assertThat(promoCodeId).isPositive();

		JsonNode code = promoCode(promoCodeId);
		assertThat(code.get("code").asString()).isEqualTo(approvedCode);
		assertThat(code.get("partnerId").asLong()).isEqualTo(this.trailblazer);
		assertThat(code.get("matchType").asString()).isEqualTo("exact");
		assertThat(code.get("creditPolicy").asString()).isEqualTo("always");
		assertThat(code.get("state").asString()).isEqualTo("active");
		assertThat(code.get("createdBy").asString()).isEqualTo(ALICE);
		assertThat(promoCodesOfTrailblazer().stream().map(c -> c.get("code").asString()))
			.doesNotContain(suggested);
	}

	@Test
	void approvingWithoutACodeCreatesTheFirstSuggestion() {
		String first = newCode();
		long id = submitted(first, newCode());

		JsonNode approved = Http.expect(decide(CAROL, id, "approve", null, null), 200).json();

		assertThat(approved.get("approvedCode").asString()).isEqualTo(first);
		assertThat(approved.get("decidedBy").asString()).isEqualTo(CAROL);
		assertThat(promoCode(approved.get("promoCodeId").asLong()).get("code").asString()).isEqualTo(first);
	}

	@Test
	void decidingAgainIsRefusedChangesNothingAndIsRecordedAsRefused() {
		long id = submitted(newCode());
		JsonNode approved = Http.expect(decide(ALICE, id, "approve", null, null), 200).json();
		int codesBefore = promoCodesOfTrailblazer().size();

		for (String decision : List.of("reject", "approve")) {
			Response again = decide(CAROL, id, decision, newCode(), "Changed my mind");

			assertProblem(again, 409, "request-already-decided");
			assertThat(request(ALICE, id)).as(decision).isEqualTo(approved);
		}
		assertThat(promoCodesOfTrailblazer()).hasSize(codesBefore);
		JsonNode refusal = historyOf(id).get(0);
		assertThat(refusal.get("outcome").asString()).isEqualTo("refused");
		assertThat(refusal.get("type").asString()).endsWith("/request-already-decided");
		assertThat(refusal.get("actor").asString()).isEqualTo(CAROL);
		assertThat(refusal.at("/changes/request/from").asString()).isEqualTo("approved");
		assertThat(refusal.at("/changes/request/to").asString()).isEqualTo("approved");
	}

	@Test
	void rejectingNeedsACommentAndThenRejects() {
		long id = submitted(newCode());

		assertInvalid(decide(ALICE, id, "reject", null, null), "comment");
		assertInvalid(decide(ALICE, id, "reject", null, "   "), "comment");
		assertThat(request(ALICE, id).get("state").asString()).isEqualTo("open");

		JsonNode rejected = Http.expect(decide(ALICE, id, "reject", null, "Codes are for events only"), 200).json();

		assertThat(rejected.get("state").asString()).isEqualTo("rejected");
		assertThat(rejected.get("comment").asString()).isEqualTo("Codes are for events only");
		assertThat(rejected.get("decidedBy").asString()).isEqualTo(ALICE);
		assertThat(absent(rejected, "approvedCode")).isTrue();
		assertThat(absent(rejected, "promoCodeId")).isTrue();
	}

	@Test
	void anUnknownDecisionIsRefusedNamingDecision() {
		long id = submitted(newCode());

		assertInvalid(decide(ALICE, id, "maybe", null, "hmm"), "decision");
		assertInvalid(this.http.api("POST", requestsPath(this.acmeUs.id()) + "/" + id + "/decision", ALICE,
				body(Map.of("comment", "no decision"))), "decision");
		assertThat(request(ALICE, id).get("state").asString()).isEqualTo("open");
	}

	@Test
	void approvingACodeTheProgramAlreadyHasIsRefusedAndTheRequestStaysOpen() {
		String taken = newCode();
		long id = submitted(taken);
		Http.expect(this.http.api("POST", codesPath(this.acmeUs.id()), ALICE,
				body(Map.of("partnerId", this.trailblazer, "code", taken))), 201);
		int codesBefore = promoCodesOfTrailblazer().size();

		assertProblem(decide(ALICE, id, "approve", null, null), 409, "duplicate-promo-code");
		assertProblem(decide(ALICE, id, "approve", taken.toLowerCase(), null), 409, "duplicate-promo-code");

		JsonNode stillOpen = request(ALICE, id);
		assertThat(stillOpen.get("state").asString()).isEqualTo("open");
		assertThat(absent(stillOpen, "approvedCode")).isTrue();
		assertThat(absent(stillOpen, "decidedBy")).isTrue();
		assertThat(promoCodesOfTrailblazer()).hasSize(codesBefore);

		String other = newCode();
		assertThat(Http.expect(decide(ALICE, id, "approve", other, null), 200).json().get("approvedCode").asString())
			.isEqualTo(other);
	}

	@Test
	void anInvalidApprovedCodeIsRefusedAndTheRequestStaysOpen() {
		long id = submitted(newCode());

		Response reply = decide(ALICE, id, "approve", "not a code", null);

		// The problem names the promo code's field "code" (see the report): only the status and type are pinned.
		assertProblem(reply, 400, "invalid-request");
		assertThat(reply.json().path("errors").size()).isEqualTo(1);
		assertThat(request(ALICE, id).get("state").asString()).isEqualTo("open");
	}

	// ---------------------------------------------------------------- completing

	@Test
	void onlyADecidedRequestCanBeCompleted() {
		long approvedId = submitted(newCode());
		long rejectedId = submitted(newCode());

		assertProblem(complete(ALICE, approvedId), 409, "request-not-decided");
		assertThat(request(ALICE, approvedId).get("state").asString()).isEqualTo("open");

		Http.expect(decide(ALICE, approvedId, "approve", null, null), 200);
		Http.expect(decide(ALICE, rejectedId, "reject", null, "No"), 200);
		Instant before = Instant.now().minusSeconds(2);

		JsonNode completed = Http.expect(complete(CAROL, approvedId), 200).json();
		assertThat(completed.get("state").asString()).isEqualTo("completed");
		assertThat(completed.get("completedBy").asString()).isEqualTo(CAROL);
		assertThat(Instant.parse(completed.get("completedAt").asString())).isBetween(before,
				Instant.now().plusSeconds(2));
		assertThat(completed.get("approvedCode").isString()).isTrue();
		assertThat(Http.expect(complete(ALICE, rejectedId), 200).json().get("state").asString())
			.isEqualTo("completed");

		assertProblem(complete(ALICE, approvedId), 409, "request-not-decided");
		assertProblem(decide(ALICE, approvedId, "reject", null, "late"), 409, "request-already-decided");
		assertThat(request(ALICE, approvedId).get("completedBy").asString()).isEqualTo(CAROL);
	}

	// ---------------------------------------------------------------- settings turned off

	@Test
	void openRequestsStayOpenWhenRequestsAreTurnedOffAndTheBrandStillProcessesThem() {
		long toReject = submitted(newCode());
		String approvedCode = newCode();
		long toApprove = submitted(approvedCode);

		this.http.put(ALICE, this.acmeUs.id(), true, false);

		assertThat(request(PAT, toReject).get("state").asString()).isEqualTo("open");
		assertThat(ids(list(ALICE, "?state=open"))).contains(toReject, toApprove);
		assertThat(Http.expect(decide(ALICE, toReject, "reject", null, "Program paused"), 200).json().get("state")
			.asString()).isEqualTo("rejected");
		JsonNode approved = Http.expect(decide(ALICE, toApprove, "approve", null, null), 200).json();
		assertThat(approved.get("state").asString()).isEqualTo("approved");
		assertThat(promoCode(approved.get("promoCodeId").asLong()).get("code").asString()).isEqualTo(approvedCode);
		assertThat(Http.expect(complete(ALICE, toApprove), 200).json().get("state").asString()).isEqualTo("completed");
	}

	@Test
	void withTrackingOffAnOpenRequestCanBeRejectedButNotApproved() {
		long id = submitted(newCode());

		this.http.put(ALICE, this.acmeUs.id(), false, false);

		assertProblem(decide(ALICE, id, "approve", null, null), 409, "promo-code-tracking-disabled");
		assertThat(request(ALICE, id).get("state").asString()).isEqualTo("open");
		assertThat(Http.expect(decide(ALICE, id, "reject", null, "Tracking is off"), 200).json().get("state")
			.asString()).isEqualTo("rejected");
	}

	// ---------------------------------------------------------------- what the partner sees

	@Test
	void thePartnerSeesTheBrandsCommentAndTheApprovedCode() {
		long approvedId = submitted(newCode());
		long rejectedId = submitted(newCode());
		String approvedCode = newCode();
		Http.expect(decide(ALICE, approvedId, "approve", approvedCode, "Enjoy"), 200);
		Http.expect(decide(ALICE, rejectedId, "reject", null, "Too generic"), 200);

		JsonNode approved = request(PAT, approvedId);
		assertThat(approved.get("state").asString()).isEqualTo("approved");
		assertThat(approved.get("approvedCode").asString()).isEqualTo(approvedCode);
		assertThat(approved.get("comment").asString()).isEqualTo("Enjoy");
		JsonNode rejected = request(PAT, rejectedId);
		assertThat(rejected.get("state").asString()).isEqualTo("rejected");
		assertThat(rejected.get("comment").asString()).isEqualTo("Too generic");
		List<JsonNode> own = own();
		assertThat(own).filteredOn(r -> r.get("id").asLong() == approvedId).singleElement()
			.satisfies(r -> assertThat(r.get("approvedCode").asString()).isEqualTo(approvedCode));
		assertThat(own).filteredOn(r -> r.get("id").asLong() == rejectedId).singleElement()
			.satisfies(r -> assertThat(r.get("comment").asString()).isEqualTo("Too generic"));
		assertThat(Http.expect(this.http.api("GET", codesPath(this.acmeUs.id()), PAT, null), 200).json().toString())
			.contains("\"" + approvedCode + "\"");
	}

	// ---------------------------------------------------------------- history

	@Test
	void submittingDecidingAndCompletingAreInTheHistory() {
		String code = newCode();
		long id = submitted(code);
		JsonNode approved = Http.expect(decide(ALICE, id, "approve", null, "Approved"), 200).json();
		Http.expect(complete(CAROL, id), 200);

		List<JsonNode> entries = historyOf(id);

		assertThat(entries).hasSize(3);
		JsonNode completed = entries.get(0);
		JsonNode decided = entries.get(1);
		JsonNode submitted = entries.get(2);
		assertThat(submitted.get("actor").asString()).isEqualTo(PAT);
		assertThat(submitted.get("actorRole").asString()).isEqualTo("partner");
		assertThat(submitted.get("channel").asString()).isEqualTo("api");
		assertThat(submitted.get("outcome").asString()).isEqualTo("changed");
		assertThat(submitted.at("/subject/type").asString()).isEqualTo("promo-code-request");
		assertThat(submitted.at("/subject/label").asString()).isEqualTo(code);
		assertThat(submitted.at("/changes/request/to").asString()).isEqualTo("open");
		assertThat(submitted.get("comment").asString()).isEqualTo("Please");
		assertThat(decided.get("actor").asString()).isEqualTo(ALICE);
		assertThat(decided.at("/changes/request/from").asString()).isEqualTo("open");
		assertThat(decided.at("/changes/request/to").asString()).isEqualTo("approved");
		assertThat(decided.get("comment").asString()).isEqualTo("Approved");
		assertThat(completed.get("actor").asString()).isEqualTo(CAROL);
		assertThat(completed.at("/changes/request/from").asString()).isEqualTo("approved");
		assertThat(completed.at("/changes/request/to").asString()).isEqualTo("completed");

		long promoCodeId = approved.get("promoCodeId").asLong();
		List<JsonNode> codeEntries = this.http.history(ALICE, this.acmeUs.id(), 0, 100)
			.stream()
			.filter(entry -> entry.at("/subject/type").asString().equals("promo-code")
					&& entry.at("/subject/id").asLong() == promoCodeId)
			.toList();
		assertThat(codeEntries).singleElement().satisfies(entry -> {
			assertThat(entry.at("/changes/promoCode/to").asString()).isEqualTo("created");
			assertThat(entry.get("comment").asString()).isEqualTo("Approved");
		});
	}

	@Test
	void aRejectionIsInTheHistoryWithItsComment() {
		long id = submitted(newCode());
		Http.expect(decide(ALICE, id, "reject", null, "Not now"), 200);

		JsonNode rejected = historyOf(id).get(0);

		assertThat(rejected.at("/changes/request/from").asString()).isEqualTo("open");
		assertThat(rejected.at("/changes/request/to").asString()).isEqualTo("rejected");
		assertThat(rejected.get("comment").asString()).isEqualTo("Not now");
	}

	@Test
	void aSubmissionRefusedByTheSettingIsRecordedButAnInvalidOneIsNot() {
		this.http.put(ALICE, this.acmeUs.id(), true, false);
		int before = this.http.historyLength(ALICE, this.acmeUs.id());

		assertProblem(submit(newCode()), 409, "partner-requests-disabled");
		this.http.put(ALICE, this.acmeUs.id(), true, true);
		int afterReenabling = this.http.historyLength(ALICE, this.acmeUs.id());
		assertInvalid(post(PAT, Map.of("suggestedCodes", List.of("bad code"))), "suggestedCodes");

		assertThat(afterReenabling).as("the refused attempt and the settings change").isEqualTo(before + 2);
		JsonNode attempt = this.http.history(ALICE, this.acmeUs.id(), 0, 2).get(1);
		assertThat(attempt.get("outcome").asString()).isEqualTo("refused");
		assertThat(attempt.get("actor").asString()).isEqualTo(PAT);
		assertThat(attempt.get("type").asString()).endsWith("/partner-requests-disabled");
		assertThat(this.http.historyLength(ALICE, this.acmeUs.id())).isEqualTo(afterReenabling);
	}

	// ---------------------------------------------------------------- helpers

	/** A code no other test of this run uses: letters and digits only. */
	private static String newCode() {
		return "TRAIL" + RUN + "R" + COUNTER.incrementAndGet();
	}

	private static String requestsPath(long programId) {
		return "/api/programs/" + programId + "/promo-code-requests";
	}

	private static String codesPath(long programId) {
		return "/api/programs/" + programId + "/promo-codes";
	}

	private String body(Map<String, ?> fields) {
		return this.json.writeValueAsString(new LinkedHashMap<>(fields));
	}

	private String submitBody(List<String> codes) {
		return body(Map.of("suggestedCodes", codes, "dateNeeded",
				LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(), "instructions", "Please"));
	}

	private Response post(String user, Map<String, ?> fields) {
		return this.http.api("POST", requestsPath(this.acmeUs.id()), user, body(fields));
	}

	private Response submit(String... codes) {
		return this.http.api("POST", requestsPath(this.acmeUs.id()), PAT, submitBody(List.of(codes)));
	}

	private long submitted(String... codes) {
		return Http.expect(submit(codes), 201).json().get("id").asLong();
	}

	private Response decide(String user, long id, String decision, String approvedCode, String comment) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("decision", decision);
		if (approvedCode != null) {
			fields.put("approvedCode", approvedCode);
		}
		if (comment != null) {
			fields.put("comment", comment);
		}
		return this.http.api("POST", requestsPath(this.acmeUs.id()) + "/" + id + "/decision", user, body(fields));
	}

	private Response complete(String user, long id) {
		return this.http.api("POST", requestsPath(this.acmeUs.id()) + "/" + id + "/completion", user, null);
	}

	private JsonNode request(String user, long id) {
		return Http.expect(this.http.api("GET", requestsPath(this.acmeUs.id()) + "/" + id, user, null), 200).json();
	}

	private List<JsonNode> list(String user, String query) {
		return elements(
				Http.expect(this.http.api("GET", requestsPath(this.acmeUs.id()) + query, user, null), 200).json());
	}

	/** Pat's requests in the program: all of them, as long as they are at most 500. */
	private List<JsonNode> own() {
		return list(PAT, "?size=500");
	}

	private List<JsonNode> promoCodesOfTrailblazer() {
		return elements(Http.expect(this.http.api("GET",
				codesPath(this.acmeUs.id()) + "?partnerId=" + this.trailblazer, ALICE, null), 200).json());
	}

	private JsonNode promoCode(long id) {
		return promoCodesOfTrailblazer().stream()
			.filter(code -> code.get("id").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No promo code " + id + " of Trailblazer Deals"));
	}

	/** The history entries about one request, newest first, among the latest entries of the program. */
	private List<JsonNode> historyOf(long requestId) {
		return this.http.historyOf(ALICE, this.acmeUs.id(), "promo-code-request", requestId);
	}

}
