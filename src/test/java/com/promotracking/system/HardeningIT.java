package com.promotracking.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardening of the issue, checked over real HTTP: CSRF on forms but not on the Basic-auth API, no API
 * access from a session cookie, session fixation protection, logout by POST, cookie flags, security
 * headers, no inline script or style, and login failures that say the same thing and lock a login after
 * five.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HardeningIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	Program program;

	@BeforeEach
	void startFromBothOff() {
		this.http = Http.on(this.port, this.json);
		this.program = this.http.program(ACME_US);
		this.http.put(ALICE, this.program.id(), false, false);
	}

	// ---------------------------------------------------------------- CSRF and the API

	@Test
	void aFormPostWithoutCsrfTokenIsForbiddenAndSavesNothing() {
		Session alice = this.http.login(ALICE);
		String page = Http.adSettingsPath(this.program.id());
		JsonNode before = this.http.settings(ALICE, this.program.id());
		int historyBefore = this.http.historyLength(ALICE, this.program.id());
		long version = before.get("version").asLong();

		Response missing = this.http.postForm(alice, page, Http.adSettingsForm(true, true, version, null));
		Response forged = this.http.postForm(alice, page, Http.adSettingsForm(true, true, version, "forged-token"));

		assertThat(missing.status()).isEqualTo(403);
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.http.settings(ALICE, this.program.id())).isEqualTo(before);
		assertThat(this.http.historyLength(ALICE, this.program.id())).isEqualTo(historyBefore);
		// The same session, with its token, may save: the 403 was about the token only.
		Response withToken = this.http.postForm(alice, page,
				Http.adSettingsForm(true, true, version, this.http.csrf(alice, page)));
		assertThat(withToken.status()).as("%s", withToken).isEqualTo(302);
	}

	@Test
	void theApiWithHttpBasicNeedsNoCsrfToken() {
		Response put = this.http.api("PUT", Http.settingsApiPath(this.program.id()), ALICE, Http.body(true, false));

		assertThat(put.status()).as("%s", put).isEqualTo(200);
		assertThat(put.json().get("promoCodeTrackingEnabled").asBoolean()).isTrue();
		assertThat(put.sessionSetCookie()).as("the API keeps no session").isEmpty();
	}

	@Test
	void aSessionCookieAloneNeverAuthorizesTheApiAndSavesNothing() {
		Session alice = this.http.login(ALICE);
		String csrf = this.http.csrf(alice, Http.adSettingsPath(this.program.id()));
		String api = Http.settingsApiPath(this.program.id());
		JsonNode before = this.http.settings(ALICE, this.program.id());
		int historyBefore = this.http.historyLength(ALICE, this.program.id());

		Response get = this.http.send(alice, HttpRequest.newBuilder(URI.create(this.http.base() + api)).GET());
		Response put = this.http.send(alice, HttpRequest.newBuilder(URI.create(this.http.base() + api))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.PUT(BodyPublishers.ofString(Http.body(true, true))));

		assertThat(get.status()).isEqualTo(401);
		assertThat(put.status()).isEqualTo(401);
		assertThat(this.http.settings(ALICE, this.program.id())).isEqualTo(before);
		assertThat(this.http.historyLength(ALICE, this.program.id())).isEqualTo(historyBefore);
	}

	// ---------------------------------------------------------------- sessions

	@Test
	void theLoginPageOpensNoSessionAndLoggingInAgainIssuesANewSessionId() {
		Session browser = this.http.anonymous();
		this.http.get(browser, "/login");
		assertThat(browser.id()).as("the login page keeps its CSRF token in a cookie, not a session").isNull();
		assertThat(browser.csrfCookie()).isNotNull();

		assertThat(this.http.loginAttempt(browser, ALICE, PASSWORDS.get(ALICE)).status()).isEqualTo(302);
		String first = browser.id();
		Session stolen = browser.copy();
		// Logging in again with a session (fixed by someone else, say): the id changes, the old one is dead.
		Response again = this.http.loginAttempt(browser, CAROL, PASSWORDS.get(CAROL));

		assertThat(again.status()).isEqualTo(302);
		assertThat(first).isNotNull();
		assertThat(browser.id()).isNotNull().isNotEqualTo(first);
		Response withOldId = this.http.get(stolen, Http.adSettingsPath(this.program.id()));
		assertThat(withOldId.status()).isEqualTo(302);
		assertThat(withOldId.location()).endsWith("/login");
		assertThat(this.http.get(browser, Http.adSettingsPath(this.program.id())).status()).isEqualTo(200);
	}

	@Test
	void logoutIsByPostOnlyAndEndsTheSession() {
		Session alice = this.http.login(ALICE);
		String page = Http.adSettingsPath(this.program.id());
		Session oldCookie = alice.copy();

		Response getLogout = this.http.get(alice, "/logout");
		assertThat(getLogout.status()).as("GET /logout is no logout: %s", getLogout).isEqualTo(404);
		assertThat(this.http.get(alice, page).status()).as("still logged in after GET /logout").isEqualTo(200);

		Response withoutToken = this.http.postForm(alice, "/logout", Http.form());
		assertThat(withoutToken.status()).as("POST /logout without CSRF token").isEqualTo(403);
		assertThat(this.http.get(alice, page).status()).as("still logged in").isEqualTo(200);

		Response logout = this.http.postForm(alice, "/logout", Http.form("_csrf", this.http.csrf(alice, page)));
		assertThat(logout.status()).isEqualTo(302);
		assertThat(logout.location()).endsWith("/login?logout");
		Response afterwards = this.http.get(oldCookie, page);
		assertThat(afterwards.status()).isEqualTo(302);
		assertThat(afterwards.location()).endsWith("/login");
		assertThat(this.http.get(alice, "/login?logout").html().getElementById("logged-out")).isNotNull();
	}

	@Test
	void theSessionAndCsrfCookiesAreHttpOnlyAndSameSiteLax() {
		Session browser = this.http.anonymous();
		Response loginPage = this.http.get(browser, "/login");
		Response login = this.http.loginAttempt(browser, ALICE, PASSWORDS.get(ALICE));

		for (String cookie : List.of(loginPage.setCookie(Http.CSRF_COOKIE).orElseThrow(),
				login.sessionSetCookie().orElseThrow())) {
			List<String> attributes = List.of(cookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
			assertThat(attributes).as(cookie).contains("httponly", "samesite=lax");
		}
	}

	// ---------------------------------------------------------------- headers and page content

	@Test
	void pagesAndTheApiSendStrictSecurityHeaders() {
		Session alice = this.http.login(ALICE);
		List<Response> responses = List.of(this.http.get(alice, Http.adSettingsPath(this.program.id())),
				this.http.get(this.http.anonymous(), "/login"),
				this.http.api("GET", Http.settingsApiPath(this.program.id()), ALICE, null));

		for (Response response : responses) {
			String csp = response.header("Content-Security-Policy").orElse("");
			assertThat(csp).as("CSP of %s", response.status())
				.contains("frame-ancestors 'none'")
				.contains("script-src 'self'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(directive(csp, "style-src")).as("styles only from this server").isEqualTo("style-src 'self'");
			assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.header("Referrer-Policy")).hasValueSatisfying(policy -> assertThat(policy)
				.isIn("same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin"));
			assertThat(response.header("X-Frame-Options")).hasValue("DENY");
		}
	}

	@Test
	void pagesCarryNoInlineScriptsOrStyles() {
		Session alice = this.http.login(ALICE);
		Session carol = this.http.login(CAROL);
		String page = Http.adSettingsPath(this.program.id());
		List<Response> pages = List.of(this.http.get(alice, page), this.http.get(carol, page),
				this.http.get(this.http.anonymous(), "/login"));

		for (Response response : pages) {
			assertThat(response.status()).isEqualTo(200);
			Document html = response.html();
			assertThat(html.select("script")).as("scripts").isNotEmpty().allSatisfy(script -> {
				assertThat(script.attr("src")).as("a script loads from a file").isNotBlank();
				assertThat(script.data()).as("and has no inline code").isBlank();
			});
			assertThat(html.select("[style]")).as("style attributes").isEmpty();
			assertThat(html.select("style")).as("style elements").isEmpty();
			for (Element element : html.getAllElements()) {
				assertThat(element.attributes().asList())
					.as("inline event handlers on <%s>", element.tagName())
					.noneMatch(attribute -> attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on"));
			}
			assertThat(response.body()).doesNotContain("javascript:");
		}
	}

	// ---------------------------------------------------------------- login failures

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
		Session first = this.http.anonymous();
		Session second = this.http.anonymous();

		Response wrongPassword = this.http.loginAttempt(first, CAROL, "not-carols-password");
		Response unknownUser = this.http.loginAttempt(second, "nobody@nowhere.example", "whatever-pass");

		assertThat(wrongPassword.status()).isEqualTo(302);
		assertThat(unknownUser.status()).isEqualTo(302);
		assertThat(wrongPassword.location()).endsWith("/login?error").isEqualTo(unknownUser.location());
		Document afterWrongPassword = this.http.get(first, "/login?error").html();
		Document afterUnknownUser = this.http.get(second, "/login?error").html();
		assertThat(afterWrongPassword.getElementById("login-error")).isNotNull();
		assertThat(afterWrongPassword.getElementById("main").text())
			.isEqualTo(afterUnknownUser.getElementById("main").text());
		assertThat(afterWrongPassword.getElementById("login-error").text()).isEqualTo(
				"Wrong email or password. Check both and try again.");
		// And one failure locks nothing: the right password still gets in (and clears the failure).
		assertThat(this.http.loginAttempt(first, CAROL, PASSWORDS.get(CAROL)).location()).endsWith("/");
	}

	@Test
	void afterFiveWrongPasswordsTheLoginIsLockedEvenForTheRightPasswordWhileOthersStillLogIn() {
		try {
			Session browser = this.http.anonymous();
			for (int i = 1; i <= 5; i++) {
				Response failure = this.http.loginAttempt(browser, BOB, "wrong-password-" + i);
				assertThat(failure.location()).as("failure %d", i).endsWith("/login?error");
			}

			Response rightPassword = this.http.loginAttempt(browser, BOB, PASSWORDS.get(BOB));
			assertThat(rightPassword.status()).isEqualTo(302);
			assertThat(rightPassword.location()).endsWith("/login?locked");
			Document locked = this.http.get(browser, "/login?locked").html();
			assertThat(locked.getElementById("login-locked")).isNotNull();
			assertThat(locked.getElementById("login-locked").text()).contains("locked for 15 minutes");
			assertThat(locked.getElementById("login-error")).as("not the wrong-password message").isNull();

			Response api = this.http.api("GET", "/api/programs", BOB, null);
			assertThat(api.status()).isEqualTo(401);
			assertThat(api.problemType()).isEqualTo("login-locked");
			assertThat(this.http.loginAttempt(browser, "BOB@globex.example ", PASSWORDS.get(BOB)).location())
				.as("the same login however it is typed")
				.endsWith("/login?locked");

			assertThat(this.http.login(ALICE).id()).as("another login still works").isNotNull();
			assertThat(this.http.api("GET", "/api/programs", ALICE, null).status()).isEqualTo(200);
		}
		finally {
			// The lock lasts 15 minutes; other tests of this server log in as Bob.
			this.jdbc.update("delete from login_failure where username = ?", BOB);
		}
		assertThat(this.http.api("GET", "/api/programs", BOB, null).status()).isEqualTo(200);
	}

	private static String directive(String csp, String name) {
		for (String directive : csp.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		return "";
	}

}
