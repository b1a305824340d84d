package com.promotracking.promocodes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.promotracking.audit.Channel;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.programs.PartnerView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.security.SecurityTestSupport;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The promo codes page: a page of the list with links to the pages around it that keep the filters, a page number
 * that cannot be read told on the page; and the create form, dates and time zone bound by their types, errors on
 * their fields.
 */
@WebMvcTest(controllers = PromoCodesController.class)
@Import({ SecurityTestSupport.class, SignedInUsers.class })
class PromoCodesControllerTest {

	private static final String LIST = "/programs/11/promo-codes";

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final ProgramView PROGRAM = new ProgramView(11, "Acme Outdoor US", 1, "Acme Outdoor");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PromoCodeService codes;

	@MockitoBean
	private ProgramCatalog catalog;

	@BeforeEach
	void aliceSeesTheProgram() {
		given(this.catalog.require(ALICE, 11)).willReturn(PROGRAM);
		given(this.catalog.partnersOf(PROGRAM)).willReturn(List.of(new PartnerView(5, "Trailblazer Deals")));
		given(this.codes.list(ALICE, 11, null, null, 0, PromoCodesController.PAGE_SIZE))
			.willReturn(new PageOf<>(List.of(), 0, PromoCodesController.PAGE_SIZE, false));
	}

