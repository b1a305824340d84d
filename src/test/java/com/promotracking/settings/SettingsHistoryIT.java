package com.promotracking.settings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ACME;
import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change history of a program's settings, over real HTTP: what a change and a refusal record, that a
 * brand admin sees what a CSM did for their brand, paging through the API and the page, and the CSM's brand
 * switcher and banner.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SettingsHistoryIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	Program acmeUs;

	@BeforeEach
	void startFromBothOff() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
		this.http.put(ALICE, this.acmeUs.id(), false, false);
	}

	// ---------------------------------------------------------------- what an entry records

	@Test
	void anApiChangeRecordsWhoWhenForWhichBrandThroughWhichChannelAndEachFieldsOldAndNewValue() {
		Instant before = Instant.now().minusSeconds(5);
		Http.expect(this.http.api("PUT", Http.settingsApiPath(this.acmeUs.id()), ALICE, Http.body(true, false)), 200);
		Instant after = Instant.now().plusSeconds(5);

		JsonNode entry = this.http.history(ALICE, this.acmeUs.id(), 0, 1).get(0);
		assertThat(Instant.parse(entry.get("at").asString())).isBetween(before, after);
		assertThat(entry.get("actor").asString()).isEqualTo(ALICE);
		assertThat(entry.get("actorRole").asString()).isEqualTo("brand-admin");
		assertThat(entry.get("actingForBrand").get("id").asLong()).isEqualTo(this.acmeUs.brandId());
		assertThat(entry.get("actingForBrand").get("name").asString()).isEqualTo(ACME);
		assertThat(entry.get("channel").asString()).isEqualTo("api");
		assertThat(entry.get("outcome").asString()).isEqualTo("changed");
		assertThat(entry.get("changes").propertyNames()).containsExactly("promoCodeTrackingEnabled");
		assertThat(entry.at("/changes/promoCodeTrackingEnabled/from").isBoolean()).isTrue();
		assertThat(entry.at("/changes/promoCodeTrackingEnabled/from").asBoolean()).isFalse();
		assertThat(entry.at("/changes/promoCodeTrackingEnabled/to").asBoolean()).isTrue();
		assertThat(entry.has("type")).as("only refusals carry a problem type").isFalse();
	}

	@Test
	void aCsmChangeThroughThePageIsRecordedAndTheBrandAdminSeesItInTheApiAndOnThePage() {
		Session carol = this.http.login(CAROL);
		String page = Http.adSettingsPath(this.acmeUs.id());
		Document form = this.http.get(carol, page).html();
		long version = Long.parseLong(form.selectFirst("#ad-settings-form input[name=version]").val());
		Http.expect(this.http.postForm(carol, page,
				Http.adSettingsForm(true, true, version, form.selectFirst("input[name=_csrf]").val())), 302);

		JsonNode entry = this.http.history(ALICE, this.acmeUs.id(), 0, 1).get(0);
		assertThat(entry.get("actor").asString()).isEqualTo(CAROL);
		assertThat(entry.get("actorRole").asString()).isEqualTo("csm");
		assertThat(entry.get("channel").asString()).isEqualTo("page");
		assertThat(entry.get("outcome").asString()).isEqualTo("changed");
		assertThat(entry.get("actingForBrand").get("id").asLong()).isEqualTo(this.acmeUs.brandId());
		assertThat(entry.get("actingForBrand").get("name").asString()).isEqualTo(ACME);
		assertThat(entry.get("changes").propertyNames()).containsExactlyInAnyOrder("promoCodeTrackingEnabled",
				"partnerPromoCodeRequestsAllowed");
		assertThat(entry.at("/changes/partnerPromoCodeRequestsAllowed/from").asBoolean()).isFalse();
		assertThat(entry.at("/changes/partnerPromoCodeRequestsAllowed/to").asBoolean()).isTrue();

		Document alicePage = this.http.get(this.http.login(ALICE), page).html();
		Element newest = alicePage.selectFirst("#history #history-table tbody tr");
		assertThat(newest).as("a history row on Alice's page").isNotNull();
		assertThat(newest.text()).contains(CAROL, "Customer success manager", ACME, "Settings page", "Changed",
				"Promo code tracking: off → on", "Partner promo code requests: off → on");
	}

	@Test
	void theHistoryOnThePageIsInTheUsersLanguage() {
		this.http.put(CAROL, this.acmeUs.id(), true, false);
		Session alice = this.http.login(ALICE);

		Document french = this.http.get(alice, Http.adSettingsPath(this.acmeUs.id()), "fr-FR,fr;q=0.9").html();

		assertThat(french.getElementById("history-heading").text()).isEqualTo("Historique des modifications");
		assertThat(french.selectFirst("#history-table tbody tr").text()).contains(CAROL, "Modifié",
				"Suivi des codes promo : désactivé → activé");
	}

	@Test
	void aRefusedAttemptIsRecordedWithItsReasonAndChangesNothing() {
		Program acmeFr = this.http.program(ACME_FR);
		this.http.put(ALICE, acmeFr.id(), false, false);
		JsonNode before = this.http.settings(ALICE, acmeFr.id());
		int historyBefore = this.http.historyLength(ALICE, acmeFr.id());

		Response refused = this.http.api("PUT", Http.settingsApiPath(acmeFr.id()), ALICE, Http.body(true, false));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("promo-code-not-validated");
		assertThat(this.http.settings(ALICE, acmeFr.id())).as("nothing changed").isEqualTo(before);
		assertThat(this.http.historyLength(ALICE, acmeFr.id())).isEqualTo(historyBefore + 1);
		JsonNode entry = this.http.history(ALICE, acmeFr.id(), 0, 1).get(0);
		assertThat(entry.get("outcome").asString()).isEqualTo("refused");
		assertThat(entry.get("type").asString()).endsWith("/promo-code-not-validated");
		assertThat(entry.get("actor").asString()).isEqualTo(ALICE);
		assertThat(entry.get("channel").asString()).isEqualTo("api");
		assertThat(entry.at("/changes/promoCodeTrackingEnabled/to").asBoolean()).as("what was asked for").isTrue();

		// The same refusal through the page, by the CSM: recorded too, and shown as refused.
		Session carol = this.http.login(CAROL);
		String page = Http.adSettingsPath(acmeFr.id());
		Document form = this.http.get(carol, page).html();
		Response refusedPage = this.http.postForm(carol, page, Http.adSettingsForm(true, false,
				Long.parseLong(form.selectFirst("#ad-settings-form input[name=version]").val()),
				form.selectFirst("input[name=_csrf]").val()));
		assertThat(refusedPage.status()).isEqualTo(422);
		assertThat(refusedPage.html().getElementById("refusal-message")).isNotNull();
		assertThat(this.http.settings(ALICE, acmeFr.id())).as("nothing changed").isEqualTo(before);
		JsonNode pageEntry = this.http.history(ALICE, acmeFr.id(), 0, 1).get(0);
		assertThat(pageEntry.get("outcome").asString()).isEqualTo("refused");
		assertThat(pageEntry.get("actor").asString()).isEqualTo(CAROL);
		assertThat(pageEntry.get("channel").asString()).isEqualTo("page");
		assertThat(pageEntry.get("type").asString()).endsWith("/promo-code-not-validated");
		Element row = this.http.get(this.http.login(ALICE), page).html().selectFirst("#history-table tbody tr");
		assertThat(row.hasClass("refused")).isTrue();
		assertThat(row.text()).contains(CAROL, "Refused", "Promo code not validated");
	}

	@Test
	void aSaveThatChangesNothingIsAcceptedAndLeavesNoEntry() {
		long id = this.acmeUs.id();
		JsonNode before = this.http.settings(ALICE, id);
		int historyBefore = this.http.historyLength(ALICE, id);

		Response api = this.http.api("PUT", Http.settingsApiPath(id), ALICE, Http.body(false, false), "If-Match",
				"\"" + before.get("version").asLong() + "\"");
		Session carol = this.http.login(CAROL);
		String page = Http.adSettingsPath(id);
		Response form = this.http.postForm(carol, page, Http.adSettingsForm(false, false,
				before.get("version").asLong(), this.http.csrf(carol, page)));

		assertThat(api.status()).isEqualTo(200);
		assertThat(form.status()).isEqualTo(302);
		assertThat(this.http.settings(ALICE, id).get("version")).isEqualTo(before.get("version"));
		assertThat(this.http.historyLength(ALICE, id)).isEqualTo(historyBefore);
	}

	@ParameterizedTest(name = "?{0}")
	@ValueSource(strings = { "size=0", "size=101", "page=-1", "page=abc", "size=abc" })
	void invalidPagingParametersAreABadRequestProblem(String query) {
		Response response = this.http.api("GET", Http.historyApiPath(this.acmeUs.id()) + "?" + query, ALICE, null);

		assertThat(response.status()).as("%s", response).isEqualTo(400);
		assertThat(response.contentType()).startsWith(Http.PROBLEM_JSON);
		assertThat(response.problemType()).isEqualTo("invalid-request");
	}

	// ---------------------------------------------------------------- paging

	/**
	 * 25 entries in a known, irregular order (changes and refusals, by Alice and Carol), made through the API
	 * on a history emptied first, so every page's content is known exactly.
	 */
	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class WithTwentyFiveEntries {

		static final int ENTRIES = 25;

		/** Fingerprints of the entries, oldest first. */
		final List<String> made = new ArrayList<>();

		@BeforeAll
		void makeTwentyFiveEntries() {
			Http http = Http.on(SettingsHistoryIT.this.port, SettingsHistoryIT.this.json);
			long id = http.program(ACME_US).id();
			http.put(ALICE, id, false, false);
			SettingsHistoryIT.this.jdbc.update("delete from history_entry where program_id = ?", id);
			Random random = new Random(20261126);
			boolean tracking = false;
			boolean requests = false;
			while (this.made.size() < ENTRIES) {
				boolean wantTracking = random.nextBoolean();
				boolean wantRequests = random.nextBoolean();
				if (wantTracking == tracking && wantRequests == requests) {
					continue; // a save that changes nothing leaves no entry
				}
				String user = random.nextBoolean() ? ALICE : CAROL;
				Map<String, String> changes = new TreeMap<>();
				if (wantTracking != tracking) {
					changes.put("promoCodeTrackingEnabled", tracking + "->" + wantTracking);
				}
				if (wantRequests != requests) {
					changes.put("partnerPromoCodeRequestsAllowed", requests + "->" + wantRequests);
				}
				Response response = http.api("PUT", Http.settingsApiPath(id), user,
						Http.body(wantTracking, wantRequests));
				if (wantRequests && !wantTracking) {
					assertThat(response.status()).isEqualTo(422);
					this.made.add(user + " refused " + changes + " partner-requests-require-tracking");
				}
				else {
					assertThat(response.status()).isEqualTo(200);
					this.made.add(user + " changed " + changes + " -");
					tracking = wantTracking;
					requests = wantRequests;
				}
			}
			assertThat(this.made).as("an irregular mix").anyMatch(m -> m.contains("refused"))
				.anyMatch(m -> m.startsWith(CAROL))
				.anyMatch(m -> m.startsWith(ALICE));
		}

		@Test
		void theApiPagesNewestFirstAndAPagePastTheEndIsEmpty() {
			Http http = Http.on(SettingsHistoryIT.this.port, SettingsHistoryIT.this.json);
			long id = http.program(ACME_US).id();
			List<String> newestFirst = new ArrayList<>(this.made);
			Collections.reverse(newestFirst);

			List<JsonNode> page0 = http.history(ALICE, id, 0, 10);
			List<JsonNode> page1 = http.history(ALICE, id, 1, 10);
			List<JsonNode> page2 = http.history(ALICE, id, 2, 10);
			List<JsonNode> page3 = http.history(ALICE, id, 3, 10);

			assertThat(fingerprints(page0)).isEqualTo(newestFirst.subList(0, 10));
			assertThat(fingerprints(page1)).isEqualTo(newestFirst.subList(10, 20));
			assertThat(fingerprints(page2)).isEqualTo(newestFirst.subList(20, 25));
			assertThat(page3).isEmpty();
			List<Instant> times = new ArrayList<>();
			for (List<JsonNode> page : List.of(page0, page1, page2)) {
				page.forEach(entry -> times.add(Instant.parse(entry.get("at").asString())));
			}
			assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
			assertThat(fingerprints(http.history(ALICE, id, 0, 100))).isEqualTo(newestFirst);
			Response defaults = http.api("GET", Http.historyApiPath(id), CAROL, null);
			assertThat(defaults.status()).isEqualTo(200);
			assertThat(defaults.contentType()).startsWith("application/json");
			assertThat(defaults.json().get(0).get("actor").asString()).isEqualTo(newestFirst.get(0).split(" ")[0]);
		}

		@Test
		void theAdSettingsPageShowsTenEntriesAtATimeWithLinksToOlderAndNewerOnes() {
			Http http = Http.on(SettingsHistoryIT.this.port, SettingsHistoryIT.this.json);
			String page = Http.adSettingsPath(http.program(ACME_US).id());
			Session alice = http.login(ALICE);
			List<String> newestFirst = new ArrayList<>(this.made);
			Collections.reverse(newestFirst);

			Document first = http.get(alice, page).html();
			assertThat(first.select("#history-table tbody tr")).hasSize(10);
			assertThat(first.selectFirst("#history-table tbody tr td:nth-child(2) span").text())
				.isEqualTo(newestFirst.get(0).split(" ")[0]);
			assertThat(first.getElementById("history-older")).isNotNull();
			assertThat(first.getElementById("history-older").attr("href")).contains("historyPage=1");
			assertThat(first.getElementById("history-newer")).isNull();

			Document middle = http.get(alice, page + "?historyPage=1").html();
			assertThat(middle.select("#history-table tbody tr")).hasSize(10);
			assertThat(middle.getElementById("history-older")).isNotNull();
			assertThat(middle.getElementById("history-newer")).isNotNull();

			Document last = http.get(alice, page + "?historyPage=2").html();
			assertThat(last.select("#history-table tbody tr")).hasSize(5);
			assertThat(last.getElementById("history-older")).isNull();
			assertThat(last.getElementById("history-newer").attr("href")).contains("historyPage=1");
			assertThat(last.select("#history-table tbody tr.refused")).hasSize(
					(int) newestFirst.subList(20, 25).stream().filter(m -> m.contains(" refused ")).count());
		}

		private List<String> fingerprints(List<JsonNode> entries) {
			return entries.stream().map(entry -> {
				Map<String, String> changes = new TreeMap<>();
				entry.get("changes").properties().forEach(change -> changes.put(change.getKey(),
						change.getValue().get("from").asBoolean() + "->" + change.getValue().get("to").asBoolean()));
				String type = entry.has("type")
						? entry.get("type").asString().substring(entry.get("type").asString().lastIndexOf('/') + 1)
						: "-";
				return entry.get("actor").asString() + " " + entry.get("outcome").asString() + " " + changes + " "
						+ type;
			}).toList();
		}

	}

	// ---------------------------------------------------------------- the CSM's brand switcher

	@Test
	void theCsmPicksFromOnlyTheirAssignedBrandsAndSeesWhomTheyActFor() {
		Document page = this.http.get(this.http.login(CAROL), Http.adSettingsPath(this.acmeUs.id())).html();

		Element switcher = page.getElementById("brand-switch");
		assertThat(switcher).as("brand switcher").isNotNull();
		assertThat(switcher.select("option")).extracting(Element::text).containsExactly(ACME, "Northwind Sports");
		assertThat(switcher.selectFirst("option").val()).isEqualTo(Long.toString(this.acmeUs.brandId()));
		assertThat(page.getElementById("acting-banner")).as("acting banner").isNotNull();
		assertThat(page.getElementById("acting-banner").text()).isEqualTo("You are acting on behalf of Acme Outdoor.");
	}

	@Test
	void aBrandAdminSeesNeitherSwitcherNorBanner() {
		for (String admin : List.of(ALICE, BOB)) {
			Program program = this.http.program(admin.equals(ALICE) ? ACME_US : GLOBEX_MAIN);
			Document page = this.http.get(this.http.login(admin), Http.adSettingsPath(program.id())).html();
			assertThat(page.getElementById("ad-settings-form")).as(admin).isNotNull();
			assertThat(page.getElementById("brand-switch")).as(admin).isNull();
			assertThat(page.getElementById("acting-banner")).as(admin).isNull();
		}
	}

	@Test
	void theCsmCannotSwitchToABrandNotAssignedToThem() {
		Session carol = this.http.login(CAROL);
		long globex = this.http.program(GLOBEX_MAIN).brandId();

		Response foreign = this.http.get(carol, "/settings?brandId=" + globex);
		Response own = this.http.get(carol, "/settings?brandId=" + this.acmeUs.brandId() + "&section=ad-settings");

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(own.status()).isEqualTo(302);
		assertThat(own.location()).matches(".*/programs/(" + this.acmeUs.id() + "|"
				+ this.http.program(ACME_FR).id() + ")/settings/ad-settings");
	}

}
