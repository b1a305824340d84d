package com.promotracking.console;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.OLIVIA;
import static com.promotracking.support.Http.PASSWORDS;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages over real HTTP with a signed-in session: who gets it, a filter that cannot be read, the French
 * page, and the confirmed change with each kind of result line, a program changed meanwhile among them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsolePagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	ConsoleBrand world;

	Session admin;

	@BeforeEach
	void aBrandOfItsOwnSignedIn() {
		this.http = Http.on(this.port, this.json);
		this.world = ConsoleBrand.create(this.jdbc);
		this.admin = this.http.anonymous();
		assertThat(this.http.loginAttempt(this.admin, this.world.admin(), PASSWORDS.get(ALICE)).status())
			.isEqualTo(302);
	}

	@Test
	void brandAdminsAndCsmsFindTheConsoleInTheirMenuAndNobodyElseGetsIt() {
		for (String user : List.of(ALICE, CAROL)) {
			Document home = this.http.get(this.http.login(user), "/console").html();
			assertThat(home.getElementById("menu-console")).as(user).isNotNull();
			assertThat(home.getElementById("console-filters")).as(user).isNotNull();
		}
		for (String user : List.of(PAT, OLIVIA)) {
			Session session = this.http.login(user);
			assertThat(this.http.get(session, "/").html().getElementById("menu-console")).as(user).isNull();
			Response console = this.http.get(session, "/console");
			assertThat(console.status()).as(user).isEqualTo(403);
			assertThat(console.html().text()).as(user)
				.contains("The console shows the programs of the brands you manage; this account manages none.");
		}
	}

	@Test
	void aFilterThatCannotBeReadIsA400PageThatListsNothing() {
		this.world.program("Listed", true);

		Response page = this.http.get(this.admin, "/console?state=on&sort=price");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.html().getElementById("error-message").text()).contains(
				"The state must be ready-to-enable, needs-validation, enabled or requests-waiting.",
				"Sort by one of the console's columns");
		assertThat(page.html().getElementById("console-programs")).isNull();
	}

	@Test
	void aSearchWithAPlusKeepsItInTheSortLinks() {
		this.world.program("Gear+Plus", true);
		this.world.program("Gear Plus", true);

		Document page = this.http.get(this.admin, "/console?q=Gear%2BPlus").html();
		String sorted = page.getElementById("sort-program").attr("href");

		assertThat(rows(page)).containsExactly("Gear+Plus");
		assertThat(sorted).isEqualTo("/console?q=Gear%2BPlus&sort=program");
		assertThat(rows(this.http.get(this.admin, sorted).html())).containsExactly("Gear+Plus");
	}

	@Test
	void theFilterIsInTheAddressAndEachColumnSortsBothWays() {
		this.world.program("Alpha", true);
		this.world.program("Beta", false);

		Document page = this.http.get(this.admin, "/console?state=ready-to-enable&sort=program").html();

		assertThat(rows(page)).containsExactly("Alpha");
		assertThat(page.getElementById("sort-program").attr("href")).isEqualTo("/console?state=ready-to-enable&sort=-program");
		assertThat(page.getElementById("sort-live-codes").attr("href"))
			.isEqualTo("/console?state=ready-to-enable&sort=live-codes");
		assertThat(page.selectFirst("th[aria-sort]").attr("aria-sort")).isEqualTo("ascending");
		assertThat(page.select("#filter-brand option[selected]")).as("no brand chosen").isEmpty();

		Document ofBrand = this.http.get(this.admin, "/console?brandId=" + this.world.id()).html();
		assertThat(rows(ofBrand)).containsExactly("Alpha", "Beta");
		assertThat(ofBrand.select("#filter-brand").attr("name")).isEqualTo("brandId");
		assertThat(ofBrand.select("#filter-brand option[selected]").eachAttr("value")).containsExactly(Long.toString(this.world.id()));

		Response unreadable = this.http.get(this.admin, "/console?brandId=abc");
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.html().select("#filter-brand option[selected]")).isEmpty();
	}

	@Test
	void theConsoleSpeaksFrench() {
		this.world.program("Alpha", true);

		Document page = this.http.get(this.admin, "/console", "fr").html();

		assertThat(page.selectFirst("h1").text()).isEqualTo("Console : le suivi des codes promo de vos programmes");
		assertThat(page.getElementById("bulk-enable").text()).isEqualTo("Activer le suivi des codes promo");
		assertThat(page.getElementById("program-" + this.world.id("Alpha")).selectFirst(".validated").text())
			.isEqualTo("Oui : VALID10");
	}

	@Test
	void theConfirmationSaysWhatChangesAndWhatIsSkippedAndTheResultHasALinePerProgram() {
		long ready = this.world.program("Ready", true);
		long late = this.world.program("Late", true);
		long already = this.world.program("Already", true);
		this.world.track(already, false);
		long notValidated = this.world.program("Not validated", false);

		Document confirmation = post("/console/promo-code-tracking/confirmation",
				"ids", ready, "ids", late, "ids", already, "ids", notValidated, "enable", "true").html();

		assertThat(confirmation.getElementById("confirm-summary").text()).isEqualTo("Will change: 2. Skipped: 2.");
		assertThat(confirmation.select("#will-change li").eachText()).containsExactlyInAnyOrder(
				"Ready (" + this.world.name() + ")", "Late (" + this.world.name() + ")");
		assertThat(confirmation.select("#already-so li").eachText()).containsExactly("Already (" + this.world.name() + ")");
		assertThat(confirmation.select("#not-validated li").eachText())
			.containsExactly("Not validated (" + this.world.name() + ")");
		assertThat(confirmation.getElementById("confirm-submit").text()).isEqualTo("Enable tracking in 2 programs");

		// Someone else saves "Late" (tracking on, then off again) between the confirmation and the click.
		this.jdbc.update("update promo_code_settings set version = version + 2 where program_id = ?", late);
		Response change = post("/console/promo-code-tracking", fields(confirmation));
		assertThat(change.status()).isEqualTo(302);
		assertThat(change.location()).endsWith("/console/promo-code-tracking/result");
		Document result = this.http.get(this.admin, "/console/promo-code-tracking/result").html();

		assertThat(result.select("#results tbody tr")).extracting(row -> row.select("th").text() + ": "
				+ row.selectFirst(".result-outcome").text())
			.containsExactlyInAnyOrder("Ready: Enabled",
					"Late: Changed by someone else meanwhile: not changed (Settings changed meanwhile)",
					"Already: Already on: not changed", "Not validated: Refused: Promo code not validated");
		assertThat(this.jdbc.queryForObject("select count(*) from history_entry where program_id = ?", Integer.class,
				notValidated)).as("a skipped program is not tried").isZero();
		assertThat(this.http.get(this.admin, "/console/promo-code-tracking/result").location())
			.as("the result once shown").endsWith("/console");
	}

	@Test
	void disablingInBulkWorksTheSameWay() {
		long on = this.world.program("On", true);
		this.world.track(on, true);

		Response confirming = post("/console/promo-code-tracking/confirmation", "ids", on, "enable", "false");
		assertThat(confirming.status()).as("%s", confirming).isEqualTo(200);
		Document confirmation = confirming.html();
		assertThat(confirmation.selectFirst("h1").text()).isEqualTo("Disable promo code tracking?");
		post("/console/promo-code-tracking", fields(confirmation));
		Document result = this.http.get(this.admin, "/console/promo-code-tracking/result").html();

		assertThat(result.selectFirst("h1").text()).isEqualTo("Promo code tracking disabled");
		assertThat(result.selectFirst(".result-outcome").text()).isEqualTo("Disabled");
		assertThat(this.jdbc.queryForObject("""
				select promo_code_tracking_enabled or partner_promo_code_requests_allowed from promo_code_settings
				where program_id = ?""", Boolean.class, on)).isFalse();
	}

	@Test
	void nothingSelectedOrAnUnreadableChangeGoesBackToTheConsoleWithAMessage() {
		Response none = post("/console/promo-code-tracking/confirmation", "enable", "true");
		assertThat(none.status()).isEqualTo(302);
		assertThat(this.http.get(this.admin, path(none)).html().getElementById("flash-message").text())
			.isEqualTo("Select at least one program, or all programs of the filter.");

		Response unreadable = post("/console/promo-code-tracking", "ids", "1", "ids", "2", "versions", "0", "enable",
				"true");
		assertThat(unreadable.status()).isEqualTo(302);
		assertThat(this.http.get(this.admin, path(unreadable)).html().getElementById("flash-message").text())
			.isEqualTo("This change could not be read. Nothing was changed; select the programs again.");
	}

	/** Where a redirect leads, as a path of this server. */
	private static String path(Response redirect) {
		java.net.URI location = java.net.URI.create(redirect.location());
		return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
	}

	private List<String> rows(Document page) {
		return page.select("#console-programs tbody th.program").eachText();
	}

	/** The hidden fields of the confirmation, as its form posts them. */
	private static Object[] fields(Document confirmation) {
		Element form = confirmation.getElementById("confirm-form");
		return form.select("input[type=hidden]")
			.stream()
			.filter(input -> !input.attr("name").equals("_csrf"))
			.flatMap(input -> java.util.stream.Stream.of(input.attr("name"), input.val()))
			.toArray();
	}

	/** A form post with repeated fields, as a browser sends ticked boxes, and the session's CSRF token. */
	private Response post(String path, Object... namesAndValues) {
		StringBuilder body = new StringBuilder("_csrf=" + encode(this.http.csrf(this.admin, "/console")));
		for (int i = 0; i < namesAndValues.length; i += 2) {
			body.append('&').append(encode(namesAndValues[i].toString())).append('=')
				.append(encode(namesAndValues[i + 1].toString()));
		}
		return this.http.send(this.admin, HttpRequest.newBuilder(java.net.URI.create(this.http.base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body.toString())));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
