package com.promotracking.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages go out as UTF-8 bytes encoded at once (EncodedOnceThymeleafView), over real HTTP: with their length in
 * the headers, every character outside ASCII intact, and a signed-in page as a signed-in page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageEncodingIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Http http;

	@BeforeEach
	void client() {
		this.http = Http.on(this.port, this.json);
	}

	@Test
	void aFrenchPageKeepsItsAccentsAndSaysItsLengthInBytes() {
		Response login = this.http.get(this.http.anonymous(), "/login?lang=fr");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
		assertThat(login.html().select("h1").text()).isEqualTo("Connexion au suivi des codes promo");
		assertThat(login.body()).contains("Français");
		assertLengthInBytes(login);
	}

	@Test
	void aSignedInPageIsWholeInEitherLanguage() {
		Session alice = this.http.login(ALICE);
		long acmeUs = this.http.program(ACME_US).id();

		for (String language : new String[] { "fr", "en" }) {
			Response page = this.http.get(alice, Http.adSettingsPath(acmeUs) + "?lang=" + language);

			assertThat(page.status()).as(language).isEqualTo(200);
			assertThat(page.html().title()).as(language)
				.contains(language.equals("fr") ? "Paramètres des annonces" : "Ad settings");
			assertThat(page.body()).as(language).endsWith("</html>\n");
			assertLengthInBytes(page);
		}
	}

	private static void assertLengthInBytes(Response page) {
		assertThat(page.header("Transfer-Encoding")).isEmpty();
		assertThat(page.header("Content-Length")).hasValue(
				Integer.toString(page.body().getBytes(StandardCharsets.UTF_8).length));
	}

}