	@Test
	void theFirstPageShowsItsCodesAndLinksToTheNextWithTheFilters() throws Exception {
		given(this.codes.list(ALICE, 11, 5L, PromoCodeState.ACTIVE, 0, PromoCodesController.PAGE_SIZE))
			.willReturn(new PageOf<>(codes(950, 50), 0, PromoCodesController.PAGE_SIZE, true));

		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("partnerId", "5").param("state", "active"))
			.andExpect(status().isOk()));

		assertThat(page.select("#promo-codes tbody tr")).hasSize(50);
		assertThat(page.select("#promo-codes tbody tr").first().id()).isEqualTo("code-950");
		assertThat(page.select("#next-page").attr("href")).isEqualTo(LIST + "?partnerId=5&state=active&page=1");
		assertThat(page.select("#previous-page")).isEmpty();
		assertThat(page.select("#page-number").text()).isEqualTo("Page 1");
		assertThat(page.select("#download-csv").attr("href")).isEqualTo(LIST + ".csv?partnerId=5&state=active");
		assertThat(page.select("#filter-partner option[selected]").val()).isEqualTo("5");
		assertThat(page.select("#filter-state option[selected]").val()).isEqualTo("active");
	}

	@Test
	void aLaterPageLinksBackAndTheLastHasNoNextLink() throws Exception {
		given(this.codes.list(ALICE, 11, null, null, 2, PromoCodesController.PAGE_SIZE))
			.willReturn(new PageOf<>(codes(850, 3), 2, PromoCodesController.PAGE_SIZE, false));

		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("page", "2")).andExpect(status().isOk()));

		assertThat(page.select("#promo-codes tbody tr")).extracting(row -> row.id())
			.containsExactly("code-850", "code-849", "code-848");
		assertThat(page.select("#previous-page").attr("href")).isEqualTo(LIST + "?page=1");
		assertThat(page.select("#next-page")).isEmpty();
		assertThat(page.select("#page-number").text()).isEqualTo("Page 3");
	}

	@Test
	void theLinkBackToTheFirstPageHasNoPageNumber() throws Exception {
		given(this.codes.list(ALICE, 11, null, PromoCodeState.EXPIRED, 1, PromoCodesController.PAGE_SIZE))
			.willReturn(new PageOf<>(codes(800, 1), 1, PromoCodesController.PAGE_SIZE, false));

		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("page", "1").param("state", "expired"))
			.andExpect(status().isOk()));

		assertThat(page.select("#previous-page").attr("href")).isEqualTo(LIST + "?state=expired");
	}

	@ParameterizedTest(name = "page={0}")
	@CsvSource(textBlock = """
			-1,  The page number must not be negative.
			abc, The page number must be a whole number.
			""")
	void aPageNumberThatCannotBeReadAnswers400WithTheReasonAndListsNothing(String number, String message)
			throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("page", number))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("promocodes/list")));

		assertThat(page.select("#filter-error").text()).isEqualTo(message);
		assertThat(page.select("#filter-error").attr("role")).isEqualTo("alert");
		assertThat(page.select("#not-listed").text()).isEqualTo("Correct the filters to see the promo codes.");
		assertThat(page.select("#no-codes, #promo-codes, #download-csv, #next-page, #previous-page")).isEmpty();
		verify(this.codes, never()).list(any(), anyLong(), any(), any(), anyInt(), anyInt());
	}

	@Test
	void aPartnerThatIsNotANumberIsToldOnThePartnerFilter() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(LIST)).param("partnerId", "five"))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#filter-error").text()).isEqualTo("Choose a partner from the list.");
		assertThat(page.select("#filter-partner").attr("aria-invalid")).isEqualTo("true");
		verify(this.codes, never()).list(any(), anyLong(), any(), any(), anyInt(), anyInt());
	}

	@Test
	void theEmptyFormProposesUtcAndNoDates() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(LIST))).andExpect(status().isOk()));

		assertThat(page.select("#code-time-zone").val()).isEqualTo("UTC");
		assertThat(page.select("#code-starts-at").val()).isEmpty();
		assertThat(page.select("#code-starts-at").attr("name")).isEqualTo("startsAt");
		assertThat(page.select("#error-message")).isEmpty();
	}

	@Test
	void theDatetimeLocalInputsAreReadInTheTimeZoneTyped() throws Exception {
		given(this.codes.create(any(), anyLong(), any(), any())).willReturn(created("SPRING10"));

		this.mvc.perform(asAlice(post(LIST)).with(csrf())
			.param("partnerId", "5")
			.param("code", "SPRING10")
			.param("startsAt", "2030-07-01T09:00")
			.param("endsAt", "")
			.param("timeZone", "Europe/Paris")
			.param("creditPolicy", "always")
			.param("matchType", "exact")).andExpect(status().isFound()).andExpect(redirectedUrl(LIST));

		verify(this.codes).create(ALICE, 11,
				new NewPromoCode(5L, "SPRING10", new Moment.Local(LocalDateTime.parse("2030-07-01T09:00")), null,
						ZoneId.of("Europe/Paris"), CreditPolicy.ALWAYS, MatchType.EXACT),
				Channel.PAGE);
	}

	@ParameterizedTest(name = "{0} = \"{1}\"")
	@CsvSource(textBlock = """
			startsAt, tomorrow,  code-starts-at, 'Not a date: use ISO 8601, such as 2026-12-01 or 2026-12-01T09:00.'
			endsAt,   2030-13-01T09:00, code-ends-at, 'Not a date: use ISO 8601, such as 2026-12-01 or 2026-12-01T09:00.'
			timeZone, Mars/Base, code-time-zone, 'Unknown time zone: use an IANA name such as Europe/Paris.'
			""")
	void anUnreadableValueAnswers400WithItsFieldsErrorKeepsWhatWasTypedAndSavesNothing(String field, String typed,
			String inputId, String message) throws Exception {
		Document page = html(this.mvc.perform(asAlice(post(LIST)).with(csrf())
			.param("partnerId", "5")
			.param("code", "SPRING10")
			.param(field, typed)).andExpect(status().isBadRequest()).andExpect(view().name("promocodes/list")));

		assertThat(page.select("#error-message").text()).isEqualTo(message);
		assertThat(page.select("#error-message").attr("role")).isEqualTo("alert");
		assertThat(page.select("#" + inputId).val()).as("what was typed").isEqualTo(typed);
		assertThat(page.select("#" + inputId).attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#code-code").val()).isEqualTo("SPRING10");
		verify(this.codes, never()).create(any(), anyLong(), any(), any());
	}

	@Test
	void aDomainRuleRefusingAFieldPutsItsErrorOnThatField() throws Exception {
		given(this.codes.create(any(), anyLong(), any(), any()))
			.willThrow(new InvalidField("endsAt", "promoCode.error.endBeforeStart"));

		Document page = html(this.mvc.perform(asAlice(post(LIST)).with(csrf())
			.param("partnerId", "5")
			.param("code", "SPRING10")
			.param("startsAt", "2030-07-10T09:00")
			.param("endsAt", "2030-07-01T09:00")).andExpect(status().isBadRequest()));

		assertThat(page.select("#error-message").text()).isEqualTo("The end must come after the start.");
		assertThat(page.select("#code-ends-at").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#code-ends-at").val()).isEqualTo("2030-07-01T09:00");
		assertThat(page.select("#code-starts-at").attr("aria-invalid")).isEmpty();
	}

	@Test
	void aRefusedCodeMarksTheCodeField() throws Exception {
		given(this.codes.create(any(), anyLong(), any(), any()))
			.willThrow(new InvalidField("code", "promoCode.error.exactFormat"));

		Document page = html(this.mvc.perform(asAlice(post(LIST)).with(csrf())
			.param("partnerId", "5")
			.param("code", "no way!")).andExpect(status().isBadRequest()));

		assertThat(page.select("#error-message").text())
			.isEqualTo("An exact code has 1 to 64 letters, digits, - or _.");
		assertThat(page.select("#code-code").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#code-code").val()).isEqualTo("no way!");
	}

	private static PromoCodeView created(String code) {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		return new PromoCodeView(1, 11, 5, "Trailblazer Deals", code, MatchType.EXACT, CreditPolicy.ALWAYS, now, null,
				"UTC", PromoCodeState.ACTIVE, now, "alice@acme.example", null, null, null);
	}

	/** {@code count} codes, newest (highest id) first, from {@code newest} down. */
	private static List<PromoCodeView> codes(long newest, int count) {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		return java.util.stream.LongStream.range(0, count)
			.mapToObj(n -> new PromoCodeView(newest - n, 11, 5, "Trailblazer Deals", "CODE" + (newest - n),
					MatchType.EXACT, CreditPolicy.ALWAYS, now, null, "UTC", PromoCodeState.ACTIVE, now,
					"alice@acme.example", null, null, null))
			.toList();
	}

	private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
		return request.with(authentication(SignedInUsers.authenticationOf(ALICE)));
	}

	private static Document html(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
