package com.promotracking.eventtypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The event type API of issue 4 over real HTTP against a running server: event types, test conversions in,
 * reviews, withdrawals, deletions, the access rule, the history, and how it all unlocks promo code tracking.
 *
 * <p>The server and its in-memory database are shared with the other integration tests, so nothing here
 * assumes a fresh state: each test makes its own event types and test actions (unique names and order ids)
 * and {@link #cleanUp()} deletes them and turns tracking off again, so that <i>Acme Outdoor FR</i> is left
 * with its promo code not validated, as the other test classes expect.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EventTypeApiIT {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	Program acmeUs;

	Program acmeFr;

	Program globexMain;

	/** What this test made and {@link #cleanUp()} deletes: [path, user]. */
	final List<String[]> made = new ArrayList<>();

	/** Event types this test made: deleting one deletes its test actions too. */
	final java.util.Set<Long> madeEventTypes = new java.util.HashSet<>();

	@BeforeEach
	void lookUpThePrograms() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
		this.acmeFr = this.http.program(ACME_FR);
		this.globexMain = this.http.program(GLOBEX_MAIN);
	}

	@AfterEach
	void cleanUp() {
		// Test actions first (they may sit in demo event types), then the event types this test made.
		List<String[]> newestFirst = new ArrayList<>(this.made);
		java.util.Collections.reverse(newestFirst);
		newestFirst.sort(java.util.Comparator.comparing(entry -> entry[0].contains("/event-types/") ? 1 : 0));
		for (String[] entry : newestFirst) {
			Response deleted = this.http.api("DELETE", entry[0], entry[1], null);
			assertThat(deleted.status()).as("clean-up DELETE %s: %s", entry[0], deleted).isIn(204, 404);
		}
		this.made.clear();
		this.madeEventTypes.clear();
		JsonNode fr = this.http.settings(ALICE, this.acmeFr.id());
		if (fr.get("promoCodeTrackingEnabled").asBoolean() || fr.get("partnerPromoCodeRequestsAllowed").asBoolean()) {
			this.http.put(ALICE, this.acmeFr.id(), false, false);
		}
		assertThat(fr.get("promoCodeValidated").asBoolean())
			.as("Acme Outdoor FR is left not validated for the other test classes")
			.isFalse();
	}

	// =====================================================================================================
	// The full story

	@Test
	void aTestActionWithAPromoCodeApprovedThroughTheApiUnlocksPromoCodeTrackingOnAcmeOutdoorFr() {
		long fr = this.acmeFr.id();
		assertThat(this.http.settings(ALICE, fr).get("promoCodeValidated").asBoolean()).isFalse();
		Response refused = this.http.api("PUT", Http.settingsApiPath(fr), ALICE, Http.body(true, false));
		assertProblem(refused, 422, "promo-code-not-validated");
		assertThat(this.http.settings(ALICE, fr).get("promoCodeTrackingEnabled").asBoolean()).isFalse();

		long onlineSale = eventTypeNamed(fr, "Online Sale").get("id").asLong();
		String orderId = orderId("FR-E2E");
		JsonNode received = receive(fr, onlineSale, conversion(orderId, "52.50", "EUR", "ETE15"));
		assertThat(received.get("reviewState").asString()).isEqualTo("pending");
		assertThat(this.http.settings(ALICE, fr).get("promoCodeValidated").asBoolean())
			.as("a pending test action validates nothing")
			.isFalse();

		Response approved = review(fr, received.get("id").asLong(), ALICE, "approve", "Code ETE15 came through");
		assertThat(approved.status()).as("%s", approved).isEqualTo(200);
		assertThat(approved.json().get("promoCodeValidated").asBoolean()).isTrue();
		assertThat(approved.json().at("/testAction/reviewState").asString()).isEqualTo("approved");
		assertThat(this.http.settings(ALICE, fr).get("promoCodeValidated").asBoolean()).isTrue();

		Response enabled = this.http.api("PUT", Http.settingsApiPath(fr), ALICE, Http.body(true, false));
		assertThat(enabled.status()).as("%s", enabled).isEqualTo(200);
		assertThat(enabled.json().get("promoCodeTrackingEnabled").asBoolean()).isTrue();
		assertThat(enabled.json().get("promoCodeValidated").asBoolean()).isTrue();
		assertThat(this.http.settings(CAROL, fr).get("promoCodeTrackingEnabled").asBoolean()).isTrue();
	}

	// =====================================================================================================
	// Event types

	@Nested
	class EventTypes {

		@Test
		void listsEachEventTypeWithExactlyIdNameKindAndState() {
			JsonNode list = Http.expect(http.api("GET", eventTypesPath(acmeUs.id()), ALICE, null), 200).json();

			assertThat(list.isArray()).isTrue();
			JsonNode onlineSale = eventTypeNamed(acmeUs.id(), "Online Sale");
			assertThat(onlineSale.propertyNames()).containsExactlyInAnyOrder("id", "name", "kind", "state");
			assertThat(onlineSale.get("id").isIntegralNumber()).isTrue();
			assertThat(onlineSale.get("kind").asString()).isEqualTo("sale");
			assertThat(onlineSale.get("state").asString()).as("approved demo test action").isEqualTo("active");
			for (JsonNode eventType : list) {
				assertThat(eventType.get("kind").asString()).isIn("sale", "lead");
				assertThat(eventType.get("state").asString()).isIn("pending-validation", "active");
			}
		}

		@Test
		void anEventTypeWithoutAnApprovedTestActionIsPendingValidation() {
			String name = uniqueName("Newsletter");
			createEventType(acmeFr.id(), ALICE, name, "lead");

			JsonNode listed = eventTypeNamed(acmeFr.id(), name);

			assertThat(listed.get("kind").asString()).isEqualTo("lead");
			assertThat(listed.get("state").asString()).isEqualTo("pending-validation");
		}

		@Test
		void createAnswers201WithALocationThatReadsTheNewEventType() {
			String name = uniqueName("Store Sale");

			Response created = http.api("POST", eventTypesPath(acmeFr.id()), ALICE, eventTypeBody(name, "sale"));

			assertThat(created.status()).as("%s", created).isEqualTo(201);
			long id = created.json().get("id").asLong();
			madeEventType(acmeFr.id(), id, ALICE);
			assertThat(id).isPositive();
			assertThat(created.json().get("name").asString()).isEqualTo(name);
			assertThat(created.json().get("kind").asString()).isEqualTo("sale");
			assertThat(created.json().get("state").asString()).isEqualTo("pending-validation");
			String path = eventTypesPath(acmeFr.id()) + "/" + id;
			assertThat(created.location()).endsWith(path);
			assertThat(Http.expect(http.api("GET", path, ALICE, null), 200).json()).isEqualTo(created.json());
			assertThat(eventTypeNamed(acmeFr.id(), name).get("id").asLong()).isEqualTo(id);
		}

		@Test
		void aCsmCreatesEventTypesForHerBrandsPrograms() {
			String name = uniqueName("CSM Lead");

			Response created = http.api("POST", eventTypesPath(acmeFr.id()), CAROL, eventTypeBody(name, "LEAD"));

			assertThat(created.status()).as("%s", created).isEqualTo(201);
			madeEventType(acmeFr.id(), created.json().get("id").asLong(), CAROL);
			assertThat(created.json().get("kind").asString()).as("kind is case-insensitive").isEqualTo("lead");
			assertThat(eventTypeNamed(acmeFr.id(), name).get("state").asString()).isEqualTo("pending-validation");
		}

		@Test
		void aNameAlreadyUsedInTheProgramIsRefusedWith409WhateverItsCaseAndNothingIsStored() {
			String name = uniqueName("Phone Order");
			createEventType(acmeFr.id(), ALICE, name, "sale");
			int before = eventTypeCount(acmeFr.id());

			for (String again : List.of(name, name.toUpperCase(), name.toLowerCase())) {
				Response duplicate = http.api("POST", eventTypesPath(acmeFr.id()), ALICE, eventTypeBody(again, "lead"));
				assertProblem(duplicate, 409, "duplicate-event-type");
			}
			assertProblem(http.api("POST", eventTypesPath(acmeFr.id()), ALICE, eventTypeBody("online sale", "sale")),
					409, "duplicate-event-type");

			assertThat(eventTypeCount(acmeFr.id())).isEqualTo(before);
		}

		@Test
		void theSameNameIsFreeInAnotherProgram() {
			String name = uniqueName("Shared Name");
			createEventType(acmeFr.id(), ALICE, name, "sale");

			long other = createEventType(acmeUs.id(), ALICE, name.toLowerCase(), "sale");

			assertThat(eventTypeNamed(acmeUs.id(), name.toLowerCase()).get("id").asLong()).isEqualTo(other);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("com.promotracking.eventtypes.EventTypeApiIT#badEventTypes")
		void aBadEventTypeIsRefusedWith400NamingEachBadFieldAndNothingIsStored(String body, List<String> fields) {
			int before = eventTypeCount(acmeFr.id());

			Response refused = http.api("POST", eventTypesPath(acmeFr.id()), ALICE, body);

			JsonNode problem = assertProblem(refused, 400, "invalid-request");
			assertThat(errorFields(problem)).containsExactlyInAnyOrderElementsOf(fields);
			assertThat(eventTypeCount(acmeFr.id())).isEqualTo(before);
		}

		@Test
		void deletingAnEventTypeAnswers204AndDeletesItsTestActions() {
			String name = uniqueName("Doomed");
			long eventType = createEventType(acmeFr.id(), ALICE, name, "sale");
			long pending = receive(acmeFr.id(), eventType, conversion(orderId("D1"), "10", "EUR", "DOOM1"))
				.get("id")
				.asLong();
			long rejected = receive(acmeFr.id(), eventType, conversion(orderId("D2"), "10", "EUR", null)).get("id")
				.asLong();
			Http.expect(review(acmeFr.id(), rejected, ALICE, "reject", null), 200);

			Response deleted = http.api("DELETE", eventTypePath(acmeFr.id(), eventType), ALICE, null);

			assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
			assertThat(deleted.body()).isEmpty();
			assertProblem(http.api("GET", eventTypePath(acmeFr.id(), eventType), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", testActionsPath(acmeFr.id(), eventType), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", testActionPath(acmeFr.id(), pending), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", testActionPath(acmeFr.id(), rejected), ALICE, null), 404, "not-found");
			assertThat(names(Http.expect(http.api("GET", eventTypesPath(acmeFr.id()), ALICE, null), 200).json()))
				.doesNotContain(name);
			assertProblem(http.api("DELETE", eventTypePath(acmeFr.id(), eventType), ALICE, null), 404, "not-found");
		}

	}

	static Stream<Arguments> badEventTypes() {
		return Stream.of(arguments("{\"name\": \"   \", \"kind\": \"sale\"}", List.of("name")),
				arguments("{\"name\": \"\", \"kind\": \"sale\"}", List.of("name")),
				arguments("{\"kind\": \"sale\"}", List.of("name")),
				arguments("{\"name\": \"" + "n".repeat(121) + "\", \"kind\": \"sale\"}", List.of("name")),
				arguments("{\"name\": \"Good name\", \"kind\": \"purchase\"}", List.of("kind")),
				arguments("{\"name\": \"Good name\"}", List.of("kind")),
				arguments("{\"name\": \"\", \"kind\": \"other\"}", List.of("name", "kind")));
	}

	// =====================================================================================================
	// Test conversions in

	@Nested
	class TestConversionsIn {

		long eventType;

		@BeforeEach
		void anEventTypeOfItsOwn() {
			this.eventType = createEventType(acmeFr.id(), ALICE, uniqueName("Conversions"), "sale");
		}

		@Test
		void aTestConversionAnswers201WithALocationAndTheStoredActionPending() {
			String orderId = orderId("OK");
			Instant before = Instant.now().minusSeconds(5);

			Response created = http.api("POST", testActionsPath(acmeFr.id(), this.eventType), ALICE,
					conversion(orderId, "49.90", "EUR", "WELCOME10"));

			assertThat(created.status()).as("%s", created).isEqualTo(201);
			JsonNode action = created.json();
			long id = action.get("id").asLong();
			assertThat(id).isPositive();
			assertThat(created.location()).endsWith(testActionPath(acmeFr.id(), id));
			assertThat(action.get("eventTypeId").asLong()).isEqualTo(this.eventType);
			assertThat(action.get("orderId").asString()).isEqualTo(orderId);
			assertThat(action.get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("49.90"));
			assertThat(action.get("currency").asString()).isEqualTo("EUR");
			assertThat(action.get("promoCode").asString()).isEqualTo("WELCOME10");
			assertThat(action.get("reviewState").asString()).isEqualTo("pending");
			assertThat(Instant.parse(action.get("receivedAt").asString())).isBetween(before,
					Instant.now().plusSeconds(5));
			assertThat(action.get("reviewedAt").isNull()).isTrue();
			assertThat(action.get("reviewedBy").isNull()).isTrue();

			JsonNode read = Http.expect(http.api("GET", testActionPath(acmeFr.id(), id), ALICE, null), 200).json();
			assertThat(read).isEqualTo(action);
			assertThat(actions(acmeFr.id(), this.eventType)).extracting(a -> a.get("id").asLong()).containsExactly(id);
		}

		@Test
		void theWholePayloadReceivedIsKeptExtraFieldsIncluded() {
			String body = "{\"orderId\": \"" + orderId("PAYLOAD") + "\", \"amount\": 120.00, \"currency\": \"EUR\", "
					+ "\"promoCode\": \"SPRING-24_b\", \"items\": [{\"sku\": \"TENT-2P\", \"qty\": 1}], "
					+ "\"customer\": {\"country\": \"FR\"}}";

			JsonNode action = receive(acmeFr.id(), this.eventType, body);

			assertThat(action.get("payload")).isEqualTo(json.readTree(body));
			assertThat(action.at("/payload/items/0/sku").asString()).isEqualTo("TENT-2P");
			JsonNode read = Http
				.expect(http.api("GET", testActionPath(acmeFr.id(), action.get("id").asLong()), ALICE, null), 200)
				.json();
			assertThat(read.get("payload")).isEqualTo(json.readTree(body));
		}

		@Test
		void aConversionWithoutAPromoCodeIsStoredWithNone() {
			JsonNode action = receive(acmeFr.id(), this.eventType, conversion(orderId("NOCODE"), "0", "USD", null));

			assertThat(action.get("promoCode").isNull()).isTrue();
			assertThat(action.get("amount").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
		}

		@Test
		void aPromoCodeOf64LettersDigitsDashesAndUnderscoresIsAccepted() {
			String code = ("Ab9-_" + "x".repeat(64)).substring(0, 64);

			JsonNode action = receive(acmeFr.id(), this.eventType, conversion(orderId("C64"), "1.5", "EUR", code));

			assertThat(action.get("promoCode").asString()).isEqualTo(code).hasSize(64);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("com.promotracking.eventtypes.EventTypeApiIT#badConversions")
		void aBadConversionIsRefusedWith400NamingEachBadFieldAndNothingIsStored(String label, String body,
				List<String> fields) {
			List<JsonNode> before = actions(acmeFr.id(), this.eventType);

			Response refused = http.api("POST", testActionsPath(acmeFr.id(), this.eventType), ALICE,
					body.replace("ORDER", orderId("BAD")));

			JsonNode problem = assertProblem(refused, 400, "invalid-request");
			assertThat(errorFields(problem)).as(label).containsExactlyInAnyOrderElementsOf(fields);
			for (String field : fields) {
				assertThat(problem.get("detail").asString()).contains(field);
			}
			assertThat(actions(acmeFr.id(), this.eventType)).hasSameSizeAs(before);
		}

		@Test
		void aBodyThatIsNotJsonIsRefusedWith400AndNothingIsStored() {
			Response refused = http.api("POST", testActionsPath(acmeFr.id(), this.eventType), ALICE,
					"{\"orderId\": \"X\", \"amount\": ");

			assertProblem(refused, 400, "invalid-request");
			assertThat(actions(acmeFr.id(), this.eventType)).isEmpty();
		}

		@Test
		void aPayloadOfMoreThan4000CharactersIsRefusedAndNothingIsStored() {
			String body = "{\"orderId\": \"" + orderId("BIG") + "\", \"amount\": 1, \"currency\": \"EUR\", "
					+ "\"note\": \"" + "n".repeat(4000) + "\"}";

			Response refused = http.api("POST", testActionsPath(acmeFr.id(), this.eventType), ALICE, body);

			assertProblem(refused, 413, "payload-too-large");
			assertThat(actions(acmeFr.id(), this.eventType)).isEmpty();
		}

		@Test
		void theSameOrderIdTwiceForOneEventTypeIsRefusedWith409ButIsFreeForAnotherEventType() {
			String orderId = orderId("TWICE");
			long first = receive(acmeFr.id(), this.eventType, conversion(orderId, "10", "EUR", "ONE")).get("id")
				.asLong();

			Response again = http.api("POST", testActionsPath(acmeFr.id(), this.eventType), ALICE,
					conversion(orderId, "20", "USD", "TWO"));

			assertProblem(again, 409, "duplicate-order-id");
			List<JsonNode> stored = actions(acmeFr.id(), this.eventType);
			assertThat(stored).extracting(a -> a.get("id").asLong()).containsExactly(first);
			assertThat(stored.get(0).get("promoCode").asString()).isEqualTo("ONE");

			long otherEventType = createEventType(acmeFr.id(), ALICE, uniqueName("Other"), "lead");
			JsonNode elsewhere = receive(acmeFr.id(), otherEventType, conversion(orderId, "20", "USD", "TWO"));
			assertThat(elsewhere.get("orderId").asString()).isEqualTo(orderId);
		}

		@Test
		void theListShowsEachActionWithItsReviewStateNewestFirst() {
			long approved = receive(acmeFr.id(), this.eventType, conversion(orderId("L1"), "10", "EUR", null))
				.get("id")
				.asLong();
			long rejected = receive(acmeFr.id(), this.eventType, conversion(orderId("L2"), "11", "EUR", null))
				.get("id")
				.asLong();
			long pending = receive(acmeFr.id(), this.eventType, conversion(orderId("L3"), "12", "EUR", "LIST3"))
				.get("id")
				.asLong();
			Http.expect(review(acmeFr.id(), approved, ALICE, "approve", null), 200);
			Http.expect(review(acmeFr.id(), rejected, ALICE, "reject", "wrong amount"), 200);

			List<JsonNode> list = actions(acmeFr.id(), this.eventType);

			assertThat(list).extracting(a -> a.get("id").asLong()).containsExactly(pending, rejected, approved);
			assertThat(list).extracting(a -> a.get("reviewState").asString())
				.containsExactly("pending", "rejected", "approved");
			assertThat(list.get(1).get("reviewComment").asString()).isEqualTo("wrong amount");
			assertThat(list.get(0).get("promoCode").asString()).isEqualTo("LIST3");
		}

	}

	// =====================================================================================================
	// Pages of test actions

	@Nested
	class Pages {

		long eventType;

		@BeforeEach
		void anEventTypeOfItsOwn() {
			this.eventType = createEventType(acmeFr.id(), ALICE, uniqueName("Pages"), "sale");
		}

		@Test
		void theListIsOnePageAtATimeNewestFirstAndTheNextPageGoesOnWhereItStopped() {
			List<Long> newestFirst = receivedNewestFirst(5);

			assertThat(ids("?size=2")).containsExactlyElementsOf(newestFirst.subList(0, 2));
			assertThat(ids("?size=2&page=1")).containsExactlyElementsOf(newestFirst.subList(2, 4));
			assertThat(ids("?size=2&page=2")).containsExactlyElementsOf(newestFirst.subList(4, 5));
			assertThat(ids("?size=2&page=3")).as("past the end").isEmpty();
			assertThat(ids("?page=" + Integer.MAX_VALUE + "&size=500")).as("far past the end").isEmpty();
			assertThat(ids("")).as("the first page by default").containsExactlyElementsOf(newestFirst);
		}

		@Test
		void aPageIsAHundredTestActionsUnlessAskedAndAtMostFiveHundred() {
			List<Long> newestFirst = receivedNewestFirst(101);

			assertThat(ids("")).containsExactlyElementsOf(newestFirst.subList(0, 100));
			assertThat(ids("?page=1")).containsExactly(newestFirst.get(100));
			assertThat(ids("?size=500")).containsExactlyElementsOf(newestFirst);
			assertThat(ids("?size=1")).containsExactly(newestFirst.get(0));
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(textBlock = """
				page=-1,  page, must not be negative
				page=abc, page,
				size=0,   size, must be from 1 to 500
				size=501, size, must be from 1 to 500
				size=-5,  size, must be from 1 to 500
				size=ten, size,
				""")
		void aPageOrSizeOutOfRangeIsRefusedWith400NamingIt(String query, String field, String reason) {
			Response refused = http.api("GET", testActionsPath(acmeFr.id(), this.eventType) + "?" + query, ALICE,
					null);

			JsonNode problem = assertProblem(refused, 400, "invalid-request");
			assertThat(errorFields(problem)).containsExactly(field);
			assertThat(problem.get("detail").asString()).contains(field);
			if (reason != null) {
				assertThat(problem.at("/errors/0/message").asString()).isEqualTo(reason);
			}
		}

		@Test
		void aPageOutOfRangeIsRefusedInFrenchToo() {
			Response refused = http.api("GET", testActionsPath(acmeFr.id(), this.eventType) + "?size=501", ALICE,
					null, "Accept-Language", "fr");

			JsonNode problem = assertProblem(refused, 400, "invalid-request");
			assertThat(problem.at("/errors/0/message").asString()).isEqualTo("doit être compris entre 1 et 500");
		}

		@Test
		void theEventTypeAloneAnswersItsFourFieldsWhateverItsTestActions() {
			long approved = receivedNewestFirst(3).get(2);
			Http.expect(review(acmeFr.id(), approved, ALICE, "approve", null), 200);

			JsonNode eventType = Http.expect(http.api("GET", eventTypePath(acmeFr.id(), this.eventType), ALICE, null),
					200).json();

			assertThat(eventType.propertyNames()).containsExactly("id", "name", "kind", "state");
			assertThat(eventType.get("id").asLong()).isEqualTo(this.eventType);
			assertThat(eventType.get("state").asString()).isEqualTo("active");
		}

		@Test
		void theEventTypePageShowsFiftyAtATimeWithLinksBetweenThePages() {
			List<Long> newestFirst = receivedNewestFirst(51);
			Http.Session alice = http.login(ALICE);
			String path = "/programs/" + acmeFr.id() + "/event-types/" + this.eventType;

			Document first = Http.expect(http.get(alice, path), 200).html();
			Document second = Http.expect(http.get(alice, first.select("#next-page").attr("href")), 200).html();
			Response refused = http.get(alice, path + "?page=-1");

			assertThat(testActionIds(first)).containsExactlyElementsOf(newestFirst.subList(0, 50));
			assertThat(first.select("#page-number").text()).isEqualTo("Page 1");
			assertThat(first.select("#previous-page")).isEmpty();
			assertThat(testActionIds(second)).containsExactly(newestFirst.get(50));
			assertThat(second.select("#page-number").text()).isEqualTo("Page 2");
			assertThat(second.select("#next-page")).isEmpty();
			assertThat(second.select("#previous-page").attr("href")).isEqualTo(path);
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.html().select("#page-error").text()).isEqualTo("The page number must not be negative.");
			assertThat(refused.html().select("#test-actions")).isEmpty();
		}

		/** Receives {@code count} test conversions for the event type; their ids, newest first. */
		private List<Long> receivedNewestFirst(int count) {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				ids.add(0, receive(acmeFr.id(), this.eventType, conversion(orderId("PAGE"), "10", "EUR", null))
					.get("id")
					.asLong());
			}
			return ids;
		}

		private List<Long> ids(String query) {
			List<Long> ids = new ArrayList<>();
			Http.expect(http.api("GET", testActionsPath(acmeFr.id(), this.eventType) + query, ALICE, null), 200)
				.json()
				.forEach(action -> ids.add(action.get("id").asLong()));
			return ids;
		}

		/** The test actions a page lists, by the id in each row's link. */
		private static List<Long> testActionIds(Document page) {
			return page.select("#test-actions tbody tr a")
				.eachAttr("href")
				.stream()
				.map(href -> Long.parseLong(href.substring(href.lastIndexOf('/') + 1)))
				.toList();
		}

	}

	static Stream<Arguments> badConversions() {
		String code65 = "C".repeat(65);
		return Stream.of(
				arguments("orderId missing", "{\"amount\": 10, \"currency\": \"EUR\"}", List.of("orderId")),
				arguments("orderId blank", "{\"orderId\": \"   \", \"amount\": 10, \"currency\": \"EUR\"}",
						List.of("orderId")),
				arguments("orderId empty", "{\"orderId\": \"\", \"amount\": 10, \"currency\": \"EUR\"}",
						List.of("orderId")),
				arguments("amount missing", "{\"orderId\": \"ORDER\", \"currency\": \"EUR\"}", List.of("amount")),
				arguments("amount negative", "{\"orderId\": \"ORDER\", \"amount\": -0.01, \"currency\": \"EUR\"}",
						List.of("amount")),
				arguments("amount with 3 decimals",
						"{\"orderId\": \"ORDER\", \"amount\": 12.345, \"currency\": \"EUR\"}", List.of("amount")),
				arguments("amount as a string",
						"{\"orderId\": \"ORDER\", \"amount\": \"12.5\", \"currency\": \"EUR\"}", List.of("amount")),
				arguments("currency missing", "{\"orderId\": \"ORDER\", \"amount\": 10}", List.of("currency")),
				arguments("currency EURO", "{\"orderId\": \"ORDER\", \"amount\": 10, \"currency\": \"EURO\"}",
						List.of("currency")),
				arguments("currency in small letters",
						"{\"orderId\": \"ORDER\", \"amount\": 10, \"currency\": \"eur\"}", List.of("currency")),
				arguments("currency XXZ", "{\"orderId\": \"ORDER\", \"amount\": 10, \"currency\": \"XXZ\"}",
						List.of("currency")),
				arguments("promoCode with a space",
						"{\"orderId\": \"ORDER\", \"amount\": 10, \"currency\": \"EUR\", \"promoCode\": \"SUMMER 10\"}",
						List.of("promoCode")),
				arguments("promoCode of 65 characters", "{\"orderId\": \"ORDER\", \"amount\": 10, \"currency\": \"EUR\", "
						+ "\"promoCode\": \"" + code65 + "\"}", List.of("promoCode")),
				arguments("promoCode empty",
						"{\"orderId\": \"ORDER\", \"amount\": 10, \"currency\": \"EUR\", \"promoCode\": \"\"}",
						List.of("promoCode")),
				arguments("everything wrong at once",
						"{\"orderId\": \"\", \"amount\": -1, \"currency\": \"eur\", \"promoCode\": \"a b\"}",
						List.of("orderId", "amount", "currency", "promoCode")));
	}

	// =====================================================================================================
	// Reviews

	@Nested
	class Reviews {

		long eventType;

		@BeforeEach
		void anEventTypeOfItsOwn() {
			this.eventType = createEventType(acmeFr.id(), ALICE, uniqueName("Review"), "sale");
		}

		@Test
		void approvingAnActionThatCarriedAPromoCodeValidatesThePromoCodeAndActivatesTheEventType() {
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId("A"), "10", "EUR", "CODE-A")).get("id")
				.asLong();
			Instant before = Instant.now().minusSeconds(5);

			Response approved = review(acmeFr.id(), id, ALICE, "approve", "  Looks right  ");

			assertThat(approved.status()).as("%s", approved).isEqualTo(200);
			JsonNode action = approved.json().get("testAction");
			assertThat(approved.json().get("promoCodeValidated").asBoolean()).isTrue();
			assertThat(action.get("id").asLong()).isEqualTo(id);
			assertThat(action.get("reviewState").asString()).isEqualTo("approved");
			assertThat(action.get("reviewedBy").asString()).isEqualTo(ALICE);
			assertThat(action.get("reviewComment").asString()).isEqualTo("Looks right");
			assertThat(Instant.parse(action.get("reviewedAt").asString())).isBetween(before,
					Instant.now().plusSeconds(5));
			assertThat(stateOf(acmeFr.id(), this.eventType)).isEqualTo("active");
			assertThat(http.settings(ALICE, acmeFr.id()).get("promoCodeValidated").asBoolean()).isTrue();
			assertThat(Http.expect(http.api("GET", testActionPath(acmeFr.id(), id), ALICE, null), 200).json())
				.isEqualTo(action);
		}

		@Test
		void approvingAnActionWithoutAPromoCodeActivatesTheEventTypeButValidatesNothing() {
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId("N"), "10", "EUR", null)).get("id")
				.asLong();

			Response approved = review(acmeFr.id(), id, ALICE, "approve", null);

			assertThat(approved.status()).as("%s", approved).isEqualTo(200);
			assertThat(approved.json().get("promoCodeValidated").asBoolean()).isFalse();
			assertThat(approved.json().at("/testAction/reviewState").asString()).isEqualTo("approved");
			assertThat(approved.json().at("/testAction/reviewComment").isNull()).isTrue();
			assertThat(stateOf(acmeFr.id(), this.eventType)).isEqualTo("active");
			assertThat(http.settings(ALICE, acmeFr.id()).get("promoCodeValidated").asBoolean()).isFalse();
			assertProblem(http.api("PUT", Http.settingsApiPath(acmeFr.id()), ALICE, Http.body(true, false)), 422,
					"promo-code-not-validated");
		}

		@Test
		void rejectingAnActionLeavesTheEventTypePendingAndValidatesNothing() {
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId("R"), "10", "EUR", "CODE-R")).get("id")
				.asLong();

			Response rejected = review(acmeFr.id(), id, CAROL, "reject", "Wrong amount");

			assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
			assertThat(rejected.json().at("/testAction/reviewState").asString()).isEqualTo("rejected");
			assertThat(rejected.json().at("/testAction/reviewedBy").asString()).isEqualTo(CAROL);
			assertThat(rejected.json().get("promoCodeValidated").asBoolean()).isFalse();
			assertThat(stateOf(acmeFr.id(), this.eventType)).isEqualTo("pending-validation");
			assertThat(http.settings(ALICE, acmeFr.id()).get("promoCodeValidated").asBoolean()).isFalse();
		}

		@ParameterizedTest(name = "first {0}, then {1}")
		@MethodSource("com.promotracking.eventtypes.EventTypeApiIT#reviewTwice")
		void reviewingAnActionAlreadyReviewedIsRefusedWith409AndChangesNothing(String first, String second) {
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId("TWICE"), "10", "EUR", "TWICE1"))
				.get("id")
				.asLong();
			Http.expect(review(acmeFr.id(), id, ALICE, first, "first look"), 200);
			JsonNode before = Http.expect(http.api("GET", testActionPath(acmeFr.id(), id), ALICE, null), 200).json();
			boolean validatedBefore = http.settings(ALICE, acmeFr.id()).get("promoCodeValidated").asBoolean();

			Response again = review(acmeFr.id(), id, CAROL, second, "second look");

			assertProblem(again, 409, "already-reviewed");
			assertThat(Http.expect(http.api("GET", testActionPath(acmeFr.id(), id), ALICE, null), 200).json())
				.isEqualTo(before);
			assertThat(http.settings(ALICE, acmeFr.id()).get("promoCodeValidated").asBoolean())
				.isEqualTo(validatedBefore);
			JsonNode refused = newestHistoryEntry(acmeFr.id());
			assertThat(refused.get("outcome").asString()).isEqualTo("refused");
			assertThat(refused.get("type").asString()).endsWith("/already-reviewed");
			assertThat(refused.get("actor").asString()).isEqualTo(CAROL);
			assertThat(refused.at("/subject/id").asLong()).isEqualTo(id);
		}

		@Test
		void aWithdrawnApprovalCannotBeReviewedAgain() {
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId("W"), "10", "EUR", "WD1")).get("id")
				.asLong();
			Http.expect(review(acmeFr.id(), id, ALICE, "approve", null), 200);
			Http.expect(withdraw(acmeFr.id(), id, ALICE, "{\"comment\": \"Wrong shop\"}"), 200);

			assertProblem(review(acmeFr.id(), id, ALICE, "approve", null), 409, "already-reviewed");
			assertThat(testAction(acmeFr.id(), id).get("reviewState").asString()).isEqualTo("withdrawn");
			assertThat(http.settings(ALICE, acmeFr.id()).get("promoCodeValidated").asBoolean()).isFalse();
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("com.promotracking.eventtypes.EventTypeApiIT#badReviews")
		void aReviewThatIsNotApproveOrRejectIsRefusedWith400NamingTheFieldAndChangesNothing(String body,
				String field) {
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId("MAYBE"), "10", "EUR", "MAYBE1"))
				.get("id")
				.asLong();

			Response refused = http.api("POST", testActionPath(acmeFr.id(), id) + "/review", ALICE,
					body.replace("COMMENT", "c".repeat(1001)));

			JsonNode problem = assertProblem(refused, 400, "invalid-request");
			assertThat(errorFields(problem)).containsExactly(field);
			assertThat(testAction(acmeFr.id(), id).get("reviewState").asString()).isEqualTo("pending");
		}

	}

	static Stream<Arguments> badReviews() {
		return Stream.of(arguments("{\"decision\": \"maybe\"}", "decision"),
				arguments("{\"decision\": \"APPROVED\"}", "decision"), arguments("{}", "decision"),
				arguments("{\"decision\": null, \"comment\": \"fine\"}", "decision"),
				arguments("{\"decision\": \"approve\", \"comment\": \"COMMENT\"}", "comment"));
	}

	static Stream<Arguments> reviewTwice() {
		return Stream.of(arguments("approve", "approve"), arguments("approve", "reject"),
				arguments("reject", "approve"), arguments("reject", "reject"));
	}

	// =====================================================================================================
	// Withdrawals and deletions

	@Nested
	class WithdrawalsAndDeletions {

		long eventType;

		@BeforeEach
		void anEventTypeOfItsOwn() {
			this.eventType = createEventType(acmeFr.id(), ALICE, uniqueName("Withdrawal"), "sale");
		}

		@Test
		void withdrawingTheOnlyValidatingApprovalUnvalidatesThePromoCodeButTrackingThatIsOnStaysOn() {
			long fr = acmeFr.id();
			long id = approvedWithCode(fr, this.eventType, "ONLY");
			Http.expect(http.api("PUT", Http.settingsApiPath(fr), ALICE, Http.body(true, true)), 200);

			Response withdrawn = withdraw(fr, id, ALICE, "{\"comment\": \"  Code was for the wrong shop  \"}");

			assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
			JsonNode action = withdrawn.json().get("testAction");
			assertThat(action.get("reviewState").asString()).isEqualTo("withdrawn");
			assertThat(action.get("withdrawnBy").asString()).isEqualTo(ALICE);
			assertThat(action.get("withdrawalComment").asString()).isEqualTo("Code was for the wrong shop");
			assertThat(action.get("withdrawnAt").isNull()).isFalse();
			assertThat(action.get("reviewedBy").asString()).as("the approval is still on record").isEqualTo(ALICE);
			assertThat(withdrawn.json().get("promoCodeValidated").asBoolean()).isFalse();

			JsonNode settings = http.settings(ALICE, fr);
			assertThat(settings.get("promoCodeValidated").asBoolean()).isFalse();
			assertThat(settings.get("promoCodeTrackingEnabled").asBoolean()).as("live tracking stays on").isTrue();
			assertThat(settings.get("partnerPromoCodeRequestsAllowed").asBoolean()).isTrue();
			assertThat(stateOf(fr, this.eventType)).as("no approved test action left").isEqualTo("pending-validation");

			Document page = http.get(http.login(ALICE), Http.adSettingsPath(fr)).html();
			assertThat(page.getElementById("validation-withdrawn")).as("the Ad settings page warns").isNotNull();
			assertThat(page.selectFirst("#promoCodeTrackingEnabled").hasAttr("checked")).isTrue();
		}

		@Test
		void withdrawingOneOfTwoValidatingApprovalsKeepsThePromoCodeValidated() {
			long fr = acmeFr.id();
			long first = approvedWithCode(fr, this.eventType, "FIRST");
			approvedWithCode(fr, this.eventType, "SECOND");

			Response withdrawn = withdraw(fr, first, ALICE, "{\"comment\": \"duplicate test\"}");

			assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
			assertThat(withdrawn.json().get("promoCodeValidated").asBoolean()).isTrue();
			assertThat(http.settings(ALICE, fr).get("promoCodeValidated").asBoolean()).isTrue();
			assertThat(stateOf(fr, this.eventType)).isEqualTo("active");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "{}", "{\"comment\": \"\"}", "{\"comment\": \"   \"}", "{\"comment\": null}" })
		void withdrawingWithoutACommentIsRefusedWith400AndTheApprovalStays(String body) {
			long id = approvedWithCode(acmeFr.id(), this.eventType, "NOCOMMENT");

			JsonNode problem = assertProblem(withdraw(acmeFr.id(), id, ALICE, body), 400, "invalid-request");

			assertThat(errorFields(problem)).containsExactly("comment");
			assertThat(testAction(acmeFr.id(), id).get("reviewState").asString()).isEqualTo("approved");
			assertThat(http.settings(ALICE, acmeFr.id()).get("promoCodeValidated").asBoolean()).isTrue();
		}

		@Test
		void onlyAnApprovedActionCanBeWithdrawnOthersAnswer409NotApproved() {
			long fr = acmeFr.id();
			long pending = receive(fr, this.eventType, conversion(orderId("P"), "10", "EUR", "PEND")).get("id")
				.asLong();
			long rejected = receive(fr, this.eventType, conversion(orderId("R"), "10", "EUR", "REJ")).get("id")
				.asLong();
			Http.expect(review(fr, rejected, ALICE, "reject", null), 200);
			long withdrawn = approvedWithCode(fr, this.eventType, "WD");
			Http.expect(withdraw(fr, withdrawn, ALICE, "{\"comment\": \"once\"}"), 200);

			for (long id : List.of(pending, rejected, withdrawn)) {
				JsonNode before = testAction(fr, id);
				assertProblem(withdraw(fr, id, ALICE, "{\"comment\": \"why not\"}"), 409, "not-approved");
				assertThat(testAction(fr, id)).isEqualTo(before);
			}
		}

		@Test
		void deletingATestActionAnswers204AndDeletingTheOnlyValidatingOneUnvalidatesThePromoCode() {
			long fr = acmeFr.id();
			long id = approvedWithCode(fr, this.eventType, "DEL");
			Http.expect(http.api("PUT", Http.settingsApiPath(fr), ALICE, Http.body(true, false)), 200);

			Response deleted = http.api("DELETE", testActionPath(fr, id), ALICE, null);

			assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
			assertProblem(http.api("GET", testActionPath(fr, id), ALICE, null), 404, "not-found");
			assertThat(actions(fr, this.eventType)).isEmpty();
			JsonNode settings = http.settings(ALICE, fr);
			assertThat(settings.get("promoCodeValidated").asBoolean()).isFalse();
			assertThat(settings.get("promoCodeTrackingEnabled").asBoolean()).as("live tracking stays on").isTrue();
			assertThat(stateOf(fr, this.eventType)).isEqualTo("pending-validation");
			assertProblem(http.api("DELETE", testActionPath(fr, id), ALICE, null), 404, "not-found");
		}

		@Test
		void deletingTheEventTypeOfTheOnlyValidatingActionUnvalidatesThePromoCode() {
			long fr = acmeFr.id();
			long id = approvedWithCode(fr, this.eventType, "ETDEL");

			Http.expect(http.api("DELETE", eventTypePath(fr, this.eventType), ALICE, null), 204);

			assertProblem(http.api("GET", testActionPath(fr, id), ALICE, null), 404, "not-found");
			assertThat(http.settings(ALICE, fr).get("promoCodeValidated").asBoolean()).isFalse();
		}

	}

	// =====================================================================================================
	// History

	@Nested
	class HistoryEntries {

		long eventType;

		String eventTypeName;

		@BeforeEach
		void anEventTypeOfItsOwn() {
			this.eventTypeName = uniqueName("History");
			this.eventType = createEventType(acmeFr.id(), ALICE, this.eventTypeName, "sale");
		}

		@Test
		void creatingAnEventTypeIsRecorded() {
			JsonNode entry = newestHistoryEntry(acmeFr.id());

			assertSubject(entry, "event-type", this.eventType, this.eventTypeName);
			assertThat(entry.get("outcome").asString()).isEqualTo("changed");
			assertThat(entry.get("actor").asString()).isEqualTo(ALICE);
			assertThat(entry.get("channel").asString()).isEqualTo("api");
			assertChange(entry, "eventType", null, "created");
		}

		@Test
		void anApprovalIsRecordedWithItsSubjectChangeAndComment() {
			String orderId = orderId("H-APPROVE");
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId, "10", "EUR", "HIST1")).get("id")
				.asLong();

			Http.expect(review(acmeFr.id(), id, CAROL, "approve", "Seen in the shop"), 200);

			JsonNode entry = newestHistoryEntry(acmeFr.id());
			assertSubject(entry, "test-action", id, orderId + " (" + this.eventTypeName + ")");
			assertThat(entry.get("outcome").asString()).isEqualTo("changed");
			assertThat(entry.get("actor").asString()).isEqualTo(CAROL);
			assertThat(entry.get("actorRole").asString()).isEqualTo("csm");
			assertThat(entry.get("channel").asString()).isEqualTo("api");
			assertThat(entry.get("comment").asString()).isEqualTo("Seen in the shop");
			assertChange(entry, "reviewState", "pending", "approved");
			assertThat(entry.has("type")).as("only refusals carry a problem type").isFalse();
		}

		@Test
		void aRejectionIsRecordedWithItsComment() {
			String orderId = orderId("H-REJECT");
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId, "10", "EUR", null)).get("id").asLong();

			Http.expect(review(acmeFr.id(), id, ALICE, "reject", "Amount missing tax"), 200);

			JsonNode entry = newestHistoryEntry(acmeFr.id());
			assertSubject(entry, "test-action", id, orderId + " (" + this.eventTypeName + ")");
			assertThat(entry.get("outcome").asString()).isEqualTo("changed");
			assertThat(entry.get("comment").asString()).isEqualTo("Amount missing tax");
			assertChange(entry, "reviewState", "pending", "rejected");
		}

		@Test
		void aWithdrawalIsRecordedWithItsComment() {
			String orderId = orderId("H-WITHDRAW");
			long id = approvedWithCode(acmeFr.id(), this.eventType, orderId, "HIST2");

			Http.expect(withdraw(acmeFr.id(), id, ALICE, "{\"comment\": \"Code leaked\"}"), 200);

			JsonNode entry = newestHistoryEntry(acmeFr.id());
			assertSubject(entry, "test-action", id, orderId + " (" + this.eventTypeName + ")");
			assertThat(entry.get("outcome").asString()).isEqualTo("changed");
			assertThat(entry.get("comment").asString()).isEqualTo("Code leaked");
			assertChange(entry, "reviewState", "approved", "withdrawn");
		}

		@Test
		void deletingATestActionIsRecordedWithTheStateItHad() {
			String orderId = orderId("H-DELETE");
			long id = approvedWithCode(acmeFr.id(), this.eventType, orderId, "HIST3");

			Http.expect(http.api("DELETE", testActionPath(acmeFr.id(), id), ALICE, null), 204);

			JsonNode entry = newestHistoryEntry(acmeFr.id());
			assertSubject(entry, "test-action", id, orderId + " (" + this.eventTypeName + ")");
			assertThat(entry.get("outcome").asString()).isEqualTo("changed");
			assertChange(entry, "testAction", "approved", "deleted");
		}

		@Test
		void deletingAnEventTypeIsRecorded() {
			Http.expect(http.api("DELETE", eventTypePath(acmeFr.id(), this.eventType), ALICE, null), 204);

			JsonNode entry = newestHistoryEntry(acmeFr.id());
			assertSubject(entry, "event-type", this.eventType, this.eventTypeName);
			assertThat(entry.get("outcome").asString()).isEqualTo("changed");
			assertChange(entry, "eventType", "created", "deleted");
		}

		@Test
		void aRefusalOfTheRequestShapeRecordsNothing() {
			long id = receive(acmeFr.id(), this.eventType, conversion(orderId("H-BAD"), "10", "EUR", null)).get("id")
				.asLong();
			int before = http.historyLength(ALICE, acmeFr.id());

			assertProblem(review(acmeFr.id(), id, ALICE, "maybe", null), 400, "invalid-request");
			assertProblem(withdraw(acmeFr.id(), id, ALICE, "{}"), 400, "invalid-request");

			assertThat(http.historyLength(ALICE, acmeFr.id())).isEqualTo(before);
		}

	}

	// =====================================================================================================
	// Access

	@Nested
	class Access {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { BOB, PAT })
		void eventTypesAndTestActionsOfAProgramTheCallerMayNotSeeAnswer404AndChangeNothing(String caller) {
			long fr = acmeFr.id();
			long eventType = createEventType(fr, ALICE, uniqueName("Hidden"), "sale");
			long pending = receive(fr, eventType, conversion(orderId("HID-P"), "10", "EUR", "HID1")).get("id").asLong();
			long approved = approvedWithCode(fr, eventType, "HID2");
			List<JsonNode> actionsBefore = actions(fr, eventType);
			int eventTypesBefore = eventTypeCount(fr);
			int historyBefore = http.historyLength(ALICE, fr);

			assertProblem(http.api("GET", eventTypesPath(fr), caller, null), 404, "not-found");
			assertProblem(http.api("POST", eventTypesPath(fr), caller, eventTypeBody(uniqueName("Intruder"), "sale")),
					404, "not-found");
			assertProblem(http.api("GET", eventTypePath(fr, eventType), caller, null), 404, "not-found");
			assertProblem(http.api("GET", testActionsPath(fr, eventType), caller, null), 404, "not-found");
			assertProblem(http.api("POST", testActionsPath(fr, eventType), caller,
					conversion(orderId("HID-X"), "10", "EUR", "HIDX")), 404, "not-found");
			assertProblem(http.api("GET", testActionPath(fr, pending), caller, null), 404, "not-found");
			assertProblem(review(fr, pending, caller, "approve", null), 404, "not-found");
			assertProblem(withdraw(fr, approved, caller, "{\"comment\": \"not mine\"}"), 404, "not-found");
			assertProblem(http.api("DELETE", testActionPath(fr, pending), caller, null), 404, "not-found");
			assertProblem(http.api("DELETE", eventTypePath(fr, eventType), caller, null), 404, "not-found");

			assertThat(actions(fr, eventType)).isEqualTo(actionsBefore);
			assertThat(eventTypeCount(fr)).isEqualTo(eventTypesBefore);
			assertThat(http.historyLength(ALICE, fr)).isEqualTo(historyBefore);
		}

		@Test
		void theOwnerOfAnotherBrandSeesOnlyHisOwnEventTypes() {
			JsonNode globex = Http.expect(http.api("GET", eventTypesPath(globexMain.id()), BOB, null), 200).json();

			assertThat(names(globex)).contains("Online Sale");
			assertProblem(http.api("GET", eventTypesPath(globexMain.id()), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", eventTypesPath(globexMain.id()), CAROL, null), 404, "not-found");
		}

		@Test
		void anEventTypeOrTestActionOfAnotherProgramAnswers404ThroughThisProgram() {
			long us = acmeUs.id();
			long fr = acmeFr.id();
			long frEventType = createEventType(fr, ALICE, uniqueName("Cross"), "sale");
			long frPending = receive(fr, frEventType, conversion(orderId("X-P"), "10", "EUR", "CROSS1")).get("id")
				.asLong();
			long frApproved = approvedWithCode(fr, frEventType, "CROSS2");
			List<JsonNode> before = actions(fr, frEventType);

			assertProblem(http.api("GET", testActionPath(us, frPending), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", eventTypePath(us, frEventType), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", testActionsPath(us, frEventType), ALICE, null), 404, "not-found");
			assertProblem(http.api("POST", testActionsPath(us, frEventType), ALICE,
					conversion(orderId("X-X"), "10", "EUR", "CROSSX")), 404, "not-found");
			assertProblem(review(us, frPending, ALICE, "approve", null), 404, "not-found");
			assertProblem(withdraw(us, frApproved, ALICE, "{\"comment\": \"wrong program\"}"), 404, "not-found");
			assertProblem(http.api("DELETE", testActionPath(us, frPending), ALICE, null), 404, "not-found");
			assertProblem(http.api("DELETE", eventTypePath(us, frEventType), ALICE, null), 404, "not-found");

			assertThat(actions(fr, frEventType)).isEqualTo(before);
		}

		@Test
		void aDemoActionOfAnotherProgramIsNotFoundThroughThisProgram() {
			long frDemoAction = demoAction(acmeFr.id(), "TEST-FR-2002").get("id").asLong();
			long usDemoAction = demoAction(acmeUs.id(), "TEST-US-1001").get("id").asLong();

			assertProblem(http.api("GET", testActionPath(acmeUs.id(), frDemoAction), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", testActionPath(acmeFr.id(), usDemoAction), ALICE, null), 404, "not-found");
			assertProblem(http.api("GET", testActionPath(globexMain.id(), usDemoAction), BOB, null), 404,
					"not-found");
		}

		@Test
		void hiddenLooksExactlyLikeMissing() {
			long frDemoAction = demoAction(acmeFr.id(), "TEST-FR-2002").get("id").asLong();

			JsonNode hidden = assertProblem(http.api("GET", testActionPath(acmeUs.id(), frDemoAction), ALICE, null),
					404, "not-found");
			JsonNode missing = assertProblem(http.api("GET", testActionPath(acmeUs.id(), 999_999_999L), ALICE, null),
					404, "not-found");
			JsonNode invisible = assertProblem(http.api("GET", testActionPath(acmeFr.id(), frDemoAction), BOB, null),
					404, "not-found");

			for (String field : List.of("type", "title", "status", "detail")) {
				assertThat(hidden.get(field)).as(field).isEqualTo(missing.get(field)).isEqualTo(invisible.get(field));
			}
		}

		@Test
		void withoutCredentialsEveryCallAnswers401AndStoresNothing() {
			long onlineSale = eventTypeNamed(acmeFr.id(), "Online Sale").get("id").asLong();
			int before = actions(acmeFr.id(), onlineSale).size();

			Response list = http.api("GET", eventTypesPath(acmeFr.id()), null, null);
			Response post = http.api("POST", testActionsPath(acmeFr.id(), onlineSale), null,
					conversion(orderId("ANON"), "10", "EUR", "ANON"));

			assertProblem(list, 401, "unauthorized");
			assertProblem(post, 401, "unauthorized");
			assertThat(actions(acmeFr.id(), onlineSale)).hasSize(before);
		}

	}

	// =====================================================================================================
	// Helpers

	static String eventTypesPath(long program) {
		return "/api/programs/" + program + "/event-types";
	}

	static String eventTypePath(long program, long eventType) {
		return eventTypesPath(program) + "/" + eventType;
	}

	static String testActionsPath(long program, long eventType) {
		return eventTypePath(program, eventType) + "/test-actions";
	}

	static String testActionPath(long program, long testAction) {
		return "/api/programs/" + program + "/test-actions/" + testAction;
	}

	static String uniqueName(String prefix) {
		return prefix + " " + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String orderId(String prefix) {
		return "IT-" + prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String eventTypeBody(String name, String kind) {
		return "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}";
	}

	/** A test conversion; a null promo code leaves the field out. */
	static String conversion(String orderId, String amount, String currency, String promoCode) {
		return "{\"orderId\": \"" + orderId + "\", \"amount\": " + amount + ", \"currency\": \"" + currency + "\""
				+ ((promoCode != null) ? ", \"promoCode\": \"" + promoCode + "\"" : "") + "}";
	}

	long createEventType(long program, String user, String name, String kind) {
		Response created = Http.expect(this.http.api("POST", eventTypesPath(program), user, eventTypeBody(name, kind)),
				201);
		long id = created.json().get("id").asLong();
		madeEventType(program, id, user);
		return id;
	}

	void madeEventType(long program, long id, String user) {
		this.made.add(new String[] { eventTypePath(program, id), user });
		this.madeEventTypes.add(id);
	}

	/** Posts a test conversion as Alice; fails unless it is stored. */
	JsonNode receive(long program, long eventType, String body) {
		Response created = this.http.api("POST", testActionsPath(program, eventType), ALICE, body);
		Http.expect(created, 201);
		JsonNode action = created.json();
		if (!this.madeEventTypes.contains(eventType)) {
			this.made.add(new String[] { testActionPath(program, action.get("id").asLong()), ALICE });
		}
		return action;
	}

	long approvedWithCode(long program, long eventType, String code) {
		return approvedWithCode(program, eventType, orderId(code), code);
	}

	long approvedWithCode(long program, long eventType, String orderId, String code) {
		long id = receive(program, eventType, conversion(orderId, "10", "EUR", code)).get("id").asLong();
		Response approved = Http.expect(review(program, id, ALICE, "approve", null), 200);
		assertThat(approved.json().get("promoCodeValidated").asBoolean()).isTrue();
		return id;
	}

	Response review(long program, long testAction, String user, String decision, String comment) {
		String body = "{\"decision\": \"" + decision + "\""
				+ ((comment != null) ? ", \"comment\": \"" + comment + "\"" : "") + "}";
		return this.http.api("POST", testActionPath(program, testAction) + "/review", user, body);
	}

	Response withdraw(long program, long testAction, String user, String body) {
		return this.http.api("POST", testActionPath(program, testAction) + "/withdrawal", user, body);
	}

	JsonNode testAction(long program, long id) {
		return Http.expect(this.http.api("GET", testActionPath(program, id), ALICE, null), 200).json();
	}

	List<JsonNode> actions(long program, long eventType) {
		List<JsonNode> actions = new ArrayList<>();
		Http.expect(this.http.api("GET", testActionsPath(program, eventType), ALICE, null), 200)
			.json()
			.forEach(actions::add);
		return actions;
	}

	JsonNode eventTypeNamed(long program, String name) {
		String owner = (program == this.globexMain.id()) ? BOB : ALICE;
		for (JsonNode eventType : Http.expect(this.http.api("GET", eventTypesPath(program), owner, null), 200).json()) {
			if (eventType.get("name").asString().equals(name)) {
				return eventType;
			}
		}
		throw new AssertionError("No event type " + name + " in program " + program);
	}

	String stateOf(long program, long eventType) {
		return Http.expect(this.http.api("GET", eventTypePath(program, eventType), ALICE, null), 200)
			.json()
			.get("state")
			.asString();
	}

	int eventTypeCount(long program) {
		return Http.expect(this.http.api("GET", eventTypesPath(program), ALICE, null), 200).json().size();
	}

	JsonNode demoAction(long program, String orderId) {
		long onlineSale = eventTypeNamed(program, "Online Sale").get("id").asLong();
		return actions(program, onlineSale).stream()
			.filter(action -> action.get("orderId").asString().equals(orderId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No demo test action " + orderId));
	}

	JsonNode newestHistoryEntry(long program) {
		return this.http.history(ALICE, program, 0, 1).get(0);
	}

	static List<String> names(JsonNode list) {
		List<String> names = new ArrayList<>();
		list.forEach(item -> names.add(item.get("name").asString()));
		return names;
	}

	static void assertSubject(JsonNode entry, String type, long id, String label) {
		assertThat(entry.at("/subject/type").asString()).as("subject type of %s", entry).isEqualTo(type);
		assertThat(entry.at("/subject/id").asLong()).as("subject id of %s", entry).isEqualTo(id);
		assertThat(entry.at("/subject/label").asString()).as("subject label of %s", entry).isEqualTo(label);
	}

	static void assertChange(JsonNode entry, String field, String from, String to) {
		assertThat(entry.get("changes").propertyNames()).as("changes of %s", entry).containsExactly(field);
		JsonNode change = entry.get("changes").get(field);
		if (from == null) {
			assertThat(change.get("from").isNull()).as("from of %s", entry).isTrue();
		}
		else {
			assertThat(change.get("from").asString()).as("from of %s", entry).isEqualTo(from);
		}
		assertThat(change.get("to").asString()).as("to of %s", entry).isEqualTo(to);
	}

	/** Checks the RFC 9457 shape of an error answer and returns its body. */
	static JsonNode assertProblem(Response response, int status, String type) {
		ApiAssertions.assertProblem(response, status, type);
		JsonNode problem = response.json();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString("")).isNotBlank();
		assertThat(problem.path("detail").asString("")).isNotBlank();
		assertThat(response.body()).as("no internals leak").doesNotContain("org.springframework", "Exception");
		return problem;
	}

	/** The distinct fields an invalid-request problem names, each with a message. */
	static List<String> errorFields(JsonNode problem) {
		JsonNode errors = problem.path("errors");
		assertThat(errors.isArray()).as("errors of %s", problem).isTrue();
		List<String> fields = new ArrayList<>();
		for (JsonNode error : errors) {
			assertThat(error.path("message").asString("")).as("message of %s", error).isNotBlank();
			String field = error.path("field").asString("");
			if (!fields.contains(field)) {
				fields.add(field);
			}
		}
		return fields;
	}

}
