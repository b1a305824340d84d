package com.promotracking.apikeys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.promotracking.audit.Channel;
import com.promotracking.programs.BrandView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.security.SecurityTestSupport;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Settings → General → API keys, with the service mocked and the real security. */
@WebMvcTest(controllers = ApiKeysController.class)
@Import({ SecurityTestSupport.class, SignedInUsers.class })
class ApiKeysControllerTest {

	private static final String PAGE = "/settings/api-keys";

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final BrandView ACME = new BrandView(1, "Acme Outdoor");

	private static final ProgramView ACME_US = new ProgramView(11, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final Instant CREATED = Instant.parse("2026-10-20T08:00:00Z");

	private static final ApiKeyView ACTIVE = new ApiKeyView(5, 1, "Shop server", "pct_abcdefgh", CREATED,
			"alice@acme.example", null, null, null);

	private static final ApiKeyView REVOKED = new ApiKeyView(4, 1, "Old server", "pct_zyxwvuts", CREATED,
			"alice@acme.example", CREATED.plusSeconds(60), CREATED.plusSeconds(3600), "carol@csm.example");

	private static final String SECRET = "pct_" + "S".repeat(43);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ApiKeyService keys;

	@MockitoBean
	private ProgramCatalog catalog;

	@BeforeEach
	void aliceHasTwoKeys() {
		given(this.keys.brand(ALICE, null)).willReturn(ACME);
		given(this.keys.brand(ALICE, 1L)).willReturn(ACME);
		given(this.keys.brand(ALICE, 2L)).willThrow(new ApiKeyNotFound());
		given(this.keys.brandsOf(ALICE)).willReturn(List.of(ACME));
		given(this.keys.list(ALICE, 1L)).willReturn(List.of(ACTIVE, REVOKED));
		given(this.keys.list(ALICE, null)).willReturn(List.of(ACTIVE, REVOKED));
		given(this.catalog.menuOf(ALICE)).willReturn(List.of(ACME_US));
	}

	@Test
	void thePageListsTheBrandsKeysWithoutSecretsUnderGeneralInTheSettingsMenu() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE)))
			.andExpect(status().isOk())
			.andExpect(view().name("apikeys/list")));

		assertThat(page.select("h1").text()).isEqualTo("API keys of Acme Outdoor");
		assertThat(page.select("#key-5 td").eachText()).startsWith("Shop server", "pct_abcdefgh…")
			.contains("Never", "Active");
		assertThat(page.select("#key-5 td").get(2).text()).contains("alice@acme.example");
		assertThat(page.select("#revoke-5").attr("href")).isEqualTo("/settings/api-keys/5/revocation");
		assertThat(page.select("#key-4 td").eachText()).anyMatch(text -> text.startsWith("Revoked on"));
		assertThat(page.select("#revoke-4")).isEmpty();
		assertThat(page.select("#new-key")).isEmpty();
		assertThat(page.select("#create-api-key input[name=brandId]").val()).isEqualTo("1");

		assertThat(page.select("aside.settings-menu h2").first().text()).isEqualTo("General");
		assertThat(page.select("#menu-api-keys").text()).isEqualTo("API keys");
		assertThat(page.select("#menu-api-keys").attr("href")).isEqualTo("/settings/api-keys?brandId=1");
		assertThat(page.select("#menu-api-keys").attr("aria-current")).isEqualTo("page");
		assertThat(page.select("#menu-ad-settings").attr("href")).isEqualTo("/programs/11/settings/ad-settings");
	}

	@Test
	void thePageIsInFrench() throws Exception {
		Document page = html(this.mvc.perform(asAlice(get(PAGE).param("lang", "fr"))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("Clés d'API de Acme Outdoor");
		assertThat(page.select("#menu-api-keys").text()).isEqualTo("Clés d'API");
		assertThat(page.select("#create-api-key-submit").text()).isEqualTo("Créer la clé");
		assertThat(page.select("#key-5 td").eachText()).contains("Jamais", "Active");
	}

	@Test
	void creatingShowsTheKeyOnceWithACopyHintAndNoCache() throws Exception {
		given(this.keys.create(eq(ALICE), any(), eq(Channel.PAGE))).willReturn(new CreatedApiKey(ACTIVE, SECRET));

		Document page = html(this.mvc
			.perform(asAlice(post(PAGE)).with(csrf()).param("brandId", "1").param("name", "Shop server"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(view().name("apikeys/list")));

		verify(this.keys).create(ALICE, new NewApiKey(1L, "Shop server"), Channel.PAGE);
		assertThat(page.select("#new-key-value").val()).isEqualTo(SECRET);
		assertThat(page.select("#new-key-value").hasAttr("readonly")).isTrue();
		assertThat(page.select("#new-key-hint").text()).contains("Copy this key now", "never be shown again");
		assertThat(page.select("#key-name").val()).isEmpty();
	}

	@Test
	void aBlankNameIsRefusedOnTheFormAndNothingIsMade() throws Exception {
		Document page = html(this.mvc.perform(asAlice(post(PAGE)).with(csrf()).param("brandId", "1").param("name", " "))
			.andExpect(status().isBadRequest()));

		verify(this.keys, never()).create(any(), any(), any());
		assertThat(page.select("#error-message").text()).isEqualTo("Give the key a name.");
		assertThat(page.select("#new-key")).isEmpty();
	}

	@Test
	void creatingWithoutTheCsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(asAlice(post(PAGE)).param("brandId", "1").param("name", "Shop"))
			.andExpect(status().isForbidden());

		verify(this.keys, never()).create(any(), any(), any());
	}

	@Test
	void revokingAsksFirstThenRevokesAndComesBackWithANotice() throws Exception {
		Document confirmation = html(this.mvc.perform(asAlice(get(PAGE + "/5/revocation")))
			.andExpect(status().isOk())
			.andExpect(view().name("apikeys/revoke")));
		assertThat(confirmation.select("#revoke-question").text()).isEqualTo("Revoke the API key Shop server of Acme Outdoor?");
		assertThat(confirmation.select("#revoke-api-key").attr("action")).isEqualTo(PAGE + "/5/revocation");
		assertThat(confirmation.select("#revoke-cancel").attr("href")).isEqualTo(PAGE + "?brandId=1");
		verify(this.keys, never()).revoke(any(), anyLong(), any());

		this.mvc.perform(asAlice(post(PAGE + "/5/revocation")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(PAGE + "?brandId=1"))
			.andExpect(flash().attribute("message", "apiKeys.revoked"))
			.andExpect(flash().attribute("messageArgument", "Shop server"));
		verify(this.keys).revoke(ALICE, 5, Channel.PAGE);
	}

	@Test
	void revokingARevokedKeySaysSo() throws Exception {
		given(this.keys.revoke(ALICE, 4, Channel.PAGE)).willThrow(new ApiKeyAlreadyRevoked());

		this.mvc.perform(asAlice(post(PAGE + "/4/revocation")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "apiKeys.alreadyRevoked"));
	}

	@Test
	void aKeyOrBrandTheUserMayNotSeeIsThe404Page() throws Exception {
		this.mvc.perform(asAlice(get(PAGE).param("brandId", "2")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
		this.mvc.perform(asAlice(get(PAGE + "/99/revocation")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
		this.mvc.perform(asAlice(post(PAGE + "/99/revocation")).with(csrf()))
			.andExpect(status().isNotFound());

		verify(this.keys, never()).revoke(any(), anyLong(), any());
	}

	@Test
	void aBrandWithoutProgramsShowsOnlyThisPageInTheMenu() throws Exception {
		given(this.catalog.menuOf(ALICE)).willReturn(List.of());

		Document page = html(this.mvc.perform(asAlice(get(PAGE))).andExpect(status().isOk()));

		assertThat(page.select("aside.settings-menu a").eachAttr("id")).containsExactly("menu-api-keys");
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get(PAGE)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

		verifyNoInteractions(this.keys);
	}

	private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
		return request.with(authentication(SignedInUsers.authenticationOf(ALICE)));
	}

	private static Document html(ResultActions result) throws Exception {
		MvcResult done = result.andReturn();
		return Jsoup.parse(done.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
