package com.promotracking.eventtypes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.promotracking.audit.Channel;
import com.promotracking.eventtypes.EventTypeService.EventTypeDetails;
import com.promotracking.eventtypes.EventTypeService.Reviewed;
import com.promotracking.kernel.PageOf;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.security.SecurityTestSupport;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The event type pages (Settings → Tracking → Event types), with the service mocked and the real security. */
@WebMvcTest(controllers = EventTypesController.class)
@Import({ SecurityTestSupport.class, SignedInUsers.class })
class EventTypesControllerTest {

	private static final String LIST = "/programs/12/event-types";

	private static final String EVENT_TYPE = LIST + "/31";

	private static final String TEST_ACTION = "/programs/12/test-actions/41";

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final ProgramView PROGRAM = new ProgramView(12, "Acme Outdoor FR", 1, "Acme Outdoor");

	private static final ProgramView OTHER_PROGRAM = new ProgramView(11, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final EventTypeSummary ONLINE_SALE = new EventTypeSummary(31, "Online Sale", EventTypeKind.SALE,
			true);

	private static final EventTypeSummary NEWSLETTER = new EventTypeSummary(32, "Newsletter", EventTypeKind.LEAD,
			false);

	private static final String PAYLOAD = "{\"orderId\": \"TEST-FR-3001\", \"amount\": 52.50, \"currency\": \"EUR\", "
			+ "\"promoCode\": \"ETE15\", \"items\": [{\"sku\": \"TENT-2P\"}]}";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private EventTypeService service;

	@MockitoBean
	private ProgramCatalog catalog;

	@MockitoBean
	private PromoCodeValidations validations;

	@BeforeEach
	void aliceSeesTheFrenchProgram() {
		given(this.catalog.require(ALICE, 12)).willReturn(PROGRAM);
		given(this.catalog.menuOf(ALICE)).willReturn(List.of(OTHER_PROGRAM, PROGRAM));
		given(this.validations.of(12)).willReturn(Optional.empty());
		given(this.service.list(ALICE, 12)).willReturn(List.of(NEWSLETTER, ONLINE_SALE));
	}

	// =====================================================================================================
	// The list of event types

	@Test
	void theListShowsEachEventTypeWithItsKindAndStateAndTheCreateForm() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(LIST)))
			.andExpect(status().isOk())
			.andExpect(view().name("eventtypes/list")));

		assertThat(page.select("h1").text()).isEqualTo("Event types of Acme Outdoor FR");
		assertThat(page.select("#event-types tbody tr")).hasSize(2);
		assertThat(page.select("#event-types tbody tr").get(0).select("td").eachText())
			.containsExactly("Newsletter", "Lead", "Pending validation");
		assertThat(page.select("#event-types tbody tr").get(1).select("td").eachText())
			.containsExactly("Online Sale", "Sale", "Active");
		assertThat(page.select("#event-types tbody tr a").eachAttr("href"))
			.containsExactly("/programs/12/event-types/32", "/programs/12/event-types/31");
		assertThat(page.select("#validation-status").hasClass("not-validated")).isTrue();

		Element form = page.selectFirst("form#create-event-type");
		assertThat(form.attr("action")).isEqualTo(LIST);
		assertThat(form.attr("method")).isEqualToIgnoringCase("post");
		assertThat(form.select("input#event-type-name[name=name]")).hasSize(1);
		assertThat(form.select("select#event-type-kind option").eachAttr("value")).containsExactly("SALE", "LEAD");
		assertThat(form.select("select#event-type-kind option[selected]").val()).isEqualTo("SALE");
		assertThat(form.select("input[name=_csrf]").val()).isNotBlank();
		assertThat(page.select("#create-error")).isEmpty();
		assertThat(page.select("#menu-event-types").attr("aria-current")).isEqualTo("page");
	}

	@Test
	void theListSaysWhenTheProgramHasNoEventTypesAndNamesTheValidation() throws Exception {
		given(this.service.list(ALICE, 12)).willReturn(List.of());
		given(this.validations.of(12)).willReturn(Optional.of(new PromoCodeValidation(41, "TEST-FR-3001", "ETE15", 31,
				"Online Sale", Instant.parse("2026-11-02T10:00:00Z"), "alice@acme.example")));

		Document page = html(this.mvc.perform(asAlice(get(LIST))).andExpect(status().isOk()));

		assertThat(page.select("#no-event-types").text()).isEqualTo("This program has no event types yet.");
		assertThat(page.select("#event-types")).isEmpty();
		assertThat(page.select("#validation-status").hasClass("validated")).isTrue();
		assertThat(page.select("#validation-status").text()).contains("TEST-FR-3001", "ETE15", "Online Sale");
	}

	@ParameterizedTest(name = "name \"{0}\"")
	@ValueSource(strings = { "", "   " })
	void creatingWithoutANameAnswers400WithTheErrorAndCreatesNothing(String name) throws Exception {
		Document page = html(this.mvc.perform(asAlice(post(LIST)).with(csrf()).param("name", name).param("kind", "LEAD"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("eventtypes/list")));

		assertThat(page.select("#create-error").text()).isEqualTo("Give the event type a name.");
		assertThat(page.select("#create-error").attr("role")).isEqualTo("alert");
		assertThat(page.select("select#event-type-kind option[selected]").val()).as("the kind chosen is kept")
			.isEqualTo("LEAD");
		verify(this.service, never()).create(any(), anyLong(), any(), any());
	}

	@Test
	void creatingWithAKindThatIsNeitherSaleNorLeadAnswers400() throws Exception {
		Document page = html(this.mvc
			.perform(asAlice(post(LIST)).with(csrf()).param("name", "Newsletter").param("kind", "PURCHASE"))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#create-error").text()).isEqualTo("Choose Sale or Lead.");
		verify(this.service, never()).create(any(), anyLong(), any(), any());
	}

	@Test
	void creatingWithANameTooLongAnswers400WithTheNameErrorKeepsItAndCreatesNothing() throws Exception {
		String name = "n".repeat(121);

		Document page = html(this.mvc.perform(asAlice(post(LIST)).with(csrf()).param("name", name).param("kind", "SALE"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("eventtypes/list")));

		assertThat(page.select("#create-error").text()).isEqualTo("The name is at most 120 characters.");
		assertThat(page.select("input#event-type-name").val()).isEqualTo(name);
		verify(this.service, never()).create(any(), anyLong(), any(), any());
	}

	@Test
	void creatingWithoutAKindAnswers400() throws Exception {
		Document page = html(this.mvc.perform(asAlice(post(LIST)).with(csrf()).param("name", "Newsletter"))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#create-error").text()).isEqualTo("Choose Sale or Lead.");
		verify(this.service, never()).create(any(), anyLong(), any(), any());
	}

	@Test
	void creatingADuplicateAnswers400WithTheErrorAndKeepsTheNameTyped() throws Exception {
		given(this.service.create(any(), anyLong(), any(), any())).willThrow(new DuplicateEventType());

		Document page = html(this.mvc
			.perform(asAlice(post(LIST)).with(csrf()).param("name", "online sale").param("kind", "SALE"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("eventtypes/list")));

		assertThat(page.select("#create-error").text())
			.isEqualTo("The program already has an event type with that name.");
		assertThat(page.select("input#event-type-name").val()).isEqualTo("online sale");
		assertThat(page.select("#event-types tbody tr")).as("the list is still shown").hasSize(2);
	}

	@Test
	void creatingAnEventTypeOpensItsPageWithAMessage() throws Exception {
		given(this.service.create(ALICE, 12, new NewEventType("Newsletter", "lead"), Channel.PAGE))
			.willReturn(NEWSLETTER);

		this.mvc.perform(asAlice(post(LIST)).with(csrf()).param("name", "Newsletter").param("kind", "lead"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/programs/12/event-types/32"))
			.andExpect(flash().attribute("message", "eventTypes.created"));

		verify(this.service).create(ALICE, 12, new NewEventType("Newsletter", "lead"), Channel.PAGE);
	}

	@Test
	void creatingWithoutTheCsrfTokenIsForbiddenAndCreatesNothing() throws Exception {
		this.mvc.perform(asAlice(post(LIST)).param("name", "Newsletter").param("kind", "LEAD"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.service);
	}

	// =====================================================================================================
	// An event type's page

	@Test
	void theEventTypePageShowsTheEndpointACurlExampleWithAPromoCodeAndTheTestActions() throws Exception {
		given(this.service.details(ALICE, 12, 31, 0, EventTypesController.PAGE_SIZE)).willReturn(new EventTypeDetails(
				ONLINE_SALE, page(0, false, action(42, "TEST-FR-3002", null, ReviewState.PENDING),
						action(41, "TEST-FR-3001", "ETE15", ReviewState.APPROVED))));

		Document page = html(this.mvc.perform(asAlice(get(EVENT_TYPE)))
			.andExpect(status().isOk())
			.andExpect(view().name("eventtypes/event-type")));

		assertThat(page.select("h1").text()).isEqualTo("Event type Online Sale");
		assertThat(page.select("#event-type-state").text()).isEqualTo("Sale · Active");
		assertThat(page.select("#test-endpoint").text())
			.isEqualTo("POST /api/programs/12/event-types/31/test-actions");
		String example = page.select("#test-example").text();
		assertThat(example).startsWith("curl")
			.contains("\"promoCode\"", "\"orderId\"", "\"amount\"", "\"currency\"", "Content-Type: application/json")
			.contains("http://localhost/api/programs/12/event-types/31/test-actions");

		List<Element> rows = page.select("#test-actions tbody tr");
		assertThat(rows).hasSize(2);
		List<String> pending = rows.get(0).select("td").stream().map(Element::text).toList();
		assertThat(pending).hasSize(5);
		assertThat(pending.get(0)).isEqualTo("TEST-FR-3002");
		assertThat(pending.get(1)).isEqualTo("52.50 EUR");
		assertThat(pending.get(2)).as("blank when no promo code").isEmpty();
		assertThat(pending.get(3)).startsWith("November 1, 2026").endsWith("UTC");
		assertThat(pending.get(4)).isEqualTo("Pending");
		List<String> approved = rows.get(1).select("td").stream().map(Element::text).toList();
		assertThat(approved.get(0)).isEqualTo("TEST-FR-3001");
		assertThat(approved.get(2)).isEqualTo("ETE15");
		assertThat(approved.get(4)).isEqualTo("Approved");
		assertThat(rows.get(1).selectFirst("a").attr("href")).isEqualTo("/programs/12/test-actions/41");
		assertThat(page.select("#no-test-actions")).isEmpty();
		assertThat(page.select("nav.pager")).as("one page only").isEmpty();
	}

	@Test
	void aFullFirstPageShowsFiftyAndLinksToTheNext() throws Exception {
		given(this.service.details(ALICE, 12, 31, 0, EventTypesController.PAGE_SIZE))
			.willReturn(new EventTypeDetails(ONLINE_SALE, page(0, true, actions(1000, 50))));

		Document page = html(this.mvc.perform(asAlice(get(EVENT_TYPE))).andExpect(status().isOk()));

		assertThat(page.select("#test-actions tbody tr")).hasSize(50);
		assertThat(page.select("#test-actions tbody tr a").first().attr("href"))
			.isEqualTo("/programs/12/test-actions/1000");
		assertThat(page.select("#next-page").attr("href")).isEqualTo(EVENT_TYPE + "?page=1");
		assertThat(page.select("#previous-page")).isEmpty();
		assertThat(page.select("#page-number").text()).isEqualTo("Page 1");
		assertThat(page.select("nav.pager").attr("aria-label")).isEqualTo("Pages of test actions");
	}

	@Test
	void aLaterPageLinksBackAndTheLastHasNoNextLink() throws Exception {
		given(this.service.details(ALICE, 12, 31, 2, EventTypesController.PAGE_SIZE))
			.willReturn(new EventTypeDetails(ONLINE_SALE, page(2, false, actions(900, 3))));

		Document page = html(this.mvc.perform(asAlice(get(EVENT_TYPE)).param("page", "2"))
			.andExpect(status().isOk()));

		assertThat(page.select("#test-actions tbody tr a")).extracting(Element::text)
			.containsExactly("TEST-900", "TEST-899", "TEST-898");
		assertThat(page.select("#previous-page").attr("href")).isEqualTo(EVENT_TYPE + "?page=1");
		assertThat(page.select("#next-page")).isEmpty();
		assertThat(page.select("#page-number").text()).isEqualTo("Page 3");
	}

	@Test
	void theLinkBackToTheFirstPageIsTheEventTypesOwnAddress() throws Exception {
		given(this.service.details(ALICE, 12, 31, 1, EventTypesController.PAGE_SIZE))
			.willReturn(new EventTypeDetails(ONLINE_SALE, page(1, false, actions(800, 1))));

		Document page = html(this.mvc.perform(asAlice(get(EVENT_TYPE)).param("page", "1"))
			.andExpect(status().isOk()));

		assertThat(page.select("#previous-page").attr("href")).isEqualTo(EVENT_TYPE);
	}

	@Test
	void aPagePastTheLastSaysSoAndLinksBackRatherThanSayingNothingWasReceived() throws Exception {
		given(this.service.details(ALICE, 12, 31, 7, EventTypesController.PAGE_SIZE))
			.willReturn(new EventTypeDetails(ONLINE_SALE, page(7, false)));

		Document page = html(this.mvc.perform(asAlice(get(EVENT_TYPE)).param("page", "7"))
			.andExpect(status().isOk()));

		assertThat(page.select("#past-last-page").text())
			.isEqualTo("No test action on this page: the list ends before it.");
		assertThat(page.select("#no-test-actions, #test-actions, #next-page")).isEmpty();
		assertThat(page.select("#previous-page").attr("href")).isEqualTo(EVENT_TYPE + "?page=6");
	}

	@ParameterizedTest(name = "page={0} lang={1}")
	@CsvSource(textBlock = """
			-1,  en, The page number must not be negative.,        Correct the page number to see the test actions.
			abc, en, The page number must be a whole number.,      Correct the page number to see the test actions.
			1.5, en, The page number must be a whole number.,      Correct the page number to see the test actions.
			-1,  fr, Le numéro de page ne doit pas être négatif., Corrigez le numéro de page pour voir les actions de test.
			abc, fr, Le numéro de page doit être un nombre entier., Corrigez le numéro de page pour voir les actions de test.
			""")
	void aPageNumberThatCannotBeReadAnswers400WithTheReasonAndListsNothing(String number, String lang,
			String reason, String notListed) throws Exception {
		given(this.service.eventType(ALICE, 12, 31)).willReturn(ONLINE_SALE);

		Document page = html(this.mvc.perform(asAlice(get(EVENT_TYPE)).param("page", number).param("lang", lang))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("eventtypes/event-type")));

		assertThat(page.select("#page-error").text()).isEqualTo(reason);
		assertThat(page.select("#page-error").attr("role")).isEqualTo("alert");
		assertThat(page.select("#not-listed").text()).isEqualTo(notListed);
		assertThat(page.select("#test-actions, #no-test-actions, #past-last-page, nav.pager")).isEmpty();
		assertThat(page.select("#test-endpoint").text()).as("the rest of the page is there")
			.isEqualTo("POST /api/programs/12/event-types/31/test-actions");
		verify(this.service, never()).details(any(), anyLong(), anyLong(), anyInt(), anyInt());
	}

	@Test
	void anEventTypeWithoutTestActionsSaysSo() throws Exception {
		given(this.service.details(ALICE, 12, 32, 0, EventTypesController.PAGE_SIZE))
			.willReturn(new EventTypeDetails(NEWSLETTER, page(0, false)));

		Document page = html(this.mvc.perform(asAlice(get(LIST + "/32"))).andExpect(status().isOk()));

		assertThat(page.select("#event-type-state").text()).isEqualTo("Lead · Pending validation");
		assertThat(page.select("#no-test-actions").text()).isEqualTo("No test action received yet.");
		assertThat(page.select("#test-actions, #past-last-page, #not-listed, nav.pager")).isEmpty();
		assertThat(page.select("#test-example").text()).contains("\"promoCode\"");
	}

	@Test
	void theEventTypePageShowsTheFlashMessageAfterCreation() throws Exception {
		given(this.service.details(ALICE, 12, 32, 0, EventTypesController.PAGE_SIZE))
			.willReturn(new EventTypeDetails(NEWSLETTER, page(0, false)));

		Document page = html(this.mvc.perform(asAlice(get(LIST + "/32")).flashAttr("message", "eventTypes.created"))
			.andExpect(status().isOk()));

		assertThat(page.select("#flash-message").text()).startsWith("The event type was created.");
	}

	@Test
	void anEventTypeOfAnotherProgramIsThe404Page() throws Exception {
		given(this.service.details(ALICE, 12, 99, 0, EventTypesController.PAGE_SIZE))
			.willThrow(new EventTypeNotFound());

		this.mvc.perform(asAlice(get(LIST + "/99")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	@Test
	void deletingAnEventTypeReturnsToTheListWithAMessage() throws Exception {
		this.mvc.perform(asAlice(post(EVENT_TYPE + "/deletion")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(LIST))
			.andExpect(flash().attribute("message", "eventTypes.deleted"));

		verify(this.service).deleteEventType(ALICE, 12, 31, Channel.PAGE);
	}

	// =====================================================================================================
	// A test action's page

	@Test
	void aPendingActionShowsItsWholePayloadAndApproveAndRejectButNoWithdrawal() throws Exception {
		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.PENDING));

		Document page = html(this.mvc.perform(asAlice(get(TEST_ACTION)))
			.andExpect(status().isOk())
			.andExpect(view().name("eventtypes/test-action")));

		assertThat(page.select("h1").text()).isEqualTo("Test action TEST-FR-3001");
		assertThat(page.select("#payload").text()).isEqualTo(PAYLOAD);
		assertThat(page.select("#detail-order-id").text()).isEqualTo("TEST-FR-3001");
		assertThat(page.select("#detail-promo-code").text()).isEqualTo("ETE15");
		assertThat(page.select("#detail-state").text()).isEqualTo("Pending");
		Element form = page.selectFirst("form#review-form");
		assertThat(form.attr("action")).isEqualTo(TEST_ACTION + "/review");
		assertThat(form.select("input[name=_csrf]").val()).isNotBlank();
		assertThat(form.select("button#approve").attr("value")).isEqualTo("approve");
		assertThat(form.select("button#approve").text()).isEqualTo("Approve");
		assertThat(form.select("button#reject").attr("value")).isEqualTo("reject");
		assertThat(form.select("button#reject").text()).isEqualTo("Reject");
		assertThat(page.select("#no-code-warning")).as("it carried a promo code").isEmpty();
		assertThat(page.select("#withdraw-form")).isEmpty();
		assertThat(page.select("#back-to-event-type").attr("href")).isEqualTo(EVENT_TYPE);
	}

	@Test
	void aPendingActionWithoutAPromoCodeWarnsThatApprovingItValidatesNoPromoCode() throws Exception {
		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", null, ReviewState.PENDING));

		Document page = html(this.mvc.perform(asAlice(get(TEST_ACTION))).andExpect(status().isOk()));

		assertThat(page.select("#no-code-warning").text()).isEqualTo(
				"This test action carried no promo code: approving it activates the event type, but does not validate the promo code.");
		assertThat(page.select("#detail-promo-code").text()).isEqualTo("None");
		assertThat(page.select("#approve")).hasSize(1);
	}

	@Test
	void anApprovedActionOffersToWithdrawTheApprovalButNoReview() throws Exception {
		given(this.service.testAction(ALICE, 12, 41))
			.willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.APPROVED));

		Document page = html(this.mvc.perform(asAlice(get(TEST_ACTION))).andExpect(status().isOk()));

		assertThat(page.select("#review-form, #approve, #reject")).isEmpty();
		Element form = page.selectFirst("form#withdraw-form");
		assertThat(form).isNotNull();
		assertThat(form.attr("action")).isEqualTo(TEST_ACTION + "/withdrawal");
		assertThat(form.select("textarea#withdraw-comment[name=comment]").hasAttr("required")).isTrue();
		assertThat(page.select("#detail-state").text()).isEqualTo("Approved");
		assertThat(page.select("#test-action-details").text()).contains("By carol@csm.example on");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = ReviewState.class, names = { "REJECTED", "WITHDRAWN" })
	void aRejectedOrWithdrawnActionOffersNeitherReviewNorWithdrawal(ReviewState state) throws Exception {
		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", "ETE15", state));

		Document page = html(this.mvc.perform(asAlice(get(TEST_ACTION))).andExpect(status().isOk()));

		assertThat(page.select("#review-form, #approve, #reject, #withdraw-form")).isEmpty();
		assertThat(page.select("#detail-state").text())
			.isEqualTo(state == ReviewState.REJECTED ? "Rejected" : "Approval withdrawn");
		assertThat(page.select("#delete-test-action")).hasSize(1);
	}

	@Test
	void approvingAnActionWithAPromoCodeComesBackWithTheValidatedMessage() throws Exception {
		given(this.service.review(ALICE, 12, 41, Decision.APPROVE, "  Looks right ", Channel.PAGE))
			.willReturn(new Reviewed(action(41, "TEST-FR-3001", "ETE15", ReviewState.APPROVED), true));

		this.mvc
			.perform(asAlice(post(TEST_ACTION + "/review")).with(csrf())
				.param("decision", "approve")
				.param("comment", "  Looks right "))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(TEST_ACTION))
			.andExpect(flash().attribute("message", "testAction.approvedWithPromoCode"));

		// The comment goes to the service as typed; the service trims it (EventTypeServiceTest).
		verify(this.service).review(ALICE, 12, 41, Decision.APPROVE, "  Looks right ", Channel.PAGE);
	}

	@Test
	void afterApprovingWithAPromoCodeThePageSaysItIsValidatedAndLinksToAdSettings() throws Exception {
		given(this.service.testAction(ALICE, 12, 41))
			.willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.APPROVED));

		Document page = html(this.mvc
			.perform(asAlice(get(TEST_ACTION)).flashAttr("message", "testAction.approvedWithPromoCode"))
			.andExpect(status().isOk()));

		assertThat(page.select("#flash-message").text())
			.contains("Approved. The promo code is validated: you can now enable promo code tracking.");
		assertThat(page.select("#go-to-ad-settings").attr("href")).isEqualTo("/programs/12/settings/ad-settings");
	}

	@Test
	void approvingAnActionWithoutAPromoCodeSaysPlainlyThatThePromoCodeIsStillNotValidated() throws Exception {
		given(this.service.review(ALICE, 12, 41, Decision.APPROVE, "", Channel.PAGE))
			.willReturn(new Reviewed(action(41, "TEST-FR-3001", null, ReviewState.APPROVED), false));

		MvcResult result = this.mvc
			.perform(asAlice(post(TEST_ACTION + "/review")).with(csrf()).param("decision", "approve").param("comment", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(TEST_ACTION))
			.andExpect(flash().attribute("message", "testAction.approvedWithoutPromoCode"))
			.andReturn();

		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", null, ReviewState.APPROVED));
		Document page = html(this.mvc.perform(asAlice(get(TEST_ACTION)).flashAttrs(result.getFlashMap()))
			.andExpect(status().isOk()));
		assertThat(page.select("#flash-message").text()).contains("the event type is active",
				"The promo code is still not validated", "Send a test conversion carrying a promo code");
		assertThat(page.select("#go-to-ad-settings")).isEmpty();
	}

	@Test
	void approvingAnActionWithoutAPromoCodeWhileAnEarlierApprovalValidatesSaysTheCodeStaysValidated()
			throws Exception {
		given(this.service.review(ALICE, 12, 41, Decision.APPROVE, "", Channel.PAGE))
			.willReturn(new Reviewed(action(41, "TEST-FR-3001", null, ReviewState.APPROVED), true));

		MvcResult result = this.mvc
			.perform(asAlice(post(TEST_ACTION + "/review")).with(csrf())
				.param("decision", "approve")
				.param("comment", ""))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "testAction.approvedWithoutPromoCodeAlreadyValidated"))
			.andReturn();

		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", null, ReviewState.APPROVED));
		Document page = html(this.mvc.perform(asAlice(get(TEST_ACTION)).flashAttrs(result.getFlashMap()))
			.andExpect(status().isOk()));
		assertThat(page.select("#flash-message").text()).contains("stays validated")
			.doesNotContain("still not validated");
	}

	@Test
	void rejectingComesBackWithTheRejectedMessage() throws Exception {
		given(this.service.review(ALICE, 12, 41, Decision.REJECT, "Wrong amount", Channel.PAGE))
			.willReturn(new Reviewed(action(41, "TEST-FR-3001", "ETE15", ReviewState.REJECTED), false));

		this.mvc
			.perform(asAlice(post(TEST_ACTION + "/review")).with(csrf())
				.param("decision", "reject")
				.param("comment", "Wrong amount"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "testAction.rejected"));
	}

	@Test
	void reviewingAnActionAlreadyReviewedAnswers409WithTheError() throws Exception {
		given(this.service.review(any(), anyLong(), anyLong(), any(), any(), any())).willThrow(new AlreadyReviewed());
		given(this.service.testAction(ALICE, 12, 41))
			.willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.APPROVED));

		Document page = html(this.mvc
			.perform(asAlice(post(TEST_ACTION + "/review")).with(csrf()).param("decision", "reject"))
			.andExpect(status().isConflict())
			.andExpect(view().name("eventtypes/test-action")));

		assertThat(page.select("#error-message").text())
			.isEqualTo("This test action was already reviewed. Send a new test conversion to test again.");
		assertThat(page.select("#detail-state").text()).as("the current state is shown").isEqualTo("Approved");
		assertThat(page.select("#flash-message")).isEmpty();
	}

	@ParameterizedTest(name = "decision \"{0}\"")
	@ValueSource(strings = { "", "maybe", "APPROVE" })
	void aDecisionThatIsNotApproveOrRejectAnswers400AndReviewsNothing(String decision) throws Exception {
		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.PENDING));

		Document page = html(this.mvc
			.perform(asAlice(post(TEST_ACTION + "/review")).with(csrf()).param("decision", decision))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#error-message").text()).isEqualTo("Choose Approve or Reject.");
		verify(this.service, never()).review(any(), anyLong(), anyLong(), any(), any(), any());
	}

	@Test
	void aReviewCommentTooLongAnswers400WithTheErrorAndReviewsNothing() throws Exception {
		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.PENDING));

		Document page = html(this.mvc
			.perform(asAlice(post(TEST_ACTION + "/review")).with(csrf())
				.param("decision", "reject")
				.param("comment", "c".repeat(1001)))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("eventtypes/test-action")));

		assertThat(page.select("#error-message").text()).isEqualTo("The comment is at most 1000 characters.");
		assertThat(page.select("#error-message").attr("role")).isEqualTo("alert");
		verify(this.service, never()).review(any(), anyLong(), anyLong(), any(), any(), any());
	}

	@Test
	void aWithdrawalCommentTooLongAnswers400AndWithdrawsNothing() throws Exception {
		given(this.service.testAction(ALICE, 12, 41))
			.willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.APPROVED));

		Document page = html(this.mvc
			.perform(asAlice(post(TEST_ACTION + "/withdrawal")).with(csrf()).param("comment", "c".repeat(1001)))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#error-message").text()).isEqualTo("The comment is at most 1000 characters.");
		verify(this.service, never()).withdraw(any(), anyLong(), anyLong(), anyString(), any());
	}

	@Test
	void withdrawingWithACommentComesBackWithTheWithdrawnMessage() throws Exception {
		this.mvc
			.perform(asAlice(post(TEST_ACTION + "/withdrawal")).with(csrf()).param("comment", " Wrong shop "))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(TEST_ACTION))
			.andExpect(flash().attribute("message", "testAction.withdrawn"));

		verify(this.service).withdraw(ALICE, 12, 41, "Wrong shop", Channel.PAGE);
	}

	@ParameterizedTest(name = "comment \"{0}\"")
	@ValueSource(strings = { "", "   " })
	void withdrawingWithoutACommentAnswers400AndWithdrawsNothing(String comment) throws Exception {
		given(this.service.testAction(ALICE, 12, 41))
			.willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.APPROVED));

		Document page = html(this.mvc
			.perform(asAlice(post(TEST_ACTION + "/withdrawal")).with(csrf()).param("comment", comment))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("eventtypes/test-action")));

		assertThat(page.select("#error-message").text()).isEqualTo("Say why you withdraw the approval.");
		assertThat(page.select("#withdraw-form")).as("the form is offered again").hasSize(1);
		verify(this.service, never()).withdraw(any(), anyLong(), anyLong(), anyString(), any());
	}

	@Test
	void withdrawingAnActionThatIsNotApprovedAnswers409() throws Exception {
		given(this.service.withdraw(any(), anyLong(), anyLong(), anyString(), any())).willThrow(new NotApproved());
		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", "ETE15", ReviewState.PENDING));

		Document page = html(this.mvc
			.perform(asAlice(post(TEST_ACTION + "/withdrawal")).with(csrf()).param("comment", "why"))
			.andExpect(status().isConflict()));

		assertThat(page.select("#error-message").text())
			.isEqualTo("Only an approved test action's approval can be withdrawn.");
	}

	@Test
	void deletingATestActionReturnsToItsEventType() throws Exception {
		given(this.service.deleteTestAction(ALICE, 12, 41, Channel.PAGE)).willReturn(31L);

		this.mvc.perform(asAlice(post(TEST_ACTION + "/deletion")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(EVENT_TYPE))
			.andExpect(flash().attribute("message", "testAction.deleted"));

		verify(this.service).deleteTestAction(ALICE, 12, 41, Channel.PAGE);
	}

	@Test
	void aTestActionOfAnotherProgramIsThe404Page() throws Exception {
		given(this.service.testAction(ALICE, 12, 99)).willThrow(new TestActionNotFound());

		Document page = html(this.mvc.perform(asAlice(get("/programs/12/test-actions/99")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404")));

		assertThat(page.select("#not-found").text()).isEqualTo("Page not found");
	}

	@Test
	void theEventTypesOfAProgramTheUserMayNotSeeAreThe404Page() throws Exception {
		given(this.catalog.require(ALICE, 99)).willThrow(new ProgramNotFound());
		given(this.service.list(ALICE, 99)).willThrow(new ProgramNotFound());

		this.mvc.perform(asAlice(get("/programs/99/event-types")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	@Test
	void reviewingWithoutTheCsrfTokenIsForbiddenAndReviewsNothing() throws Exception {
		this.mvc.perform(asAlice(post(TEST_ACTION + "/review")).param("decision", "approve"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.service);
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get(TEST_ACTION)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

		verifyNoInteractions(this.service);
	}

	@Test
	void theTestActionPageIsInFrenchWithLangFr() throws Exception {
		given(this.service.testAction(ALICE, 12, 41)).willReturn(action(41, "TEST-FR-3001", null, ReviewState.PENDING));

		Document page = html(this.mvc.perform(asAlice(get(TEST_ACTION).param("lang", "fr"))).andExpect(status().isOk()));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(page.select("button#approve").text()).isEqualTo("Approuver");
		assertThat(page.select("button#reject").text()).isEqualTo("Rejeter");
		assertThat(page.select("#no-code-warning").text()).isNotBlank()
			.doesNotContain("This test action carried no promo code");
	}

	// =====================================================================================================
	// Helpers

	/** A test action of the Online Sale; reviewed by Carol unless pending. */
	private static TestActionView action(long id, String orderId, String promoCode, ReviewState state) {
		Instant received = Instant.parse("2026-11-01T08:00:00Z");
		Instant reviewed = (state == ReviewState.PENDING) ? null : Instant.parse("2026-11-02T10:00:00Z");
		boolean withdrawn = state == ReviewState.WITHDRAWN;
		return new TestActionView(id, 31, "Online Sale", orderId, new BigDecimal("52.50"), "EUR", promoCode, PAYLOAD,
				received, state, reviewed, (reviewed != null) ? "carol@csm.example" : null, null,
				withdrawn ? Instant.parse("2026-11-03T10:00:00Z") : null, withdrawn ? "alice@acme.example" : null,
				withdrawn ? "Wrong shop" : null);
	}

	/** One page of the Online Sale's test actions as the service returns it. */
	private static PageOf<TestActionView> page(int number, boolean hasNext, TestActionView... actions) {
		return page(number, hasNext, List.of(actions));
	}

	private static PageOf<TestActionView> page(int number, boolean hasNext, List<TestActionView> actions) {
		return new PageOf<>(actions, number, EventTypesController.PAGE_SIZE, hasNext);
	}

	/** {@code count} pending test actions, newest (highest id) first, from {@code newest} down. */
	private static List<TestActionView> actions(long newest, int count) {
		return LongStream.range(0, count)
			.mapToObj(n -> action(newest - n, "TEST-" + (newest - n), null, ReviewState.PENDING))
			.toList();
	}

	private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
		Authentication signedIn = SignedInUsers.authenticationOf(ALICE);
		return request.with(authentication(signedIn));
	}

	private static Document html(ResultActions result) throws Exception {
		MvcResult done = result.andReturn();
		return Jsoup.parse(done.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
