package com.promotracking.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.users.CurrentUser;

import static com.promotracking.support.ApiAssertions.assertInvalid;
import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.ApiAssertions.elements;
import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys over real HTTP: made, listed and revoked by the brand's people; the key shown once and only its hash
 * stored; and what a call with a key may do: the conversion endpoints themselves, and a probe under the reports'
 * addresses ({@link ScopeProbe}) that shows who the key acts as.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiKeyApiIT {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	Program acmeUs;

	Program acmeFr;

	Program globexMain;

	@BeforeEach
	void programs() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
		this.acmeFr = this.http.program(ACME_FR);
		this.globexMain = this.http.program(GLOBEX_MAIN);
	}

	// ---------------------------------------------------------------- making, listing, revoking

	@Test
	void aBrandAdminMakesAKeyThatIsShownOnceAndNeverListed() {
		String name = uniqueName("Shop server");
		Response created = create(ALICE, "{\"name\": \"" + name + "\"}");

		JsonNode body = created.json();
		String key = body.get("key").asString();
		assertThat(key).startsWith("pct_").hasSize(47);
		assertThat(body.get("name").asString()).isEqualTo(name);
		assertThat(body.get("brandId").asLong()).isEqualTo(this.acmeUs.brandId());
		assertThat(body.get("createdAt").asString()).isNotBlank();
		assertThat(created.header("Cache-Control")).hasValue("no-store");

		Response listed = Http.expect(this.http.api("GET", "/api/api-keys", ALICE, null), 200);
		assertThat(listed.body()).doesNotContain(key);
		JsonNode mine = listed(listed, body.get("id").asLong());
		assertThat(mine.has("key")).isFalse();
		assertThat(mine.get("name").asString()).isEqualTo(name);
		assertThat(mine.get("brandId").asLong()).isEqualTo(this.acmeUs.brandId());
		assertThat(mine.get("prefix").asString()).isEqualTo(key.substring(0, 12));
		assertThat(mine.get("createdBy").asString()).isEqualTo(ALICE);
		assertThat(mine.get("lastUsedAt").isNull()).isTrue();
		assertThat(mine.get("revokedAt").isNull()).isTrue();
	}

	@Test
	void theDatabaseHoldsTheKeysHashAndNeverTheKey() throws Exception {
		JsonNode created = create(ALICE, "{\"name\": \"" + uniqueName("Hash check") + "\"}").json();
		String key = created.get("key").asString();

		Map<String, Object> row = this.jdbc.queryForMap("select * from api_key where id = ?", created.get("id").asLong());
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
		assertThat(row.get("key_hash")).isEqualTo(sha256);
		assertThat(row.get("key_prefix")).isEqualTo(key.substring(0, 12));
		for (Map.Entry<String, Object> column : row.entrySet()) {
			assertThat(String.valueOf(column.getValue())).as(column.getKey()).doesNotContain(key.substring(12));
		}
		Integer holdingIt = this.jdbc.queryForObject(
				"select count(*) from history_entry where changes like ? or subject_label like ?", Integer.class,
				"%" + key.substring(12) + "%", "%" + key.substring(12) + "%");
		assertThat(holdingIt).isZero();
	}

	@Test
	void aCsmNamesTheBrandAndOnlyTheirBrandsAnswer() {
		assertInvalid(this.http.api("POST", "/api/api-keys", CAROL, "{\"name\": \"No brand\"}"), "brandId");

		Response created = create(CAROL,
				"{\"name\": \"" + uniqueName("Carol's") + "\", \"brandId\": " + this.acmeUs.brandId() + "}");
		assertThat(created.json().get("brandId").asLong()).isEqualTo(this.acmeUs.brandId());

		assertProblem(this.http.api("POST", "/api/api-keys", CAROL,
				"{\"name\": \"Globex\", \"brandId\": " + this.globexMain.brandId() + "}"), 404, "not-found");
		assertProblem(this.http.api("POST", "/api/api-keys", BOB,
				"{\"name\": \"Acme\", \"brandId\": " + this.acmeUs.brandId() + "}"), 404, "not-found");
		assertProblem(this.http.api("POST", "/api/api-keys", PAT, "{\"name\": \"Partner\"}"), 404, "not-found");
		assertProblem(this.http.api("GET", "/api/api-keys?brandId=" + this.globexMain.brandId(), CAROL, null), 404,
				"not-found");

		long id = created.json().get("id").asLong();
		assertThat(ids(this.http.api("GET", "/api/api-keys?brandId=" + this.acmeUs.brandId(), CAROL, null))).contains(id);
		assertThat(ids(this.http.api("GET", "/api/api-keys", ALICE, null))).contains(id);
		assertThat(ids(this.http.api("GET", "/api/api-keys", BOB, null))).doesNotContain(id);
		assertThat(ids(this.http.api("GET", "/api/api-keys", PAT, null))).isEmpty();
		assertProblem(this.http.api("DELETE", "/api/api-keys/" + id, BOB, null), 404, "not-found");
	}

	@Test
	void aNameIsRequiredAndShort() {
		assertInvalid(this.http.api("POST", "/api/api-keys", ALICE, "{\"name\": \"  \"}"), "name");
		assertInvalid(this.http.api("POST", "/api/api-keys", ALICE, "{\"name\": \"" + "x".repeat(81) + "\"}"), "name");
		assertInvalid(this.http.api("POST", "/api/api-keys", ALICE, "{}"), "name");
	}

	@Test
	void revokingAnswers204ThenTheKeyIs401AndRevokingAgainIs409() {
		JsonNode created = create(ALICE, "{\"name\": \"" + uniqueName("Old server") + "\"}").json();
		String key = created.get("key").asString();
		long id = created.get("id").asLong();
		Http.expect(this.http.bearer("GET", probe(this.acmeUs), key, null), 200);

		Response revoked = this.http.api("DELETE", "/api/api-keys/" + id, ALICE, null);
		assertThat(revoked.status()).isEqualTo(204);

		Response refused = this.http.bearer("GET", probe(this.acmeUs), key, null);
		assertUnauthorizedKey(refused);
		assertProblem(this.http.api("DELETE", "/api/api-keys/" + id, ALICE, null), 409, "api-key-already-revoked");
		JsonNode listed = listed(this.http.api("GET", "/api/api-keys", ALICE, null), id);
		assertThat(listed.get("revokedAt").isNull()).isFalse();
		assertThat(listed.get("revokedBy").asString()).isEqualTo(ALICE);
		assertProblem(this.http.api("DELETE", "/api/api-keys/999999", ALICE, null), 404, "not-found");
	}

	@Test
	void makingAndRevokingAreInTheHistoryOfEachOfTheBrandsProgramsWithoutTheKey() {
		String name = uniqueName("Audited");
		JsonNode created = create(ALICE, "{\"name\": \"" + name + "\"}").json();
		long id = created.get("id").asLong();
		Http.expect(this.http.api("DELETE", "/api/api-keys/" + id, CAROL, null), 204);

		for (Program program : List.of(this.acmeUs, this.acmeFr)) {
			List<JsonNode> entries = this.http.historyOf(ALICE, program.id(), "api-key", id);
			assertThat(entries).as(program.name()).hasSize(2);
			assertThat(entries.get(0).get("actor").asString()).isEqualTo(CAROL);
			assertThat(entries.get(0).at("/changes/apiKey/to").asString()).isEqualTo("revoked");
			assertThat(entries.get(1).get("actor").asString()).isEqualTo(ALICE);
			assertThat(entries.get(1).get("channel").asString()).isEqualTo("api");
			assertThat(entries.get(1).at("/subject/label").asString()).isEqualTo(name);
			assertThat(entries.get(1).at("/changes/apiKey/to").asString()).isEqualTo("created");
			assertThat(entries.toString()).doesNotContain(created.get("key").asString());
		}
		assertThat(this.http.historyOf(BOB, this.globexMain.id(), "api-key", id)).isEmpty();
	}

	// ---------------------------------------------------------------- what a key may do

	@Test
	void aKeyActsForItsBrandOnConversionsAndReportsAndIsNamedInTheHistory() {
		String name = uniqueName("Checkout");
		String key = create(ALICE, "{\"name\": \"" + name + "\"}").json().get("key").asString();

		JsonNode probed = Http.expect(this.http.bearer("GET", probe(this.acmeUs), key, null), 200).json();
		assertThat(probed.get("actor").asString()).isEqualTo("api-key:" + name);
		assertThat(probed.get("role").asString()).isEqualTo("api-key");

		long onlineSale = Http.expect(this.http.api("GET", "/api/programs/" + this.acmeUs.id() + "/event-types", ALICE,
				null), 200).json().get(0).get("id").asLong();
		String conversion = "{\"orderId\": \"KEY-" + System.nanoTime() + "\", \"eventTypeId\": " + onlineSale
				+ ", \"amount\": 10, \"currency\": \"USD\"}";
		Http.expect(this.http.bearer("POST", conversions(this.acmeUs), key, conversion), 201);
		Http.expect(this.http.bearer("POST", conversions(this.acmeUs) + "/batch", key,
				"{\"conversions\": [" + conversion.replace("KEY", "KEYB") + "]}"), 200);
		Http.expect(this.http.bearer("GET", conversions(this.acmeUs), key, null), 200);

		assertThat(listed(this.http.api("GET", "/api/api-keys", ALICE, null), idOfKeyNamed(name)).get("lastUsedAt")
			.isNull()).isFalse();
	}

	@Test
	void anotherBrandsProgramIsNotFoundForAKey() {
		String key = create(ALICE, "{\"name\": \"" + uniqueName("Scope") + "\"}").json().get("key").asString();

		assertProblem(this.http.bearer("GET", probe(this.globexMain), key, null), 404, "not-found");
		assertProblem(this.http.bearer("GET", conversions(this.globexMain), key, null), 404, "not-found");
		assertProblem(this.http.bearer("GET", conversions(this.globexMain) + "/1", key, null), 404, "not-found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/programs", "GET /api/programs/{acmeUs}/promo-code-settings",
			"PUT /api/programs/{acmeUs}/promo-code-settings", "GET /api/programs/{acmeUs}/promo-codes",
			"GET /api/programs/{acmeUs}/partners", "GET /api/api-keys", "POST /api/api-keys",
			"DELETE /api/api-keys/1", "DELETE /api/programs/{acmeUs}/conversions/1" })
	void anythingElseIsForbiddenToAKey(String call) {
		String key = create(ALICE, "{\"name\": \"" + uniqueName("Narrow") + "\"}").json().get("key").asString();
		String[] parts = call.replace("{acmeUs}", Long.toString(this.acmeUs.id())).split(" ");
		String body = parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "{\"name\": \"x\"}";

		Response refused = this.http.bearer(parts[0], parts[1], key, body);

		assertProblem(refused, 403, "forbidden");
		assertThat(refused.json().get("detail").asString()).contains("API key");
	}

	@Test
	void aKeyNeverOpensAPage() {
		String key = create(ALICE, "{\"name\": \"" + uniqueName("Pages") + "\"}").json().get("key").asString();

		for (String page : List.of("/", Http.adSettingsPath(this.acmeUs.id()), "/settings/api-keys")) {
			Response refused = this.http.bearer("GET", page, key, null);
			assertThat(refused.status()).as(page).isEqualTo(302);
			assertThat(refused.location()).as(page).endsWith("/login");
		}
	}

	@Test
	void anUnknownKeyIs401() {
		assertUnauthorizedKey(this.http.bearer("GET", probe(this.acmeUs), "pct_" + "A".repeat(43), null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "Bearer ", "Bearer abc", "Bearer pct_short", "bearer pct_",
			"Bearer pct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!" })
	void aMalformedBearerHeaderIs401(String header) {
		assertUnauthorizedKey(this.http.raw("GET", probe(this.acmeUs), header, null));
	}

	@Test
	void httpBasicStillWorksBesideKeys() {
		Http.expect(this.http.api("GET", probe(this.acmeUs), ALICE, null), 200);
		Response anonymous = this.http.raw("GET", "/api/programs", null, null);
		assertProblem(anonymous, 401, "unauthorized");
		assertThat(anonymous.header("WWW-Authenticate").orElse("")).startsWith("Basic");
	}

	@Test
	void thePageMakesAKeyThatWorksAndRevokesIt() {
		Http.Session carol = this.http.login(CAROL);
		String name = uniqueName("From the page");
		String csrf = this.http.csrf(carol, "/settings/api-keys?brandId=" + this.acmeUs.brandId());

		Response made = this.http.postForm(carol, "/settings/api-keys",
				Http.form("brandId", Long.toString(this.acmeUs.brandId()), "name", name, "_csrf", csrf));

		assertThat(made.status()).as(made.toString()).isEqualTo(200);
		assertThat(made.header("Cache-Control").orElse("")).contains("no-store");
		String key = made.html().select("#new-key-value").val();
		Http.expect(this.http.bearer("GET", probe(this.acmeUs), key, null), 200);
		long id = idOfKeyNamed(name);
		Response again = this.http.get(carol, "/settings/api-keys?brandId=" + this.acmeUs.brandId());
		assertThat(again.body()).contains(name).doesNotContain(key);

		Response revoked = this.http.postForm(carol, "/settings/api-keys/" + id + "/revocation",
				Http.form("_csrf", Http.csrfOf(this.http.get(carol, "/settings/api-keys/" + id + "/revocation"))));
		assertThat(revoked.status()).isEqualTo(302);
		assertUnauthorizedKey(this.http.bearer("GET", probe(this.acmeUs), key, null));
		assertThat(this.http.historyOf(ALICE, this.acmeUs.id(), "api-key", id))
			.extracting(entry -> entry.get("channel").asString())
			.containsExactly("page", "page");
	}

	// ---------------------------------------------------------------- helpers

	private static void assertUnauthorizedKey(Response refused) {
		assertProblem(refused, 401, "unauthorized");
		assertThat(refused.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
	}

	private Response create(String user, String body) {
		return Http.expect(this.http.api("POST", "/api/api-keys", user, body), 201);
	}

	private long idOfKeyNamed(String name) {
		for (JsonNode key : Http.expect(this.http.api("GET", "/api/api-keys", ALICE, null), 200).json()) {
			if (key.get("name").asString().equals(name)) {
				return key.get("id").asLong();
			}
		}
		throw new AssertionError("No key named " + name);
	}

	private static JsonNode listed(Response listed, long id) {
		return elements(Http.expect(listed, 200).json()).stream()
			.filter(key -> key.get("id").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError("Key " + id + " not in " + listed.body()));
	}

	private static List<Long> ids(Response listed) {
		return elements(Http.expect(listed, 200).json()).stream().map(key -> key.get("id").asLong()).toList();
	}

	private static String uniqueName(String base) {
		return base + " " + COUNTER.incrementAndGet();
	}

	private static String probe(Program program) {
		return "/api/programs/" + program.id() + "/reports/probe";
	}

	private static String conversions(Program program) {
		return "/api/programs/" + program.id() + "/conversions";
	}

	/** An address under the reports', checking access as they do (ProgramCatalog), that says who the caller acts as. */
	@TestConfiguration
	static class ScopeProbe {

		@Bean
		ProbeController apiKeyProbe(ProgramCatalog catalog) {
			return new ProbeController(catalog);
		}

	}

	@RestController
	static class ProbeController {

		private final ProgramCatalog catalog;

		ProbeController(ProgramCatalog catalog) {
			this.catalog = catalog;
		}

		@GetMapping("/api/programs/{programId}/reports/probe")
		Map<String, Object> report(@PathVariable long programId, CurrentUser user) {
			ProgramView program = this.catalog.require(user, programId);
			return Map.of("programId", program.id(), "actor", user.username(), "role", user.role().value());
		}

	}

}
