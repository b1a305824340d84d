package com.promotracking.settings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
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
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.HistoryText;
import com.promotracking.audit.Outcome;
import com.promotracking.audit.Subject;
import com.promotracking.eventtypes.PromoCodeValidation;
import com.promotracking.kernel.PageOf;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.security.SecurityTestSupport;
import com.promotracking.users.Contact;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The Ad settings page and the settings entry point, with the service mocked and the real security. */
@WebMvcTest(controllers = { AdSettingsController.class, SettingsController.class })
@Import({ SecurityTestSupport.class, SignedInUsers.class, HistoryText.class })
class AdSettingsControllerTest {

	private static final String PAGE = "/programs/11/settings/ad-settings";

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final ProgramView PROGRAM = new ProgramView(11, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final ProgramView OTHER_PROGRAM = new ProgramView(12, "Acme Outdoor FR", 1, "Acme Outdoor");

	private static final Instant EARLIER = Instant.parse("2026-10-20T08:00:00Z");

	private static final PromoCodeSettingsState BOTH_OFF = new PromoCodeSettingsState(PROGRAM, false, false, 3,
			EARLIER, "carol@csm.example", null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ProgramSettingsService service;

	@MockitoBean
	private ProgramCatalog catalog;

	/** The change as the service reads it: an unticked box (sent as nothing) is off. */
	private static ArgumentMatcher<PromoCodeSettingsChange> asked(boolean tracking, boolean partnerRequests,
			Long version) {
		return change -> change.tracking() == tracking && change.partnerRequests() == partnerRequests
				&& java.util.Objects.equals(change.version(), version);
	}

	private static AdSettingsView viewOf(PromoCodeSettingsState state, int historyPage) {
		return new AdSettingsView(state, new PageOf<>(List.of(), historyPage, HistoryPages.PAGE_SIZE, false),
				new Contact("Carol Diaz", "carol@csm.example"));
	}

	private void showHistory(HistoryRecord... entries) {
		given(this.service.view(eq(ALICE), eq(11L), anyInt())).willAnswer(call -> new AdSettingsView(BOTH_OFF,
				new PageOf<>(List.of(entries), call.getArgument(2), HistoryPages.PAGE_SIZE, false), null));
	}

	private static HistoryRecord entry(long id, String actor, Outcome outcome, String label) {
		return new HistoryRecord(id, EARLIER, actor, Role.BRAND_ADMIN, 1, "Acme Outdoor", Channel.PAGE,
				new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 11, label), outcome,
				Map.of(ProgramSettingsService.TRACKING, new FieldChange(false, true)),
				(outcome == Outcome.REFUSED) ? "promo-code-not-validated" : null, null);
	}

	@BeforeEach
	void aliceSeesHerTwoPrograms() {
		given(this.catalog.visibleTo(ALICE)).willReturn(List.of(PROGRAM, OTHER_PROGRAM));
		given(this.catalog.menuOf(ALICE)).willReturn(List.of(PROGRAM, OTHER_PROGRAM));
		given(this.catalog.require(ALICE, 11)).willReturn(PROGRAM);
		given(this.service.current(ALICE, 11)).willReturn(BOTH_OFF);
		given(this.service.view(eq(ALICE), eq(11L), anyInt())).willAnswer(call -> viewOf(BOTH_OFF, call.getArgument(2)));
		given(this.service.view(any(PromoCodeSettingsState.class), anyInt()))
			.willAnswer(call -> viewOf(call.getArgument(0), call.getArgument(1)));
	}

	@Test
	void pageShowsBothCheckboxesWithTheirLabelsAndTheSaveButton() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE))).andExpect(status().isOk())
			.andExpect(view().name("settings/ad-settings")));

		Element tracking = page.selectFirst("input#promoCodeTrackingEnabled");
		assertThat(tracking).isNotNull();
		assertThat(tracking.attr("type")).isEqualTo("checkbox");
		assertThat(tracking.attr("name")).isEqualTo("promoCodeTrackingEnabled");
		assertThat(tracking.attr("value")).isEqualTo("true");
		assertThat(tracking.hasAttr("checked")).isFalse();
		assertThat(page.select("label[for=promoCodeTrackingEnabled]").text())
			.isEqualTo("Enable promo code tracking for this program");

		Element requests = page.selectFirst("input#partnerPromoCodeRequestsAllowed");
		assertThat(requests).isNotNull();
		assertThat(requests.attr("type")).isEqualTo("checkbox");
		assertThat(requests.attr("name")).isEqualTo("partnerPromoCodeRequestsAllowed");
		assertThat(requests.hasAttr("checked")).isFalse();
		assertThat(page.select("label[for=partnerPromoCodeRequestsAllowed]").text())
			.isEqualTo("Allow partners to request promo codes for this program");

		Element form = page.selectFirst("form#ad-settings-form");
		assertThat(form.attr("action")).isEqualTo(PAGE);
		assertThat(form.attr("method")).isEqualToIgnoringCase("post");
		assertThat(form.select("input[type=hidden][name=version]").val()).isEqualTo("3");
		assertThat(form.select("input[type=hidden][name=_csrf]").val()).isNotBlank();
		Element save = form.selectFirst("button#save");
		assertThat(save.attr("type")).isEqualTo("submit");
		assertThat(save.text()).isEqualTo("Save");
	}

	@Test
	void pageShowsWhoIsSignedInTheValidationStateAndTheHelpContacts() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE))).andExpect(status().isOk()));

		assertThat(page.select("#profile-menu .user-name").text()).isEqualTo("Alice Martin");
		assertThat(page.select("#validation-status").hasClass("not-validated")).isTrue();
		assertThat(page.select("#csm-contact").attr("href")).isEqualTo("mailto:carol@csm.example");
		assertThat(page.select("#warning-event-types-link").attr("href")).isEqualTo("/programs/11/event-types");
		assertThat(page.select("#program-switch option").eachAttr("value")).containsExactly("11", "12");
		assertThat(page.select("#refusal-message, #conflict-message, #saved-message")).isEmpty();
	}

	@Test
	void pageTicksTheSavedSettingsAndNamesTheApproval() throws Exception {
		PromoCodeValidation validation = new PromoCodeValidation(101, "TEST-US-1001", "SUMMER10", 21, "Online Sale",
				Instant.parse("2026-10-02T15:30:00Z"), "alice@acme.example");
		given(this.service.view(eq(ALICE), eq(11L), anyInt())).willReturn(
				viewOf(new PromoCodeSettingsState(PROGRAM, true, true, 4, EARLIER, "carol@csm.example", validation), 0));

		Document page = html(this.mvc.perform(asAlice(get(PAGE))).andExpect(status().isOk()));

		assertThat(page.selectFirst("#promoCodeTrackingEnabled").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("#partnerPromoCodeRequestsAllowed").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=version]").val()).isEqualTo("4");
		assertThat(page.select("#validation-status").hasClass("validated")).isTrue();
		assertThat(page.select("#validation-status").text()).contains("TEST-US-1001", "SUMMER10", "Online Sale");
	}

	@Test
	void savingWithBothTickedSendsBothOnWithTheVersionAndComesBackToThePage() throws Exception {
		this.mvc
			.perform(asAlice(post(PAGE)).with(csrf())
				.param("promoCodeTrackingEnabled", "true")
				.param("partnerPromoCodeRequestsAllowed", "true")
				.param("version", "3"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(PAGE + "?saved"));

		verify(this.service).change(eq(ALICE), eq(11L), argThat(asked(true, true, 3L)), eq(Channel.PAGE));
	}

	@Test
	void savingWithNothingTickedSendsBothOff() throws Exception {
		this.mvc.perform(asAlice(post(PAGE)).with(csrf()).param("version", "3"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(PAGE + "?saved"));

		verify(this.service).change(eq(ALICE), eq(11L), argThat(asked(false, false, 3L)), eq(Channel.PAGE));
	}

	@Test
	void thePageAfterASaveSaysItWasSaved() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE).param("saved", ""))).andExpect(status().isOk()));

		assertThat(page.select("#saved-message").text()).isEqualTo("Your settings have been saved.");
		assertThat(html(this.mvc.perform(asAlice(get(PAGE))).andExpect(status().isOk())).select("#saved-message"))
			.isEmpty();
	}

	@Test
	void trackingRefusedForAnUnvalidatedCodeAnswers422ShowsTheBoxesAsSavedAndLinksToTheEventTypes() throws Exception {
		given(this.service.change(any(), anyLong(), any(), any())).willThrow(new PromoCodeNotValidated());

		Document page = html(this.mvc
			.perform(asAlice(post(PAGE)).with(csrf()).param("promoCodeTrackingEnabled", "true").param("version", "3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("settings/ad-settings")));

		// Ticked in the request, off as saved: the page shows what is saved, not what was refused.
		assertThat(page.selectFirst("#promoCodeTrackingEnabled").hasAttr("checked")).isFalse();
		assertThat(page.selectFirst("#partnerPromoCodeRequestsAllowed").hasAttr("checked")).isFalse();
		assertThat(page.select("#refusal-message").text()).contains("Nothing was saved.",
				"no promo code of this program has passed event-type validation");
		assertThat(page.select("#refusal-message").attr("role")).isEqualTo("alert");
		assertThat(page.select("#refusal-fix-link").attr("href")).isEqualTo("/programs/11/event-types");
		assertThat(page.select("#saved-message")).isEmpty();
	}

	@Test
	void partnerRequestsWithoutTrackingAreRefusedWith422AndTheBoxesShownAsSaved() throws Exception {
		given(this.service.change(any(), anyLong(), any(), any())).willThrow(new PartnerRequestsRequireTracking());

		Document page = html(this.mvc
			.perform(asAlice(post(PAGE)).with(csrf())
				.param("partnerPromoCodeRequestsAllowed", "true")
				.param("version", "3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("settings/ad-settings")));

		verify(this.service).change(eq(ALICE), eq(11L), argThat(asked(false, true, 3L)), eq(Channel.PAGE));
		assertThat(page.selectFirst("#promoCodeTrackingEnabled").hasAttr("checked")).isFalse();
		assertThat(page.selectFirst("#partnerPromoCodeRequestsAllowed").hasAttr("checked")).isFalse();
		assertThat(page.select("#refusal-message").text()).contains("Nothing was saved.",
				"Partners can request promo codes only while promo code tracking is enabled.");
		assertThat(page.select("#refusal-fix-link")).isEmpty();
	}

	@Test
	void aChangeMadeMeanwhileAnswers409AndShowsWhoChangedWhatIsCurrentNow() throws Exception {
		PromoCodeSettingsState current = new PromoCodeSettingsState(PROGRAM, true, true, 5,
				Instant.parse("2026-11-02T10:15:30Z"), "bob@acme.example", null);
		given(this.service.change(any(), anyLong(), any(), any())).willThrow(new SettingsChangedMeanwhile(current));

		Document page = html(this.mvc
			.perform(asAlice(post(PAGE)).with(csrf()).param("version", "3"))
			.andExpect(status().isConflict())
			.andExpect(view().name("settings/ad-settings")));

		assertThat(page.select("#conflict-message").text()).contains("bob@acme.example", "2026", "UTC",
				"Nothing of yours was saved");
		assertThat(page.selectFirst("#promoCodeTrackingEnabled").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("#partnerPromoCodeRequestsAllowed").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=version]").val()).isEqualTo("5");
		assertThat(page.select("#refusal-message")).isEmpty();
	}

	@Test
	void aTamperedFormAnswers400AndShowsTheSavedSettings() throws Exception {
		Document page = html(this.mvc
			.perform(asAlice(post(PAGE)).with(csrf()).param("promoCodeTrackingEnabled", "true").param("version", "x"))
			.andExpect(status().isBadRequest()));

		verify(this.service, never()).change(any(), anyLong(), any(), any());
		assertThat(page.select("#refusal-message").text()).contains("The form could not be read.");
		assertThat(page.selectFirst("#promoCodeTrackingEnabled").hasAttr("checked")).isFalse();
	}

	@Test
	void aProgramTheUserMayNotSeeIsThe404Page() throws Exception {
		given(this.service.view(eq(ALICE), eq(99L), anyInt())).willThrow(new ProgramNotFound());

		Document page = html(this.mvc.perform(asAlice(get("/programs/99/settings/ad-settings")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404")));

		assertThat(page.select("#not-found").text()).isEqualTo("Page not found");
	}

	@Test
	void savingForAProgramTheUserMayNotSeeIsThe404Page() throws Exception {
		given(this.service.change(any(), anyLong(), any(), any())).willThrow(new ProgramNotFound());

		this.mvc.perform(asAlice(post("/programs/99/settings/ad-settings")).with(csrf()).param("version", "0"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	@Test
	void aProgramIdThatIsNotANumberIsThe404Page() throws Exception {
		this.mvc.perform(asAlice(get("/programs/abc/settings/ad-settings")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));

		verifyNoInteractions(this.service);
	}

	@Test
	void savingWithoutTheCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
		this.mvc.perform(asAlice(post(PAGE)).param("promoCodeTrackingEnabled", "true").param("version", "3"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.service);
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get(PAGE)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

		verifyNoInteractions(this.service);
	}

	@Test
	void thePageIsInEnglishByDefault() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE))).andExpect(status().isOk()));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.select("label[for=promoCodeTrackingEnabled]").text())
			.isEqualTo("Enable promo code tracking for this program");
	}

	@Test
	void langFrSwitchesThePageToFrench() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE).param("lang", "fr"))).andExpect(status().isOk()));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(page.select("label[for=promoCodeTrackingEnabled]").text())
			.isEqualTo("Activer le suivi des codes promo pour ce programme");
		assertThat(page.select("button#save").text()).isEqualTo("Enregistrer");
	}

	@Test
	void aBrowserAskingForFrenchGetsTheFrenchPage() throws Exception {
		Document page = html(this.mvc
			.perform(asAlice(get(PAGE)).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9,en;q=0.5"))
			.andExpect(status().isOk()));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(page.select("label[for=promoCodeTrackingEnabled]").text())
			.isEqualTo("Activer le suivi des codes promo pour ce programme");
	}

	@Test
	void aLanguageWeDoNotSpeakFallsBackToEnglish() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE)).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de"))
			.andExpect(status().isOk()));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.select("button#save").text()).isEqualTo("Save");
	}

	@Test
	void historyRowsEscapeWhatPeopleTypedAndMarkRefusals() throws Exception {
		showHistory(entry(2, "<script>alert(1)</script>@acme.example", Outcome.REFUSED, "Acme <b>Outdoor</b>"),
				entry(1, "alice@acme.example", Outcome.CHANGED, "Acme Outdoor US"));

		String body = this.mvc.perform(asAlice(get(PAGE))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(body).doesNotContain("<script>alert", "<b>Outdoor").contains("&lt;script&gt;", "&lt;b&gt;");
		List<Element> rows = Jsoup.parse(body).select("#history-table tbody tr");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).hasClass("refused")).isTrue();
		assertThat(rows.get(0).select("td")).hasSize(5);
		assertThat(rows.get(0).text()).contains("<script>alert(1)</script>@acme.example", "Brand admin",
				"Settings page", "Refused", "Settings of Acme <b>Outdoor</b>", "Promo code tracking: off → on",
				"Promo code not validated");
		assertThat(rows.get(1).hasClass("refused")).isFalse();
		assertThat(rows.get(1).text()).contains("Changed");
	}

	@Test
	void historyRowsAreInThePageLanguage() throws Exception {
		showHistory(entry(1, "alice@acme.example", Outcome.CHANGED, "Acme Outdoor US"));

		Document page = html(this.mvc.perform(asAlice(get(PAGE).param("lang", "fr"))).andExpect(status().isOk()));

		assertThat(page.select("#history-table tbody tr").text()).contains("Modifié").doesNotContain("Changed");
		assertThat(page.select("#history-empty")).isEmpty();
	}

	@Test
	void settingsOpensTheFirstProgramOfTheUser() throws Exception {
		this.mvc.perform(asAlice(get("/settings")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/programs/11/settings"));
	}

	@Test
	void theSettingsPageSummarisesTheProgramAndLinksToAdSettingsUnderGeneral() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get("/programs/11/settings")))
			.andExpect(status().isOk())
			.andExpect(view().name("settings/overview")));

		assertThat(page.select("h1").text()).isEqualTo("Settings of Acme Outdoor US");
		assertThat(page.select(".summary dd").eachText()).containsExactly("Off", "Off", "No");
		assertThat(page.select("aside.settings-menu h2").first().text()).isEqualTo("General");
		assertThat(page.select("#menu-ad-settings").attr("href")).isEqualTo("/programs/11/settings/ad-settings");
		assertThat(page.select("#menu-api-keys").attr("href")).isEqualTo("/settings/api-keys?brandId=1");
	}

	@Test
	void switchingProgramKeepsTheUserOnTheAdSettingsPage() throws Exception {
		given(this.catalog.require(ALICE, 12)).willReturn(OTHER_PROGRAM);

		this.mvc.perform(asAlice(get("/settings").param("programId", "12").param("section", "ad-settings")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/programs/12/settings/ad-settings"));
	}

	@Test
	void switchingToAProgramTheUserMayNotSeeIsThe404Page() throws Exception {
		given(this.catalog.require(ALICE, 99)).willThrow(new ProgramNotFound());

		this.mvc.perform(asAlice(get("/settings").param("programId", "99").param("section", "ad-settings")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

	@Test
	void aUserWithoutProgramsIsToldSo() throws Exception {
		given(this.catalog.visibleTo(ALICE)).willReturn(List.of());

		Document page = html(this.mvc.perform(asAlice(get("/settings")))
			.andExpect(status().isOk())
			.andExpect(view().name("settings/no-programs")));

		assertThat(page.select("#no-programs").text()).isNotBlank();
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
