package com.promotracking.system;

import java.util.List;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;
import com.promotracking.support.LogCapture;

import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request log over real HTTP, read from the logger itself: one line per request with the user and the
 * program, the outcome of writes, and never a password, an Authorization value, a CSRF token or a session id.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestLogIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	Program acmeUs;

	/** The request log at INFO, as in production, whatever another test or a developer's setting made of it. */
	@RegisterExtension
	final LogCapture logs = new LogCapture();

	@BeforeEach
	void programs() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
	}

	@Test
	void anApiPutLogsOneLineWithUserProgramStatusAndOutcomeAndNoCredentials() {
		String path = Http.settingsApiPath(this.acmeUs.id());

		Response put = this.http.api("PUT", path, ALICE, Http.body(false, false));

		assertThat(put.status()).as("%s", put).isEqualTo(200);
		ILoggingEvent event = theOnlyLine(line -> line.startsWith("PUT " + path + " "));
		String line = event.getFormattedMessage();
		assertThat(event.getLevel()).isEqualTo(Level.INFO);
		assertThat(line).matches("PUT " + path + " 200 \\d+ms user=alice@acme\\.example program=" + this.acmeUs.id()
				+ " outcome=ok");
		assertThat(line).doesNotContain(PASSWORDS.get(ALICE))
			.doesNotContain(Http.basic(ALICE, PASSWORDS.get(ALICE)).substring("Basic ".length()))
			.doesNotContain("Basic");
	}

	@Test
	void aRefusedApiWriteLogsTheProblemType() {
		Program acmeFr = this.http.program(ACME_FR);
		String path = Http.settingsApiPath(acmeFr.id());

		// Acme Outdoor FR's promo code is not validated: tracking is refused and nothing changes.
		Response put = this.http.api("PUT", path, ALICE, Http.body(true, false));

		assertThat(put.status()).isEqualTo(422);
		assertThat(theOnlyLine(line -> line.startsWith("PUT " + path + " ")).getFormattedMessage())
			.matches("PUT " + path + " 422 \\d+ms user=alice@acme\\.example program=" + acmeFr.id()
					+ " outcome=refused problem=promo-code-not-validated");
	}

	@Test
	void requestsSecurityAnswersItselfAreLoggedToo() {
		String path = Http.settingsApiPath(this.acmeUs.id());

		this.http.api("PUT", path, null, Http.body(false, false));
		this.http.api("GET", "/api/programs", "nobody-api@nowhere.example", null);

		assertThat(theOnlyLine(line -> line.startsWith("PUT " + path + " ")).getFormattedMessage())
			.matches("PUT " + path + " 401 \\d+ms user=- program=" + this.acmeUs.id()
					+ " outcome=refused problem=unauthorized");
		assertThat(theOnlyLine(line -> line.startsWith("GET /api/programs ")).getFormattedMessage())
			.matches("GET /api/programs 401 \\d+ms user=-");
	}

	@Test
	void aFormLoginAndAPageLogTheUserButNoPasswordCsrfTokenOrSessionId() {
		Session browser = this.http.anonymous();
		String csrf = Http.csrfOf(this.http.get(browser, "/login"));
		String csrfCookie = browser.csrfCookie();
		Response login = this.http.postForm(browser, "/login",
				Http.form("username", ALICE, "password", PASSWORDS.get(ALICE), "_csrf", csrf));
		assertThat(login.status()).isEqualTo(302);
		String page = Http.adSettingsPath(this.acmeUs.id());
		String pageCsrf = this.http.csrf(browser, page);
		// A form sent without its token: refused by security, nothing saved.
		Response forged = this.http.postForm(browser, page, Http.adSettingsForm(false, false, 0, null));
		assertThat(forged.status()).isEqualTo(403);

		String loginLine = theOnlyLine(line -> line.startsWith("POST /login ")).getFormattedMessage();
		String pageLine = theOnlyLine(line -> line.startsWith("GET " + page + " ")).getFormattedMessage();
		String forgedLine = theOnlyLine(line -> line.startsWith("POST " + page + " ")).getFormattedMessage();
		assertThat(loginLine).matches("POST /login 302 \\d+ms user=alice@acme\\.example outcome=ok");
		assertThat(pageLine).matches("GET " + page + " 200 \\d+ms user=alice@acme\\.example program=" + this.acmeUs.id());
		assertThat(forgedLine).matches("POST " + page + " 403 \\d+ms user=alice@acme\\.example program="
				+ this.acmeUs.id() + " outcome=refused");
		for (String secret : List.of(PASSWORDS.get(ALICE), csrf, pageCsrf, csrfCookie, browser.id())) {
			assertThat(lines()).as("no line holds %s", secret).noneMatch(line -> line.contains(secret));
		}
	}

	@Test
	void aFailedLoginIsRefusedWithoutUserOrPassword() {
		Session browser = this.http.anonymous();

		Response login = this.http.loginAttempt(browser, "nobody-form@nowhere.example", "not-a-real-secret-42");

		assertThat(login.location()).endsWith("/login?error");
		assertThat(theOnlyLine(line -> line.startsWith("POST /login ")).getFormattedMessage())
			.matches("POST /login 302 \\d+ms user=- outcome=refused");
		assertThat(lines()).noneMatch(line -> line.contains("not-a-real-secret-42") || line.contains("nobody-form@"));
	}

	@Test
	void theQueryStringStaticFilesAndActuatorStayOutOfTheInfoLog() {
		String history = Http.historyApiPath(this.acmeUs.id());

		Http.expect(this.http.api("GET", history + "?page=0&size=5", ALICE, null), 200);
		Http.expect(this.http.get(this.http.anonymous(), "/assets/css/app.css"), 200);
		Http.expect(this.http.api("GET", "/actuator/health/readiness", null, null), 200);

		assertThat(theOnlyLine(line -> line.startsWith("GET " + history)).getFormattedMessage())
			.matches("GET " + history + " 200 \\d+ms user=alice@acme\\.example program=" + this.acmeUs.id());
		assertThat(lines()).noneMatch(line -> line.contains("/assets/") || line.contains("/actuator"));
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * The one line that matches, waiting a moment for it: the server may log a request just after the client
	 * got the answer.
	 */
	private ILoggingEvent theOnlyLine(Predicate<String> matching) {
		this.logs.awaitRequestLine(matching);
		// A second line for the same request would come at the same moment.
		sleep();
		List<ILoggingEvent> found = this.logs.requestEvents()
			.stream()
			.filter(event -> matching.test(event.getFormattedMessage()))
			.toList();
		assertThat(found).as("lines in %s", lines()).hasSize(1);
		return found.get(0);
	}

	private List<String> lines() {
		return this.logs.requestLines();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
