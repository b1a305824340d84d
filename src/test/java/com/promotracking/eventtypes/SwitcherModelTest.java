package com.promotracking.eventtypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.promotracking.audit.Channel;
import com.promotracking.programs.BrandView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramSwitcher;
import com.promotracking.programs.ProgramView;
import com.promotracking.security.SecurityTestSupport;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The switchers' model (programs.SwitcherModel) seen from a feature's page and API: pages get the programs and,
 * for a CSM, the brands; a JSON call or a redirect never reads them.
 */
@WebMvcTest(controllers = { EventTypesController.class, EventTypeApiController.class })
@Import({ SecurityTestSupport.class, SignedInUsers.class })
class SwitcherModelTest {

	private static final CurrentUser CAROL = new CurrentUser(9, "carol@csm.example", "Carol CSM", Role.CSM,
			Set.of(1L, 3L));

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final ProgramView ACME_US = new ProgramView(11, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final ProgramView ACME_FR = new ProgramView(12, "Acme Outdoor FR", 1, "Acme Outdoor");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private EventTypeService service;

	@MockitoBean
	private ProgramCatalog catalog;

	@MockitoBean
	private PromoCodeValidations validations;

	@BeforeEach
	void programs() {
		for (CurrentUser user : List.of(CAROL, ALICE)) {
			given(this.catalog.require(user, 12)).willReturn(ACME_FR);
			given(this.catalog.menuOf(user)).willReturn(List.of(ACME_US, ACME_FR));
			given(this.service.list(user, 12)).willReturn(List.of());
		}
		given(this.catalog.brandsOf(CAROL))
			.willReturn(List.of(new BrandView(1, "Acme Outdoor"), new BrandView(3, "Northwind Sports")));
		given(this.validations.of(12)).willReturn(Optional.empty());
	}

	@Test
	void aPageOfACsmGetsTheProgramSwitcherAndTheBrandSwitcher() throws Exception {
		Document page = eventTypesPageOf(CAROL);

		assertThat(page.select("form.program-switcher option").eachText()).containsExactly("Acme Outdoor US (Acme Outdoor)",
				"Acme Outdoor FR (Acme Outdoor)");
		assertThat(page.select("form.brand-switcher option").eachText()).containsExactly("Acme Outdoor",
				"Northwind Sports");
		verify(this.catalog).menuOf(CAROL);
		verify(this.catalog).brandsOf(CAROL);
	}

	@Test
	void aBrandAdminOfManyProgramsIsOfferedTheFirstFiftyTheCurrentOneAndTheConsoleForTheRest() throws Exception {
		List<ProgramView> menu = new ArrayList<>();
		for (int i = 1; i <= 59; i++) {
			menu.add(new ProgramView(100 + i, "Program " + i, 1, "Acme Outdoor"));
		}
		menu.add(ACME_FR);
		given(this.catalog.menuOf(ALICE)).willReturn(menu);

		Document page = eventTypesPageOf(ALICE);

		List<String> options = page.select("form.program-switcher option").eachText();
		assertThat(options).hasSize(ProgramSwitcher.SHOWN + 1)
			.startsWith("Acme Outdoor FR (Acme Outdoor)", "Program 1 (Acme Outdoor)")
			.endsWith("Program 50 (Acme Outdoor)");
		assertThat(page.select("form.program-switcher option[selected]").eachText())
			.containsExactly("Acme Outdoor FR (Acme Outdoor)");
		assertThat(page.select("#all-programs").text()).isEqualTo("All 60 programs, in the console");
		assertThat(page.select("#all-programs").attr("href")).isEqualTo("/console");
	}

	@Test
	void aPageOfABrandAdminGetsTheProgramSwitcherAndNoBrandSwitcher() throws Exception {
		Document page = eventTypesPageOf(ALICE);

		assertThat(page.select("form.program-switcher option")).hasSize(2);
		assertThat(page.select("form.program-switcher option[selected]").eachText())
			.containsExactly("Acme Outdoor FR (Acme Outdoor)");
		assertThat(page.select("#all-programs")).as("all programs are offered").isEmpty();
		assertThat(page.select("form.brand-switcher")).isEmpty();
		verify(this.catalog, never()).brandsOf(any());
	}

	@Test
	void aJsonCallReadsNeitherTheProgramsNorTheBrands() throws Exception {
		this.mvc
			.perform(get("/api/programs/12/event-types").with(authentication(SignedInUsers.authenticationOf(CAROL))))
			.andExpect(status().isOk());

		verify(this.service).list(CAROL, 12);
		verifyNoInteractions(this.catalog);
	}

	@Test
	void aJsonWriteReadsNeitherTheProgramsNorTheBrands() throws Exception {
		given(this.service.create(any(), any(Long.class), any(), any()))
			.willReturn(new EventTypeSummary(33, "Newsletter", EventTypeKind.LEAD, false));

		this.mvc
			.perform(post("/api/programs/12/event-types").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Newsletter\", \"kind\": \"lead\"}")
				.with(csrf())
				.with(authentication(SignedInUsers.authenticationOf(CAROL))))
			.andExpect(status().isCreated());

		verify(this.service).create(CAROL, 12, new NewEventType("Newsletter", "lead"), Channel.API);
		verifyNoInteractions(this.catalog);
	}

	@Test
	void aPageThatRedirectsReadsNeitherTheProgramsNorTheBrands() throws Exception {
		given(this.service.create(any(), any(Long.class), any(), any()))
			.willReturn(new EventTypeSummary(33, "Newsletter", EventTypeKind.LEAD, false));

		this.mvc
			.perform(post("/programs/12/event-types").param("name", "Newsletter")
				.param("kind", "LEAD")
				.with(csrf())
				.with(authentication(SignedInUsers.authenticationOf(CAROL))))
			.andExpect(status().isFound());

		verify(this.catalog, never()).menuOf(any());
		verify(this.catalog, never()).brandsOf(any());
	}

	/** The event types page of program 12 as the user sees it, answered 200. */
	private Document eventTypesPageOf(CurrentUser user) throws Exception {
		return Jsoup.parse(this.mvc
			.perform(get("/programs/12/event-types").with(authentication(SignedInUsers.authenticationOf(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
