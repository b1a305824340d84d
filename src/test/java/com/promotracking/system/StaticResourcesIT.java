package com.promotracking.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Styles and scripts over real HTTP ({@link com.promotracking.web.AssetUrls}): pages link them under a name with a
 * hash of their content, they come back with a year's {@code Cache-Control}, and nothing else of the class path is
 * served: not {@code static/} itself, not Spring Boot's catch-all {@code /**} mapping.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticResourcesIT {

	static final String A_YEAR = "max-age=31536000";

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	/** Where Spring MVC keeps every resource handler, Spring Boot's {@code /**} and {@code /webjars/**} included. */
	@Autowired
	@Qualifier("resourceHandlerMapping")
	HandlerMapping resourceHandlers;

	Http http;

	@BeforeEach
	void connect() {
		this.http = Http.on(this.port, this.json);
	}

	// ---------------------------------------------------------------- versioned links

	@Test
	void theLoginPageLinksTheStylesheetAndTheScriptUnderNamesWithTheirContentHash() throws IOException {
		Document login = loginPage();

		String stylesheet = stylesheetOf(login);
		String script = scriptOf(login);

		assertThat(stylesheet).matches("/assets/css/app-[0-9a-f]{32}\\.css");
		assertThat(script).matches("/assets/js/app-[0-9a-f]{32}\\.js");
		assertThat(stylesheet).isEqualTo("/assets/css/app-" + md5Of("static/css/app.css") + ".css");
		assertThat(script).isEqualTo("/assets/js/app-" + md5Of("static/js/app.js") + ".js");
	}

	@Test
	void aSignedInPageLinksTheSameVersionedFiles() {
		Document login = loginPage();
		Session alice = this.http.login(ALICE);

		Response page = this.http.get(alice, Http.adSettingsPath(this.http.program(Http.ACME_US).id()));

		assertThat(page.status()).isEqualTo(200);
		assertThat(stylesheetOf(page.html())).isEqualTo(stylesheetOf(login));
		assertThat(scriptOf(page.html())).isEqualTo(scriptOf(login));
	}

	@Test
	void anErrorPageLinksTheSameVersionedFiles() {
		Document login = loginPage();
		Session alice = this.http.login(ALICE);

		Response notFound = this.http.get(alice, "/no/such/page");

		assertThat(notFound.status()).isEqualTo(404);
		assertThat(stylesheetOf(notFound.html())).isEqualTo(stylesheetOf(login));
		assertThat(scriptOf(notFound.html())).isEqualTo(scriptOf(login));
	}

	@Test
	void theVersionedStylesheetIsServedAsCssForAYearWithTheBytesOfTheFile() {
		assertServedForAYear(stylesheetOf(loginPage()), "/assets/css/app.css", "text/css");
	}

	@Test
	void theVersionedScriptIsServedAsJavaScriptForAYearWithTheBytesOfTheFile() {
		assertServedForAYear(scriptOf(loginPage()), "/assets/js/app.js", "text/javascript");
	}

	// ---------------------------------------------------------------- nothing else

	@Test
	void anUnknownStylesheetIsNotFound() {
		assertThat(bytes("/assets/css/nope.css").statusCode()).isEqualTo(404);
		assertThat(bytes("/assets/js/nope.js").statusCode()).isEqualTo(404);
		assertThat(bytes("/assets/css/app-00000000000000000000000000000000.css").statusCode())
			.as("a stale or made-up version")
			.isEqualTo(404);
	}

	@Test
	void theStaticFolderAndTheRootAreNotServedToAnyoneSignedOut() {
		for (String path : new String[] { "/static/css/app.css", "/app.css", "/static/js/app.js", "/app.js" }) {
			Response response = this.http.get(this.http.anonymous(), path);

			assertThat(response.status()).as("%s", path).isEqualTo(302);
			assertThat(response.location()).as("%s", path).endsWith("/login");
		}
	}

	@Test
	void theStaticFolderAndTheRootAreNotFoundForASignedInUser() {
		Session alice = this.http.login(ALICE);

		for (String path : new String[] { "/static/css/app.css", "/app.css", "/static/js/app.js", "/app.js" }) {
			Response response = this.http.get(alice, path);

			assertThat(response.status()).as("%s", path).isEqualTo(404);
			assertThat(response.body()).as("%s", path).doesNotContain(".topbar");
		}
	}

	@Test
	void onlyTheAssetsAreMappedToTheClassPath() {
		// Over HTTP the catch-all mapping would not show: static/ holds nothing outside css/ and js/, both under
		// /assets. Boot's /webjars/** reads only jars' META-INF/resources/webjars: Swagger UI's, none of ours.
		// Springdoc maps Swagger UI's files (its webjar) under /swagger-ui.
		assertThat(this.resourceHandlers).isInstanceOf(SimpleUrlHandlerMapping.class);
		assertThat(((SimpleUrlHandlerMapping) this.resourceHandlers).getHandlerMap().keySet())
			.contains("/assets/**", "/webjars/**", "/swagger-ui/**")
			.allSatisfy(pattern -> assertThat(pattern).matches(
					"/assets/\\*\\*|/webjars/\\*\\*|/swagger-ui/.*|/webjars/\\*swagger-ui/.*"));
	}

	// ---------------------------------------------------------------- helpers

	/** The versioned name answers the file's bytes, as the plain name does, with its type and a year's caching. */
	private void assertServedForAYear(String versionedPath, String plainPath, String contentType) {
		HttpResponse<byte[]> versioned = bytes(versionedPath);
		HttpResponse<byte[]> plain = bytes(plainPath);

		assertThat(versioned.statusCode()).isEqualTo(200);
		assertThat(versioned.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith(contentType));
		assertThat(versioned.headers().firstValue("Cache-Control")).hasValue(A_YEAR);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(versioned.body()).isNotEmpty().isEqualTo(plain.body());
	}

	private Document loginPage() {
		return Http.expect(this.http.get(this.http.anonymous(), "/login"), 200).html();
	}

	private static String stylesheetOf(Document page) {
		Element link = page.selectFirst("link[rel=stylesheet]");
		assertThat(link).as("stylesheet link").isNotNull();
		return link.attr("href");
	}

	private static String scriptOf(Document page) {
		Element script = page.selectFirst("script[src]");
		assertThat(script).as("script").isNotNull();
		return script.attr("src");
	}

	private static String md5Of(String classPathFile) throws IOException {
		return DigestUtils.md5DigestAsHex(new ClassPathResource(classPathFile).getContentAsByteArray());
	}

	/** A GET without cookies that keeps the body as bytes ({@link Http} reads bodies as text). */
	private HttpResponse<byte[]> bytes(String path) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(this.http.uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
					BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
