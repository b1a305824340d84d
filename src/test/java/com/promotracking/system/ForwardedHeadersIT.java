package com.promotracking.system;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the shipped nginx with TLS, requests arrive over plain HTTP from the proxy on this machine with
 * {@code X-Forwarded-Proto: https}: they count as secure (the session cookie is {@code Secure}, HSTS is sent).
 * {@link UntrustedForwardedHeadersIT} checks that the same header from an address that is no trusted proxy counts
 * for nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ForwardedHeadersIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void anHttpsRequestThroughTheProxyGetsSecureCookiesAndHsts() {
		LoggedIn https = logIn(Http.on(this.port, this.json), "https");

		assertThat(https.loginPage().header("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age="));
		assertThat(attributes(https.login().sessionSetCookie().orElseThrow())).contains("secure", "httponly");
		assertThat(attributes(https.loginPage().setCookie(Http.CSRF_COOKIE).orElseThrow())).contains("secure");
	}

	@Test
	void aPlainHttpRequestGetsNeither() {
		LoggedIn plain = logIn(Http.on(this.port, this.json), "http");

		assertThat(plain.loginPage().header("Strict-Transport-Security")).isEmpty();
		assertThat(attributes(plain.login().sessionSetCookie().orElseThrow())).doesNotContain("secure");
	}

	/** The login page and the login, both sent with this {@code X-Forwarded-Proto}. */
	static LoggedIn logIn(Http http, String proto) {
		Session browser = http.anonymous();
		Response loginPage = http.send(browser,
				HttpRequest.newBuilder(http.uri("/login")).header("X-Forwarded-Proto", proto).GET());
		String form = "username=" + Http.encode(ALICE) + "&password=" + Http.encode(PASSWORDS.get(ALICE)) + "&_csrf="
				+ Http.encode(Http.csrfOf(loginPage));
		Response login = http.send(browser, HttpRequest.newBuilder(http.uri("/login"))
			.header("X-Forwarded-Proto", proto)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));
		assertThat(login.status()).as("login: %s", login).isEqualTo(302);
		return new LoggedIn(loginPage, login);
	}

	static List<String> attributes(String setCookie) {
		return List.of(setCookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
	}

	record LoggedIn(Response loginPage, Response login) {
	}

}
