package com.promotracking.requests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.promotracking.audit.Channel;
import com.promotracking.programs.PartnerView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.DuplicatePromoCode;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.security.SecurityTestSupport;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The pages of partner promo code requests, brand side (Engage → Requests) and partner side, with the
 * service, the catalog and the settings mocked and the real security.
 */
@WebMvcTest(controllers = RequestsController.class)
@Import({ SecurityTestSupport.class, SignedInUsers.class })
class RequestsControllerTest {

	private static final String LIST = "/programs/11/promo-code-requests";

	private static final String REQUEST = LIST + "/31";

	private static final String FORM = "/partner/programs/11/promo-code-requests/new";

	private static final String SUBMIT = "/partner/programs/11/promo-code-requests";

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final CurrentUser PAT = new CurrentUser(9, "pat@partner.example", "Pat Lee", Role.PARTNER,
			Set.of(), 5L);

	private static final ProgramView PROGRAM = new ProgramView(11, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final ProgramView OTHER_PROGRAM = new ProgramView(12, "Acme Outdoor FR", 1, "Acme Outdoor");

	private static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");

	private static final Instant DECIDED = Instant.parse("2026-11-03T10:30:00Z");

	private static final RequestView OPEN = new RequestView(31, 11, 5, "Trailblazer Deals",
			List.of("TRAIL15", "TRAIL-15"), LocalDate.parse("2026-12-01"), "For the autumn hiking guide.",
			RequestState.OPEN, CREATED, "pat@partner.example", null, null, null, null, null, null, null);

	private static final RequestView APPROVED = new RequestView(31, 11, 5, "Trailblazer Deals",
			List.of("TRAIL15", "TRAIL-15"), LocalDate.parse("2026-12-01"), "For the autumn hiking guide.",
			RequestState.APPROVED, CREATED, "pat@partner.example", DECIDED, "alice@acme.example",
			"We prefer TRAIL20.", "TRAIL20", 77L, null, null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PromoCodeRequestService requests;

	@MockitoBean
	private ProgramCatalog catalog;

	@MockitoBean
	private TrackingSettings settings;

	@BeforeEach
	void aliceManagesTwoProgramsAndPatBelongsToBoth() {
		given(this.catalog.visibleTo(ALICE)).willReturn(List.of(PROGRAM, OTHER_PROGRAM));
		given(this.catalog.require(ALICE, 11)).willReturn(PROGRAM);
		given(this.catalog.partnersOf(PROGRAM))
			.willReturn(List.of(new PartnerView(5, "Trailblazer Deals"), new PartnerView(6, "Summit Savers")));
		given(this.catalog.joinedBy(PAT)).willReturn(List.of(PROGRAM, OTHER_PROGRAM));
		given(this.catalog.requireJoined(PAT, 11)).willReturn(PROGRAM);
		given(this.catalog.requireJoined(PAT, 12)).willReturn(OTHER_PROGRAM);
		given(this.requests.get(ALICE, 11, 31)).willReturn(OPEN);
		given(this.settings.trackingEnabled(11)).willReturn(true);
		given(this.settings.partnerRequestsAllowed(11)).willReturn(true);
		given(this.requests.forBrand(ALICE, 11, null, null, 0, RequestsController.PAGE_SIZE))
			.willReturn(page(List.of()));
		given(this.requests.allOwn(PAT, 0, RequestsController.PAGE_SIZE)).willReturn(page(List.of()));
	}

	// ---------------------------------------------------------------- brand: list

	@Test
	void theBrandListShowsTheRequestsWithTheFiltersAsChosen() throws Exception {
		given(this.requests.forBrand(ALICE, 11, RequestState.OPEN, 5L, 0, RequestsController.PAGE_SIZE))
			.willReturn(page(List.of(OPEN)));

		Document page = html(this.mvc.perform(asAlice(get(LIST).param("state", "open").param("partnerId", "5")))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/brand-list")));

		verify(this.requests).forBrand(ALICE, 11, RequestState.OPEN, 5L, 0, RequestsController.PAGE_SIZE);
		assertThat(page.select("h1").text()).isEqualTo("Promo code requests for Acme Outdoor US");
		Element filters = page.selectFirst("form#request-filters");
		assertThat(filters.attr("action")).isEqualTo(LIST);
		assertThat(filters.attr("method")).isEqualToIgnoringCase("get");
		assertThat(filters.select("#filter-state option").eachAttr("value"))
			.containsExactly("", "open", "approved", "rejected", "completed");
		assertThat(filters.select("#filter-state option").eachText())
			.containsExactly("All states", "Open", "Approved", "Rejected", "Completed");
		assertThat(filters.select("#filter-state option[selected]").val()).isEqualTo("open");
		assertThat(filters.select("#filter-partner option").eachText())
			.containsExactly("All partners", "Trailblazer Deals", "Summit Savers");
		assertThat(filters.select("#filter-partner option[selected]").val()).isEqualTo("5");

		Element link = page.selectFirst("table#requests a#request-31");
		assertThat(link.attr("href")).isEqualTo(REQUEST);
		assertThat(link.text()).isEqualTo("Trailblazer Deals");
		assertThat(cells(page))
			.containsExactly("Trailblazer Deals", "TRAIL15, TRAIL-15", "2026-12-01", "Open", "");
		assertThat(page.select("#no-requests")).isEmpty();
		assertThat(page.select("#menu-requests").attr("aria-current")).isEqualTo("page");
	}

	@Test
	void theBrandListWithoutFiltersAsksForEverythingAndSaysWhenNothingMatches() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(LIST))).andExpect(status().isOk()));

