package com.promotracking.system;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who is not signed in costs no row in {@code SPRING_SESSION}: the login page keeps its CSRF token in
 * a cookie, a page asked for before login is remembered in a cookie, a failed login keeps nothing. The login
 * itself opens the session, still CSRF-protected; read from the table itself, over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnonymousSessionsIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anonymousVisitsWriteNoSessionAndTheLoginStillOpensOne() {
		Http http = Http.on(this.port, this.json);
		Program program = http.program(ACME_US);
		String page = Http.adSettingsPath(program.id());
		int before = sessions();

		for (int i = 0; i < 20; i++) {
			Session visitor = http.anonymous();
			assertThat(http.get(visitor, "/login").status()).isEqualTo(200);
			assertThat(http.get(visitor, "/").location()).endsWith("/login");
			assertThat(http.get(visitor, page).location()).endsWith("/login");
			assertThat(http.loginAttempt(visitor, "visitor-" + i + "@nowhere.example", "wrong").location())
				.endsWith("/login?error");
			assertThat(visitor.id()).as("no session cookie").isNull();
		}
		assertThat(sessions()).as("sessions after 80 anonymous requests").isEqualTo(before);

		// The page asked for before login is where the login leads, as before.
		Session alice = http.anonymous();
		http.get(alice, page);
		Response login = http.loginAttempt(alice, ALICE, PASSWORDS.get(ALICE));
		assertThat(login.status()).isEqualTo(302);
		assertThat(alice.id()).isNotNull();
		assertThat(sessions()).as("the login's session").isEqualTo(before + 1);
		assertThat(http.get(alice, page).status()).isEqualTo(200);
	}

	@Test
	void theLoginFormStaysCsrfProtected() {
		Http http = Http.on(this.port, this.json);
		Session visitor = http.anonymous();
		String token = Http.csrfOf(http.get(visitor, "/login"));
		Session otherBrowser = http.anonymous();
		http.get(otherBrowser, "/login");

		Response noToken = http.postForm(visitor, "/login",
				Http.form("username", ALICE, "password", PASSWORDS.get(ALICE)));
		// The token of one browser with the cookie of another: a forged login.
		Response foreignToken = http.postForm(otherBrowser, "/login",
				Http.form("username", ALICE, "password", PASSWORDS.get(ALICE), "_csrf", token));
		Response noCookie = http.send(HttpRequest.newBuilder(http.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice%40acme.example&password=alice-demo-pass&_csrf="
					+ token)));

		assertThat(noToken.status()).isEqualTo(403);
		assertThat(foreignToken.status()).isEqualTo(403);
		assertThat(noCookie.status()).isEqualTo(403);
		assertThat(otherBrowser.id()).isNull();
	}

	private int sessions() {
		Integer count = this.jdbc.queryForObject("select count(*) from SPRING_SESSION", Integer.class);
		return (count != null) ? count : -1;
	}

}