		verify(this.requests).forBrand(ALICE, 11, null, null, 0, RequestsController.PAGE_SIZE);
		assertThat(page.select("#no-requests").text()).isEqualTo("No request matches.");
		assertThat(page.select("table#requests")).isEmpty();
		assertThat(page.select("#filter-state option[selected], #filter-partner option[selected]")).isEmpty();
		assertThat(page.select("nav.pager, #previous-page, #next-page, #page-number, #not-listed")).isEmpty();
	}

	@Test
	void theBrandListIsInFrenchForAFrenchReader() throws Exception {
		given(this.requests.forBrand(ALICE, 11, null, null, 0, RequestsController.PAGE_SIZE))
			.willReturn(page(List.of(APPROVED)));

		Document page = html(this.mvc
			.perform(asAlice(get(LIST)).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr"))
			.andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("Demandes de codes promo pour Acme Outdoor US");
		assertThat(cells(page)).containsExactly("Trailblazer Deals",
				"TRAIL15, TRAIL-15", "2026-12-01", "Approuvée", "TRAIL20");
	}

	// ---------------------------------------------------------------- brand: pages

	@Test
	void theFirstPageShowsItsRequestsAndLinksToTheNextWithTheFilters() throws Exception {
		given(this.requests.forBrand(ALICE, 11, RequestState.OPEN, 5L, 0, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(requests(950, 50), 0, RequestsController.PAGE_SIZE, true));

		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("state", "open").param("partnerId", "5"))
			.andExpect(status().isOk()));

		assertThat(page.select("table#requests tbody tr")).hasSize(50);
		assertThat(page.select("table#requests tbody tr a").first().id()).isEqualTo("request-950");
		assertThat(page.select("#next-page").attr("href")).isEqualTo(LIST + "?state=open&partnerId=5&page=1");
		assertThat(page.select("#next-page").text()).isEqualTo("Next page");
		assertThat(page.select("#previous-page")).isEmpty();
		assertThat(page.select("#page-number").text()).isEqualTo("Page 1");
		assertThat(page.select("nav.pager").attr("aria-label")).isEqualTo("Pages of promo code requests");
		assertThat(page.select("#filter-state option[selected]").val()).isEqualTo("open");
		assertThat(page.select("#filter-partner option[selected]").val()).isEqualTo("5");
	}

	@Test
	void aLaterPageLinksBackWithTheFiltersAndTheLastHasNoNextLink() throws Exception {
		given(this.requests.forBrand(ALICE, 11, null, 6L, 2, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(requests(850, 3), 2, RequestsController.PAGE_SIZE, false));

		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("partnerId", "6").param("page", "2"))
			.andExpect(status().isOk()));

		assertThat(page.select("table#requests tbody tr a")).extracting(Element::id)
			.containsExactly("request-850", "request-849", "request-848");
		assertThat(page.select("#previous-page").attr("href")).isEqualTo(LIST + "?partnerId=6&page=1");
		assertThat(page.select("#previous-page").text()).isEqualTo("Previous page");
		assertThat(page.select("#next-page")).isEmpty();
		assertThat(page.select("#page-number").text()).isEqualTo("Page 3");
	}

	@Test
	void theLinkBackToTheFirstPageHasNoPageNumberAndAnUnknownStateIsNoFilter() throws Exception {
		given(this.requests.forBrand(ALICE, 11, RequestState.REJECTED, null, 1, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(requests(800, 1), 1, RequestsController.PAGE_SIZE, false));
		given(this.requests.forBrand(ALICE, 11, null, null, 1, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(requests(700, 1), 1, RequestsController.PAGE_SIZE, true));

		Document rejected = html(this.mvc.perform(asAlice(get(LIST)).param("page", "1").param("state", "rejected"))
			.andExpect(status().isOk()));
		Document unknown = html(this.mvc.perform(asAlice(get(LIST)).param("page", "1").param("state", "pending"))
			.andExpect(status().isOk()));

		assertThat(rejected.select("#previous-page").attr("href")).isEqualTo(LIST + "?state=rejected");
		assertThat(unknown.select("#previous-page").attr("href")).isEqualTo(LIST);
		assertThat(unknown.select("#next-page").attr("href")).isEqualTo(LIST + "?page=2");
	}

	@Test
	void thePagerIsInFrenchForAFrenchReader() throws Exception {
		given(this.requests.forBrand(ALICE, 11, null, null, 1, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(requests(700, 1), 1, RequestsController.PAGE_SIZE, true));

		Document page = html(this.mvc
			.perform(asAlice(get(LIST)).param("page", "1").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr"))
			.andExpect(status().isOk()));

		assertThat(page.select("#previous-page").text()).isEqualTo("Page précédente");
		assertThat(page.select("#next-page").text()).isEqualTo("Page suivante");
		assertThat(page.select("#page-number").text()).isEqualTo("Page 2");
		assertThat(page.select("nav.pager").attr("aria-label")).isEqualTo("Pages de demandes de codes promo");
	}

	@ParameterizedTest(name = "page={0}")
	@CsvSource(textBlock = """
			-1,  The page number must not be negative.
			abc, The page number must be a whole number.
			""")
	void aPageNumberThatCannotBeReadAnswers400WithTheReasonAndListsNothing(String number, String message)
			throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("page", number).param("state", "open"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("requests/brand-list")));

		assertThat(page.select("#filter-error").text()).isEqualTo(message);
		assertThat(page.select("#filter-error").attr("role")).isEqualTo("alert");
		assertThat(page.select("#not-listed").text()).isEqualTo("Correct the filters to see the requests.");
		assertThat(page.select("#no-requests, table#requests, nav.pager")).isEmpty();
		assertThat(page.select("#filter-state option[selected]").val()).isEqualTo("open");
		verify(this.requests, never()).forBrand(any(), anyLong(), any(), any(), anyInt(), anyInt());
	}

	@Test
	void aPartnerThatIsNotANumberIsToldOnThePartnerFilter() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("partnerId", "five"))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#filter-error").text()).isEqualTo("Choose a partner from the list.");
		assertThat(page.select("#filter-partner").attr("aria-invalid")).isEqualTo("true");
		verify(this.requests, never()).forBrand(any(), anyLong(), any(), any(), anyInt(), anyInt());
	}

	@Test
	void aPageNumberThatCannotBeReadStillChecksAccessToTheProgram() throws Exception {
		given(this.catalog.require(PAT, 11)).willThrow(new ProgramNotFound());

		this.mvc.perform(asPat(get(LIST)).param("page", "-1"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	// ---------------------------------------------------------------- brand: one request

	@Test
	void anOpenRequestOffersApproveWithTheFirstSuggestionAndReject() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(REQUEST)))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/brand-request")));

		assertThat(page.select("h1").text()).isEqualTo("Request from Trailblazer Deals");
		assertThat(page.select(".request-state").text()).isEqualTo("Open");
		assertThat(page.select(".suggested-codes").text()).isEqualTo("TRAIL15, TRAIL-15");
		Element form = page.selectFirst("form#decision-form");
		assertThat(form.attr("action")).isEqualTo(REQUEST + "/decision");
		assertThat(form.attr("method")).isEqualToIgnoringCase("post");
		assertThat(form.select("input[type=hidden][name=_csrf]").val()).isNotBlank();
		assertThat(form.select("#approved-code").val()).isEqualTo("TRAIL15");
		assertThat(form.select("#approve-request").attr("value")).isEqualTo("approve");
		assertThat(form.select("#approve-request").text()).isEqualTo("Approve and create the code");
		assertThat(form.select("#reject-request").attr("value")).isEqualTo("reject");
		assertThat(form.select("#reject-request").text()).isEqualTo("Reject");
		assertThat(page.select("#tracking-off-warning, #complete-request, #error-message, #flash-message")).isEmpty();
	}

	@Test
	void anOpenRequestWarnsWhenTrackingIsOffAndStillOffersBothDecisions() throws Exception {
		given(this.settings.trackingEnabled(11)).willReturn(false);

		Document page = html(this.mvc.perform(asAlice(get(REQUEST))).andExpect(status().isOk()));

		assertThat(page.select("#tracking-off-warning").text()).startsWith("Promo code tracking is off for this program");
		assertThat(page.select("#approve-request")).hasSize(1);
		assertThat(page.select("#reject-request")).hasSize(1);
	}

	@Test
	void aDecidedRequestHasNoDecisionButtonsNorWarningButCanBeCompleted() throws Exception {
		given(this.requests.get(ALICE, 11, 31)).willReturn(APPROVED);
		given(this.settings.trackingEnabled(11)).willReturn(false);

		Document page = html(this.mvc.perform(asAlice(get(REQUEST))).andExpect(status().isOk()));

		assertThat(page.select("#decision-form, #approve-request, #reject-request, #tracking-off-warning")).isEmpty();
		assertThat(page.select(".request-state").text()).isEqualTo("Approved");
		assertThat(page.select(".approved-code").text()).isEqualTo("TRAIL20");
		assertThat(page.select(".brand-comment").text()).isEqualTo("We prefer TRAIL20.");
		Element complete = page.selectFirst("#complete-request");
		assertThat(complete.text()).isEqualTo("Mark completed");
		assertThat(complete.parent().attr("action")).isEqualTo(REQUEST + "/completion");
	}

	@Test
	void aCompletedRequestOffersNothingMore() throws Exception {
		given(this.requests.get(ALICE, 11, 31)).willReturn(new RequestView(31, 11, 5, "Trailblazer Deals",
				List.of("TRAIL15"), null, null, RequestState.COMPLETED, CREATED, "pat@partner.example", DECIDED,
				"alice@acme.example", null, "TRAIL15", 77L, DECIDED, "alice@acme.example"));

		Document page = html(this.mvc.perform(asAlice(get(REQUEST))).andExpect(status().isOk()));

		assertThat(page.select(".request-state").text()).isEqualTo("Completed");
		assertThat(page.select("#decision-form, #complete-request")).isEmpty();
	}

	@Test
	void aRequestOfAnotherProgramOrNoneIsThe404Page() throws Exception {
		given(this.requests.get(ALICE, 11, 99)).willThrow(new RequestNotFound());

		this.mvc.perform(asAlice(get(LIST + "/99")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	// ---------------------------------------------------------------- brand: decide, complete

	@Test
	void approvingSendsTheApprovedCodeAndCommentAndComesBackWithAFlash() throws Exception {
		given(this.requests.decide(ALICE, 11, 31, true, "TRAIL20", "We prefer TRAIL20.", Channel.PAGE))
			.willReturn(APPROVED);

		this.mvc
			.perform(asAlice(post(REQUEST + "/decision")).with(csrf())
				.param("decision", "approve")
				.param("approvedCode", "TRAIL20")
				.param("comment", "We prefer TRAIL20."))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(REQUEST))
			.andExpect(flash().attribute("message", "request.approved"))
			.andExpect(flash().attribute("messageArgument", "TRAIL20"));

		verify(this.requests).decide(ALICE, 11, 31, true, "TRAIL20", "We prefer TRAIL20.", Channel.PAGE);
	}

	@Test
	void thePageAfterAnApprovalNamesTheCreatedCode() throws Exception {
		given(this.requests.get(ALICE, 11, 31)).willReturn(APPROVED);

		Document page = html(this.mvc
			.perform(asAlice(get(REQUEST)).flashAttr("message", "request.approved")
				.flashAttr("messageArgument", "TRAIL20"))
			.andExpect(status().isOk()));

		assertThat(page.select("#flash-message").text())
			.isEqualTo("Approved: the promo code TRAIL20 was created for the partner.");
	}

	@Test
	void rejectingWithACommentComesBackWithAFlash() throws Exception {
		RequestView rejected = new RequestView(31, 11, 5, "Trailblazer Deals", List.of("TRAIL15"), null, null,
				RequestState.REJECTED, CREATED, "pat@partner.example", DECIDED, "alice@acme.example", "Not now.",
				null, null, null, null);
		given(this.requests.decide(ALICE, 11, 31, false, "TRAIL15", "Not now.", Channel.PAGE)).willReturn(rejected);

		this.mvc
			.perform(asAlice(post(REQUEST + "/decision")).with(csrf())
				.param("decision", "reject")
				.param("approvedCode", "TRAIL15")
				.param("comment", "Not now."))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(REQUEST))
			.andExpect(flash().attribute("message", "request.rejected"));
	}

	@Test
	void rejectingWithoutACommentAnswers400WithTheReasonAndTheFormAgain() throws Exception {
		given(this.requests.decide(ALICE, 11, 31, false, "TRAIL15", "", Channel.PAGE))
			.willThrow(new InvalidField("comment", "request.error.commentRequired"));

		Document page = html(this.mvc
			.perform(asAlice(post(REQUEST + "/decision")).with(csrf())
				.param("decision", "reject")
				.param("approvedCode", "TRAIL15")
				.param("comment", ""))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("requests/brand-request")));

		Element error = page.selectFirst("#error-message");
		assertThat(error.text()).isEqualTo("Say why you reject the request: the partner sees your comment.");
		assertThat(error.attr("role")).isEqualTo("alert");
		assertThat(page.select("#decision-form")).hasSize(1);
		assertThat(page.select("#flash-message")).isEmpty();
	}

	@Test
	void decidingARequestAlreadyDecidedAnswers409AndShowsItAsItIs() throws Exception {
		given(this.requests.decide(any(), anyLong(), anyLong(), anyBoolean(), anyString(), anyString(), any()))
			.willThrow(new RequestAlreadyDecided());
		given(this.requests.get(ALICE, 11, 31)).willReturn(APPROVED);

		Document page = html(this.mvc
			.perform(asAlice(post(REQUEST + "/decision")).with(csrf())
				.param("decision", "approve")
				.param("approvedCode", "OTHER")
				.param("comment", ""))
			.andExpect(status().isConflict())
			.andExpect(view().name("requests/brand-request")));

		assertThat(page.select("#error-message").text())
			.isEqualTo("This request was already decided. Nothing was changed.");
		assertThat(page.select(".request-state").text()).isEqualTo("Approved");
		assertThat(page.select("#decision-form")).isEmpty();
	}

	@Test
	void approvingACodeTheProgramAlreadyHasAnswers409() throws Exception {
		given(this.requests.decide(any(), anyLong(), anyLong(), anyBoolean(), anyString(), anyString(), any()))
			.willThrow(constructed(DuplicatePromoCode.class));

		Document page = html(this.mvc
			.perform(asAlice(post(REQUEST + "/decision")).with(csrf())
				.param("decision", "approve")
				.param("approvedCode", "SUMMER10")
				.param("comment", ""))
			.andExpect(status().isConflict()));

		assertThat(page.select("#error-message").text())
			.isEqualTo("The program already has this promo code. Approve a different code.");
	}

	@Test
	void aDecisionWithoutApproveOrRejectAnswers400AndCallsNoService() throws Exception {
		Document page = html(this.mvc
			.perform(asAlice(post(REQUEST + "/decision")).with(csrf()).param("decision", "maybe"))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#error-message").text()).isEqualTo("Choose Approve or Reject.");
		verify(this.requests).get(ALICE, 11, 31);
		verifyNoMoreInteractions(this.requests);
	}

	@Test
	void decidingWithoutTheCsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(asAlice(post(REQUEST + "/decision")).param("decision", "approve"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.requests);
	}

	@Test
	void completingComesBackWithAFlash() throws Exception {
		this.mvc.perform(asAlice(post(REQUEST + "/completion")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(REQUEST))
			.andExpect(flash().attribute("message", "request.completed"));

		verify(this.requests).complete(ALICE, 11, 31, Channel.PAGE);
	}

	@Test
	void completingAnOpenRequestAnswers409() throws Exception {
		given(this.requests.complete(ALICE, 11, 31, Channel.PAGE)).willThrow(new RequestNotDecided());

		Document page = html(this.mvc.perform(asAlice(post(REQUEST + "/completion")).with(csrf()))
			.andExpect(status().isConflict()));

		assertThat(page.select("#error-message").text())
			.isEqualTo("Approve or reject the request before marking it completed.");
	}

	// ---------------------------------------------------------------- partner: form and submit

	@Test
	void thePartnerFormPostsToTheProgram() throws Exception {
		Document page = html(this.mvc.perform(asPat(get(FORM)))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/partner-form")));

		assertThat(page.select("h1").text()).isEqualTo("Request a promo code for Acme Outdoor US");
		Element form = page.selectFirst("form#request-form");
		assertThat(form.attr("action")).isEqualTo(SUBMIT);
		assertThat(form.attr("method")).isEqualToIgnoringCase("post");
		assertThat(form.select("input[type=hidden][name=_csrf]").val()).isNotBlank();
		assertThat(form.select("#suggested-codes").attr("name")).isEqualTo("suggestedCodes");
		assertThat(form.select("#date-needed").attr("type")).isEqualTo("date");
		assertThat(form.select("#instructions").attr("name")).isEqualTo("instructions");
		assertThat(form.select("#submit-request").text()).isEqualTo("Send the request");
		assertThat(page.select("#requests-not-allowed, #error-message")).isEmpty();
	}

	@Test
	void thePartnerFormSaysSoWhenTheProgramDoesNotAllowRequests() throws Exception {
		given(this.settings.partnerRequestsAllowed(11)).willReturn(false);

		Document page = html(this.mvc.perform(asPat(get(FORM))).andExpect(status().isOk()));

		assertThat(page.select("#requests-not-allowed").text())
			.isEqualTo("This program does not take promo code requests now.");
	}

	@Test
	void submittingSplitsTheSuggestedCodesOnCommasAndSpaces() throws Exception {
		this.mvc
			.perform(asPat(post(SUBMIT)).with(csrf())
				.param("suggestedCodes", "A1, B2 C3")
				.param("dateNeeded", "2026-12-01")
				.param("instructions", "For the autumn guide."))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/partner/requests"))
			.andExpect(flash().attribute("message", "request.submitted"));

		verify(this.requests).submit(PAT, 11,
				new NewRequest(List.of("A1", "B2", "C3"), LocalDate.parse("2026-12-01"), "For the autumn guide."), Channel.PAGE);
	}

	@Test
	void submittingSplitsTheSuggestedCodesOnSemicolonsAndRunsOfSeparatorsToo() throws Exception {
		this.mvc
			.perform(asPat(post(SUBMIT)).with(csrf()).param("suggestedCodes", "  A1;B2 ,; C3\n"))
			.andExpect(status().isFound());

		verify(this.requests).submit(PAT, 11, new NewRequest(List.of("A1", "B2", "C3"), null, null), Channel.PAGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "2026-02-30", "02/12/2026", "2026-12-01T10:00" })
	void submittingADateNeededThatIsNoDateAnswers400NamingItKeepsWhatWasTypedAndSubmitsNothing(String date)
			throws Exception {
		given(this.settings.partnerRequestsAllowed(11)).willReturn(true);

		Document page = html(this.mvc
			.perform(asPat(post(SUBMIT)).with(csrf()).param("suggestedCodes", "A1").param("dateNeeded", date))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("requests/partner-form")));

		assertThat(page.select("#error-message").text()).isEqualTo("Not a date: use a date such as 2026-12-01.");
		assertThat(page.select("#date-needed").val()).isEqualTo(date);
		verify(this.requests, never()).submit(any(), anyLong(), any(), any());
	}

	@Test
	void aBlankDateNeededMeansNoDate() throws Exception {
		this.mvc.perform(asPat(post(SUBMIT)).with(csrf()).param("suggestedCodes", "A1").param("dateNeeded", ""))
			.andExpect(status().isFound());

		verify(this.requests).submit(PAT, 11, new NewRequest(List.of("A1"), null, null), Channel.PAGE);
	}

	@Test
	void submittingNoCodeAnswers400WithTheReasonAndSubmitsNothing() throws Exception {
		given(this.settings.partnerRequestsAllowed(11)).willReturn(true);

		Document page = html(this.mvc
			.perform(asPat(post(SUBMIT)).with(csrf()).param("suggestedCodes", "  ").param("instructions", "Soon."))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("requests/partner-form")));

		assertThat(page.select("#error-message").text()).isEqualTo("Suggest at least one code.");
		assertThat(page.select("#instructions").text()).isEqualTo("Soon.");
		verify(this.requests, never()).submit(any(), anyLong(), any(), any());
	}

	@Test
	void submittingWhileTheProgramDoesNotAllowRequestsAnswers409WithTheMessageAndKeepsWhatWasTyped()
			throws Exception {
		given(this.settings.partnerRequestsAllowed(11)).willReturn(false);
		given(this.requests.submit(any(), anyLong(), any(), any())).willThrow(new PartnerRequestsDisabled());

		Document page = html(this.mvc
			.perform(asPat(post(SUBMIT)).with(csrf())
				.param("suggestedCodes", "A1, B2 C3")
				.param("dateNeeded", "2026-12-01")
				.param("instructions", "For the autumn guide."))
			.andExpect(status().isConflict())
			.andExpect(view().name("requests/partner-form")));

		assertThat(page.select("#error-message").text())
			.isEqualTo("This program does not take promo code requests now.");
		assertThat(page.select("#suggested-codes").val()).isEqualTo("A1, B2 C3");
		assertThat(page.select("#date-needed").val()).isEqualTo("2026-12-01");
		assertThat(page.select("#instructions").text()).isEqualTo("For the autumn guide.");
	}

	@Test
	void submittingAnInvalidCodeAnswers400WithTheReason() throws Exception {
		given(this.requests.submit(any(), anyLong(), any(), any()))
			.willThrow(new InvalidField("suggestedCodes", "request.error.codeFormat"));

		Document page = html(this.mvc
			.perform(asPat(post(SUBMIT)).with(csrf()).param("suggestedCodes", "no way!"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("requests/partner-form")));

		assertThat(page.select("#error-message").text()).isEqualTo("Each code has 1 to 64 letters, digits, - or _.");
		assertThat(page.select("#suggested-codes").val()).isEqualTo("no way!");
	}

	// ---------------------------------------------------------------- partner: own list

	@Test
	void thePartnerListShowsTheirProgramsAndTheirOwnRequestsWithTheBrandsAnswer() throws Exception {
		given(this.settings.partnerRequestsAllowed(12)).willReturn(false);
		given(this.requests.allOwn(PAT, 0, RequestsController.PAGE_SIZE)).willReturn(page(List.of(APPROVED)));

		Document page = html(this.mvc.perform(asPat(get("/partner/requests")).flashAttr("message", "request.submitted"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/partner-list")));

		assertThat(page.select("h1").text()).isEqualTo("Your programs and promo code requests");
		assertThat(page.select("#flash-message").text()).isEqualTo("Your request was sent to the brand.");
		assertThat(page.select(".program-list li > span").eachText())
			.containsExactly("Acme Outdoor US (Acme Outdoor)", "Acme Outdoor FR (Acme Outdoor)");
		Element requestCode = page.selectFirst("#request-code-11");
		assertThat(requestCode.text()).isEqualTo("Request a promo code");
		assertThat(requestCode.attr("href")).isEqualTo(FORM);
		assertThat(page.select("#request-code-12")).isEmpty();
		assertThat(page.select(".program-list li").get(1).text())
			.contains("This program does not take promo code requests now.");

		Element request = page.selectFirst("#partner-request-31");
		assertThat(request.select(".suggested-codes").text()).isEqualTo("TRAIL15, TRAIL-15");
		assertThat(request.select(".request-state").text()).isEqualTo("Approved");
		assertThat(request.select(".approved-code").text()).isEqualTo("TRAIL20");
		assertThat(request.select(".brand-comment").text()).isEqualTo("We prefer TRAIL20.");
		assertThat(page.select("#no-requests, #no-programs")).isEmpty();
	}

	@Test
	void thePartnersFirstPageLinksToTheNextAndALaterPageBack() throws Exception {
		given(this.requests.allOwn(PAT, 0, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(requests(500, 50), 0, RequestsController.PAGE_SIZE, true));
		given(this.requests.allOwn(PAT, 1, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(requests(450, 2), 1, RequestsController.PAGE_SIZE, false));

		Document first = html(this.mvc.perform(asPat(get("/partner/requests"))).andExpect(status().isOk()));
		Document second = html(this.mvc.perform(asPat(get("/partner/requests")).param("page", "1"))
			.andExpect(status().isOk()));

		assertThat(first.select(".request")).hasSize(50);
		assertThat(first.select(".request").first().id()).isEqualTo("partner-request-500");
		assertThat(first.select("#next-page").attr("href")).isEqualTo("/partner/requests?page=1");
		assertThat(first.select("#previous-page")).isEmpty();
		assertThat(first.select("#page-number").text()).isEqualTo("Page 1");
		assertThat(second.select(".request")).extracting(Element::id)
			.containsExactly("partner-request-450", "partner-request-449");
		assertThat(second.select("#previous-page").attr("href")).isEqualTo("/partner/requests");
		assertThat(second.select("#next-page")).isEmpty();
		assertThat(second.select("#page-number").text()).isEqualTo("Page 2");
	}

	@Test
	void aPartnersSinglePageHasNoPager() throws Exception {
		given(this.requests.allOwn(PAT, 0, RequestsController.PAGE_SIZE)).willReturn(page(requests(10, 3)));

		Document page = html(this.mvc.perform(asPat(get("/partner/requests"))).andExpect(status().isOk()));

		assertThat(page.select(".request")).hasSize(3);
		assertThat(page.select("nav.pager")).isEmpty();
	}

	@Test
	void aPartnersPagePastTheEndSaysSoAndLinksBack() throws Exception {
		given(this.requests.allOwn(PAT, 4, RequestsController.PAGE_SIZE))
			.willReturn(new PageOf<>(List.of(), 4, RequestsController.PAGE_SIZE, false));

		Document page = html(this.mvc.perform(asPat(get("/partner/requests")).param("page", "4"))
			.andExpect(status().isOk()));

		assertThat(page.select("#past-last-page").text())
			.isEqualTo("No request on this page: the list ends before it.");
		assertThat(page.select("#no-requests")).isEmpty();
		assertThat(page.select("#previous-page").attr("href")).isEqualTo("/partner/requests?page=3");
	}

	@ParameterizedTest(name = "page={0}")
	@CsvSource(textBlock = """
			-1,  The page number must not be negative.
			abc, The page number must be a whole number.
			""")
	void aPartnersPageNumberThatCannotBeReadAnswers400WithTheReasonAndListsNoRequest(String number, String message)
			throws Exception {
		Document page = html(this.mvc.perform(asPat(get("/partner/requests")).param("page", number))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("requests/partner-list")));

		assertThat(page.select("#page-error").text()).isEqualTo(message);
		assertThat(page.select("#page-error").attr("role")).isEqualTo("alert");
		assertThat(page.select("#not-listed").text()).isEqualTo("Correct the page number to see your requests.");
		assertThat(page.select("#no-requests, .request, nav.pager")).isEmpty();
		assertThat(page.select(".program-list li")).hasSize(2);
		verify(this.requests, never()).allOwn(any(), anyInt(), anyInt());
	}

	@Test
	void aPartnerWithoutProgramsOrRequestsIsToldSo() throws Exception {
		given(this.catalog.joinedBy(PAT)).willReturn(List.of());

		Document page = html(this.mvc.perform(asPat(get("/partner/requests"))).andExpect(status().isOk()));

		assertThat(page.select("#no-programs").text()).isEqualTo("You do not belong to any program yet.");
		assertThat(page.select("#no-requests").text()).isEqualTo("You have not requested any promo code yet.");
	}

	@Test
	void aPartnerOnAProgramTheyDoNotBelongToGetsThe404Page() throws Exception {
		given(this.catalog.requireJoined(PAT, 99)).willThrow(new ProgramNotFound());

		Document page = html(this.mvc.perform(asPat(get("/partner/programs/99/promo-code-requests/new")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404")));

		assertThat(page.select("#not-found").text()).isEqualTo("Page not found");
	}

	@Test
	void aPartnerSubmittingToAProgramTheyDoNotBelongToGetsThe404Page() throws Exception {
		given(this.requests.submit(any(), anyLong(), any(), any())).willThrow(new ProgramNotFound());

		this.mvc.perform(asPat(post("/partner/programs/99/promo-code-requests")).with(csrf()).param("suggestedCodes", "A1"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	@Test
	void aPartnerOnTheBrandsRequestPagesGetsThe404Page() throws Exception {
		given(this.catalog.require(PAT, 11)).willThrow(new ProgramNotFound());
		given(this.requests.forBrand(PAT, 11, null, null, 0, RequestsController.PAGE_SIZE))
			.willThrow(new ProgramNotFound());

		this.mvc.perform(asPat(get(LIST))).andExpect(status().isNotFound()).andExpect(view().name("error/404"));
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/partner/requests")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get(LIST)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

		verifyNoInteractions(this.requests);
	}

	private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
		return as(ALICE, request);
	}

	private static MockHttpServletRequestBuilder asPat(MockHttpServletRequestBuilder request) {
		return as(PAT, request);
	}

	private static MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		Authentication signedIn = SignedInUsers.authenticationOf(user);
		return request.with(authentication(signedIn));
	}

	/** A refusal of another package whose constructor is package-private, as the service would throw it. */
	private static <T> T constructed(Class<T> type) throws Exception {
		java.lang.reflect.Constructor<T> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		return constructor.newInstance();
	}

	private static PageOf<RequestView> page(List<RequestView> requests) {
		return new PageOf<>(requests, 0, RequestsController.PAGE_SIZE, false);
	}

	/** {@code count} open requests, newest (highest id) first, from {@code newest} down. */
	private static List<RequestView> requests(long newest, int count) {
		return java.util.stream.LongStream.range(0, count)
			.mapToObj(n -> new RequestView(newest - n, 11, 5, "Trailblazer Deals", List.of("CODE" + (newest - n)),
					null, null, RequestState.OPEN, CREATED, "pat@partner.example", null, null, null, null, null,
					null, null))
			.toList();
	}

	/** The list's cells, empty ones included (Jsoup's eachText leaves them out). */
	private static List<String> cells(Document page) {
		return page.select("table#requests tbody tr td").stream().map(Element::text).toList();
	}

	private static Document html(ResultActions result) throws Exception {
		MvcResult done = result.andReturn();
		return Jsoup.parse(done.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
