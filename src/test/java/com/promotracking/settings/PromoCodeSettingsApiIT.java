package com.promotracking.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.ApiContract;
import com.promotracking.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promo code settings API of CONTRACT.md, over real HTTP against a running server: every status and
 * problem type, and for every refusal, proof that nothing was saved.
 *
 * <p>All tests share one server and one in-memory database. Each test starts from both settings off on the
 * three demo programs (see {@link #startFromEverythingOff()}), so no test depends on another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PromoCodeSettingsApiIT {

	static final String ALICE = "alice@acme.example";

	static final String BOB = "bob@globex.example";

	static final String CAROL = "carol@csm.example";

	static final String PAT = "pat@partner.example";

	static final Map<String, String> PASSWORDS = Map.of(ALICE, "alice-demo-pass", BOB, "bob-demo-pass", CAROL,
			"carol-demo-pass", PAT, "pat-demo-pass");

	static final String ACME_US = "Acme Outdoor US";

	static final String ACME_FR = "Acme Outdoor FR";

	static final String GLOBEX_MAIN = "Globex Main";

	static final String PROBLEM_JSON = "application/problem+json";

	static final String ON_ON = body(true, true);

	static final String ON_OFF = body(true, false);

	static final String OFF_ON = body(false, true);

	static final String OFF_OFF = body(false, false);

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	long acmeUs;

	long acmeFr;

	long globexMain;

	/** Program ids by server port, looked up once per server: every API call costs a BCrypt check. */
	static final Map<Integer, Map<String, Long>> PROGRAM_IDS = new ConcurrentHashMap<>();

	@BeforeEach
	void startFromEverythingOff() {
		Map<String, Long> ids = PROGRAM_IDS.computeIfAbsent(this.port, port -> {
			Map<String, Long> found = new HashMap<>(programIdsVisibleTo(ALICE));
			found.putAll(programIdsVisibleTo(BOB));
			return found;
		});
		this.acmeUs = ids.get(ACME_US);
		this.acmeFr = ids.get(ACME_FR);
		this.globexMain = ids.get(GLOBEX_MAIN);
		// Switched off through the API, and only where something is on.
		Map<Long, String> owners = Map.of(this.acmeUs, ALICE, this.acmeFr, ALICE, this.globexMain, BOB);
		owners.forEach((program, owner) -> {
			Boolean anythingOn = this.jdbc.queryForObject("select promo_code_tracking_enabled or "
					+ "partner_promo_code_requests_allowed from promo_code_settings where program_id = ?", Boolean.class,
					program);
			if (Boolean.TRUE.equals(anythingOn)) {
				put(program, OFF_OFF).as(owner).send().expect(200);
			}
		});
	}

	@Nested
	class ListingPrograms {

		@Test
		void showsABrandAdminTheProgramsOfTheirBrandWithBrandIdAndName() {
			Reply reply = call("GET", "/api/programs").as(ALICE).send();

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.contentType()).startsWith("application/json");
			JsonNode programs = reply.json();
			assertThat(programs.isArray()).isTrue();
			assertThat(names(programs)).containsExactlyInAnyOrder(ACME_US, ACME_FR);
			for (JsonNode program : programs) {
				assertThat(program.propertyNames()).contains("id", "name", "brandId", "brandName");
				assertThat(program.get("id").isIntegralNumber()).isTrue();
				assertThat(program.get("id").asLong()).isPositive();
				assertThat(program.get("brandId").isIntegralNumber()).isTrue();
				assertThat(program.get("brandId").asLong()).isPositive();
				assertThat(program.get("brandName").stringValue()).isEqualTo("Acme Outdoor");
			}
			assertThat(programs.get(0).get("brandId").asLong()).isEqualTo(programs.get(1).get("brandId").asLong());
		}

		@Test
		void showsACsmTheProgramsOfTheBrandsAssignedToHer() {
			JsonNode programs = call("GET", "/api/programs").as(CAROL).send().expect(200).json();

			assertThat(names(programs)).containsExactlyInAnyOrder(ACME_US, ACME_FR, "Northwind Running",
					"Northwind Cycling", "Northwind Team", "Northwind Pro Shop", "Northwind Outlet", "Northwind Kids");
			assertThat(ids(programs)).contains(PromoCodeSettingsApiIT.this.acmeUs, PromoCodeSettingsApiIT.this.acmeFr);
			for (JsonNode program : programs) {
				assertThat(program.get("brandName").stringValue()).isIn("Acme Outdoor", "Northwind Sports");
			}
		}

		@Test
		void showsAnotherBrandAdminOnlyTheirOwnProgram() {
			JsonNode programs = call("GET", "/api/programs").as(BOB).send().expect(200).json();

			assertThat(names(programs)).containsExactly(GLOBEX_MAIN);
			assertThat(programs.get(0).get("brandName").stringValue()).isEqualTo("Globex");
		}

		@Test
		void showsAPartnerTheProgramsTheyBelongToWithoutTheirSettings() {
			Reply reply = call("GET", "/api/programs").as(PAT).send().expect(200);

			assertThat(reply.contentType()).startsWith("application/json");
			assertThat(reply.json().isArray()).isTrue();
			List<String> names = new ArrayList<>();
			reply.json().forEach(program -> names.add(program.get("name").stringValue()));
			assertThat(names).containsExactlyInAnyOrder("Acme Outdoor US", "Acme Outdoor FR");
			// Belonging to a program gives a partner no access to its settings.
			call("GET", "/api/programs/" + PromoCodeSettingsApiIT.this.acmeUs + "/promo-code-settings").as(PAT)
				.send()
				.expect(404);
		}

	}

	@Nested
	class ReadingSettings {

		@Test
		void answersEveryContractFieldWithTheVersionAsETag() {
			Reply reply = get(PromoCodeSettingsApiIT.this.acmeUs).as(ALICE).send();

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.contentType()).startsWith("application/json");
			JsonNode settings = reply.json();
			assertThat(settings.propertyNames()).contains("programId", "promoCodeTrackingEnabled",
					"partnerPromoCodeRequestsAllowed", "promoCodeValidated", "version", "updatedAt", "updatedBy");
			assertThat(settings.get("programId").isIntegralNumber()).isTrue();
			assertThat(settings.get("programId").asLong()).isEqualTo(PromoCodeSettingsApiIT.this.acmeUs);
			assertThat(settings.get("promoCodeTrackingEnabled").isBoolean()).isTrue();
			assertThat(settings.get("promoCodeTrackingEnabled").booleanValue()).isFalse();
			assertThat(settings.get("partnerPromoCodeRequestsAllowed").isBoolean()).isTrue();
			assertThat(settings.get("partnerPromoCodeRequestsAllowed").booleanValue()).isFalse();
			assertThat(settings.get("promoCodeValidated").isBoolean()).isTrue();
			assertThat(settings.get("promoCodeValidated").booleanValue()).isTrue();
			assertThat(settings.get("version").isIntegralNumber()).isTrue();
			assertThat(reply.header("ETag")).isEqualTo("\"" + settings.get("version").asLong() + "\"");
		}

		@Test
		void tellsWhenTheProgramsPromoCodeIsNotValidated() {
			JsonNode settings = get(PromoCodeSettingsApiIT.this.acmeFr).as(ALICE).send().expect(200).json();

			assertThat(settings.get("programId").asLong()).isEqualTo(PromoCodeSettingsApiIT.this.acmeFr);
			assertThat(settings.get("promoCodeValidated").booleanValue()).isFalse();
		}

		@Test
		void letsACsmReadTheSettingsOfAnAssignedBrand() {
			Reply reply = get(PromoCodeSettingsApiIT.this.acmeUs).as(CAROL).send().expect(200);

			assertThat(reply.json().get("programId").asLong()).isEqualTo(PromoCodeSettingsApiIT.this.acmeUs);
			assertThat(reply.header("ETag")).isEqualTo("\"" + reply.json().get("version").asLong() + "\"");
		}

	}

	@Nested
	class SavingSettings {

		@Test
		void savesBothFlagsAndAnswersTheNewStateWithANewVersion() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Reply before = get(program).as(ALICE).send().expect(200);
			long version = before.json().get("version").asLong();
			Instant start = Instant.now();

			Reply reply = put(program, ON_ON).as(ALICE).send();

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.contentType()).startsWith("application/json");
			JsonNode saved = reply.json();
			assertThat(saved.get("programId").asLong()).isEqualTo(program);
			assertThat(saved.get("promoCodeTrackingEnabled").booleanValue()).isTrue();
			assertThat(saved.get("partnerPromoCodeRequestsAllowed").booleanValue()).isTrue();
			assertThat(saved.get("promoCodeValidated").booleanValue()).isTrue();
			assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
			assertThat(saved.get("updatedBy").stringValue()).isEqualTo(ALICE);
			assertThat(Instant.parse(saved.get("updatedAt").stringValue()))
				.isBetween(start.minusSeconds(2), Instant.now().plusSeconds(2));
			assertThat(reply.header("ETag")).isEqualTo("\"" + (version + 1) + "\"")
				.isNotEqualTo(before.header("ETag"));

			Snapshot reread = snapshot(program, ALICE);
			assertSameState(reread, Snapshot.of(saved));
		}

		@Test
		void savesWhenIfMatchCarriesTheCurrentETag() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Reply current = get(program).as(ALICE).send().expect(200);
			long version = current.json().get("version").asLong();

			Reply reply = put(program, ON_OFF).as(ALICE).header("If-Match", current.header("ETag")).send();

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().get("promoCodeTrackingEnabled").booleanValue()).isTrue();
			assertThat(reply.json().get("partnerPromoCodeRequestsAllowed").booleanValue()).isFalse();
			assertThat(reply.json().get("version").asLong()).isEqualTo(version + 1);
			assertThat(reply.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
			assertSameState(snapshot(program, ALICE), Snapshot.of(reply.json()));
		}

		@Test
		void savesWhenIfMatchIsAStar() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;

			Reply reply = put(program, ON_OFF).as(ALICE).header("If-Match", "*").send();

			assertThat(reply.status()).isEqualTo(200);
			assertThat(snapshot(program, ALICE).tracking()).isTrue();
		}

		@Test
		void refusesAStaleIfMatchWith412AndSavesNothing() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			String staleETag = get(program).as(ALICE).send().expect(200).header("ETag");
			put(program, ON_OFF).as(CAROL).send().expect(200);
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, ON_ON).as(ALICE).header("If-Match", staleETag).send();

			assertProblem(reply, 412, "settings-changed");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
			assertThat(before.updatedBy()).isEqualTo(CAROL);
		}

		@ParameterizedTest
		@ValueSource(strings = { "not-an-etag", "W/\"CURRENT\"", "CURRENT", "\"CURRENT\", \"0\"", "\"\"", "\"x\"",
				"\"+CURRENT\"", "\"0CURRENT\"", "\" CURRENT\"", "\"0xCURRENT\"" })
		void refusesAMalformedIfMatchWith412AndSavesNothing(String ifMatch) {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);
			String header = ifMatch.replace("CURRENT", Long.toString(before.version()));

			Reply reply = put(program, ON_ON).as(ALICE).header("If-Match", header).send();

			assertProblem(reply, 412, "settings-changed");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void keepsTheVersionWhenASaveChangesNothing() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			JsonNode first = put(program, ON_OFF).as(ALICE).send().expect(200).json();

			Reply again = put(program, ON_OFF).as(ALICE).send();

			assertThat(again.status()).isEqualTo(200);
			assertSameState(Snapshot.of(again.json()), Snapshot.of(first));
			assertThat(again.header("ETag")).isEqualTo("\"" + first.get("version").asLong() + "\"");
			assertSameState(snapshot(program, ALICE), Snapshot.of(first));
		}

		@Test
		void recordsWhoSavedWhenACsmSaves() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;

			JsonNode saved = put(program, ON_OFF).as(CAROL).send().expect(200).json();

			assertThat(saved.get("updatedBy").stringValue()).isEqualTo(CAROL);
			assertThat(snapshot(program, ALICE).updatedBy()).isEqualTo(CAROL);
		}

	}

	@Nested
	class BusinessRules {

		@Test
		void refusesTrackingWhileThePromoCodeIsNotValidatedAndSavesNothing() {
			long program = PromoCodeSettingsApiIT.this.acmeFr;
			Snapshot before = snapshot(program, ALICE);

			for (String body : List.of(ON_OFF, ON_ON)) {
				Reply reply = put(program, body).as(ALICE).send();

				assertProblem(reply, 422, "promo-code-not-validated");
				assertThat(snapshot(program, ALICE)).as(body).isEqualTo(before);
			}
		}

		@Test
		void refusesPartnerRequestsWhileTrackingStaysOffAndSavesNothing() {
			for (long program : List.of(PromoCodeSettingsApiIT.this.acmeUs, PromoCodeSettingsApiIT.this.acmeFr)) {
				Snapshot before = snapshot(program, ALICE);

				Reply reply = put(program, OFF_ON).as(ALICE).send();

				assertProblem(reply, 422, "partner-requests-require-tracking");
				assertThat(snapshot(program, ALICE)).isEqualTo(before);
			}
		}

		@Test
		void refusesTurningTrackingOffWhilePartnerRequestsStayOnAndSavesNothing() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			put(program, ON_ON).as(ALICE).send().expect(200);
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, OFF_ON).as(ALICE).send();

			assertProblem(reply, 422, "partner-requests-require-tracking");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
			assertThat(before.tracking()).isTrue();
			assertThat(before.requests()).isTrue();
		}

		@Test
		void alwaysAllowsTurningEverythingOff() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			long version = put(program, ON_ON).as(ALICE).send().expect(200).json().get("version").asLong();

			JsonNode off = put(program, OFF_OFF).as(ALICE).send().expect(200).json();

			assertThat(off.get("promoCodeTrackingEnabled").booleanValue()).isFalse();
			assertThat(off.get("partnerPromoCodeRequestsAllowed").booleanValue()).isFalse();
			assertThat(off.get("version").asLong()).isEqualTo(version + 1);
			assertSameState(snapshot(program, ALICE), Snapshot.of(off));
		}

		@Test
		void allowsTurningEverythingOffOnAProgramWhosePromoCodeIsNotValidated() {
			long program = PromoCodeSettingsApiIT.this.acmeFr;
			// Tracking live on a program without validation (switched on before the rule, or the approval was
			// withdrawn): the API cannot get here, so the database is set up directly.
			turnOnInTheDatabase(program);
			Snapshot live = snapshot(program, ALICE);
			assertThat(live.tracking()).isTrue();
			assertThat(live.requests()).isTrue();

			Reply reply = put(program, OFF_OFF).as(ALICE).send();

			assertThat(reply.status()).isEqualTo(200);
			JsonNode off = reply.json();
			assertThat(off.get("promoCodeValidated").booleanValue()).isFalse();
			assertThat(off.get("promoCodeTrackingEnabled").booleanValue()).isFalse();
			assertThat(off.get("partnerPromoCodeRequestsAllowed").booleanValue()).isFalse();
			assertThat(off.get("version").asLong()).isEqualTo(live.version() + 1);
			assertSameState(snapshot(program, ALICE), Snapshot.of(off));
		}

		@Test
		void allowsOnlyPartnerRequestsOffOnAProgramWhoseLiveTrackingIsNotValidated() {
			long program = PromoCodeSettingsApiIT.this.acmeFr;
			turnOnInTheDatabase(program);
			long version = snapshot(program, ALICE).version();

			JsonNode saved = put(program, ON_OFF).as(ALICE).send().expect(200).json();

			assertThat(saved.get("promoCodeTrackingEnabled").booleanValue()).isTrue();
			assertThat(saved.get("partnerPromoCodeRequestsAllowed").booleanValue()).isFalse();
			assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
		}

		@Test
		void explainsARefusalInFrenchWhenAskedTo() {
			long program = PromoCodeSettingsApiIT.this.acmeFr;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, ON_OFF).as(ALICE).header("Accept-Language", "fr").send();

			JsonNode problem = assertProblem(reply, 422, "promo-code-not-validated");
			Properties french = messages("messages_fr.properties");
			assertThat(problem.get("title").stringValue())
				.isEqualTo(french.getProperty("problem.promo-code-not-validated.title"));
			assertThat(problem.get("detail").stringValue())
				.isEqualTo(french.getProperty("problem.promo-code-not-validated.detail"))
				.contains("Rien n'a été enregistré");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void explainsARefusalInFrenchWhenFrenchIsTheFirstLanguageTheClientSpeaksThatWeDo() {
			Reply reply = put(PromoCodeSettingsApiIT.this.acmeUs, OFF_ON).as(ALICE)
				.header("Accept-Language", "de-DE, fr-CA;q=0.8, en;q=0.5")
				.send();

			JsonNode problem = assertProblem(reply, 422, "partner-requests-require-tracking");
			assertThat(problem.get("detail").stringValue()).isEqualTo(
					messages("messages_fr.properties").getProperty("problem.partner-requests-require-tracking.detail"));
		}

		@Test
		void explainsARefusalInEnglishByDefault() {
			Reply reply = put(PromoCodeSettingsApiIT.this.acmeFr, ON_OFF).as(ALICE).send();

			JsonNode problem = assertProblem(reply, 422, "promo-code-not-validated");
			Properties english = messages("messages.properties");
			assertThat(problem.get("title").stringValue())
				.isEqualTo(english.getProperty("problem.promo-code-not-validated.title"));
			assertThat(problem.get("detail").stringValue())
				.isEqualTo(english.getProperty("problem.promo-code-not-validated.detail"))
				.contains("Nothing was saved");
		}

	}

	@Nested
	class InvalidRequests {

		@ParameterizedTest
		@ValueSource(strings = { "{\"promoCodeTrackingEnabled\": tru", "not json at all",
				"{\"promoCodeTrackingEnabled\": true, \"partnerPromoCodeRequestsAllowed\": false,}", "[]",
				"[true, false]", "\"text\"", "42", "null" })
		void refusesABodyThatIsNotAJsonObjectOfTheExpectedShapeAndSavesNothing(String body) {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, body).as(ALICE).send();

			assertProblem(reply, 400, "invalid-request");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void refusesAMissingFieldNamingItAndSavesNothing() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, "{\"promoCodeTrackingEnabled\": true}").as(ALICE).send();

			JsonNode problem = assertProblem(reply, 400, "invalid-request");
			assertThat(errorFields(problem)).containsExactly("partnerPromoCodeRequestsAllowed");
			assertThat(problem.get("detail").stringValue()).contains("partnerPromoCodeRequestsAllowed");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void refusesAnEmptyObjectNamingBothFields() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, "{}").as(ALICE).send();

			JsonNode problem = assertProblem(reply, 400, "invalid-request");
			assertThat(errorFields(problem)).containsExactlyInAnyOrder("promoCodeTrackingEnabled",
					"partnerPromoCodeRequestsAllowed");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"yes\"", "1", "0", "\"true\"", "\"false\"", "null", "[true]", "{}" })
		void refusesAWrongTypeForTrackingNamingTheFieldAndSavesNothing(String value) {
			refusesAWrongType("{\"promoCodeTrackingEnabled\": " + value + ", \"partnerPromoCodeRequestsAllowed\": false}",
					"promoCodeTrackingEnabled");
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"yes\"", "1", "0", "\"true\"", "\"false\"", "null", "[true]", "{}" })
		void refusesAWrongTypeForPartnerRequestsNamingTheFieldAndSavesNothing(String value) {
			refusesAWrongType("{\"promoCodeTrackingEnabled\": true, \"partnerPromoCodeRequestsAllowed\": " + value + "}",
					"partnerPromoCodeRequestsAllowed");
		}

		private void refusesAWrongType(String body, String field) {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, body).as(ALICE).send();

			JsonNode problem = assertProblem(reply, 400, "invalid-request");
			assertThat(errorFields(problem)).as(body).containsExactly(field);
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void refusesAnEmptyBodyAndSavesNothing() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = call("PUT", settingsPath(program)).as(ALICE)
				.header("Content-Type", "application/json")
				.body(BodyPublishers.noBody())
				.send();

			assertProblem(reply, 400, "invalid-request");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void refusesABodyThatIsNotJsonWith415AndSavesNothing() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = call("PUT", settingsPath(program)).as(ALICE)
				.header("Content-Type", "text/plain")
				.body(BodyPublishers.ofString(ON_ON))
				.send();

			assertProblem(reply, 415, "unsupported-media-type");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

	}

	@Nested
	class ProgramsTheCallerMayNotSee {

		@Test
		void answers404ToAnotherBrandAdminAndSavesNothing() {
			refusedAsNotFound(BOB, PromoCodeSettingsApiIT.this.acmeUs, ALICE);
			refusedAsNotFound(BOB, PromoCodeSettingsApiIT.this.acmeFr, ALICE);
		}

		@Test
		void answers404ToACsmForABrandNotAssignedToHerAndSavesNothing() {
			refusedAsNotFound(CAROL, PromoCodeSettingsApiIT.this.globexMain, BOB);
		}

		@Test
		void answers404ToAPartnerForEveryProgramAndSavesNothing() {
			refusedAsNotFound(PAT, PromoCodeSettingsApiIT.this.acmeUs, ALICE);
			refusedAsNotFound(PAT, PromoCodeSettingsApiIT.this.acmeFr, ALICE);
			refusedAsNotFound(PAT, PromoCodeSettingsApiIT.this.globexMain, BOB);
		}

		@Test
		void looksExactlyLikeAProgramThatDoesNotExist() {
			JsonNode hidden = assertProblem(get(PromoCodeSettingsApiIT.this.acmeUs).as(BOB).send(), 404, "not-found");
			JsonNode missing = assertProblem(get(999_999).as(BOB).send(), 404, "not-found");

			for (String field : List.of("type", "title", "status", "detail")) {
				assertThat(hidden.get(field)).as(field).isEqualTo(missing.get(field));
			}
		}

		private void refusedAsNotFound(String caller, long program, String owner) {
			Snapshot before = snapshot(program, owner);

			assertProblem(get(program).as(caller).send(), 404, "not-found");
			for (String body : List.of(ON_ON, ON_OFF, OFF_OFF)) {
				assertProblem(put(program, body).as(caller).send(), 404, "not-found");
			}
			assertProblem(put(program, ON_ON).as(caller).header("If-Match", "\"" + before.version() + "\"").send(),
					404, "not-found");

			assertThat(snapshot(program, owner)).isEqualTo(before);
		}

	}

	@Nested
	class ProgramsThatDoNotExist {

		@ParameterizedTest
		@ValueSource(strings = { "999999", "0", "-1", "abc", "1.5", "99999999999999999999" })
		void answers404ProblemForGetAndPut(String id) {
			String path = "/api/programs/" + id + "/promo-code-settings";

			assertProblem(call("GET", path).as(ALICE).send(), 404, "not-found");
			assertProblem(call("PUT", path).as(ALICE).json(OFF_OFF).send(), 404, "not-found");
		}

	}

	@Nested
	class Authentication {

		@Test
		void answers401WithABasicChallengeWithoutCredentials() {
			for (String path : List.of("/api/programs", settingsPath(PromoCodeSettingsApiIT.this.acmeUs))) {
				Reply reply = call("GET", path).send();

				assertProblem(reply, 401, "unauthorized");
				assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
			}
		}

		@Test
		void savesNothingWithoutCredentials() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			Reply reply = put(program, ON_ON).send();

			assertProblem(reply, 401, "unauthorized");
			assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void answers401ToAWrongPasswordOrAnUnknownUser() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);

			for (String[] credentials : List.of(new String[] { ALICE, "wrong-pass" },
					new String[] { "nobody@acme.example", "alice-demo-pass" }, new String[] { ALICE, "" })) {
				Reply list = call("GET", "/api/programs").as(credentials[0], credentials[1]).send();
				assertProblem(list, 401, "unauthorized");
				assertThat(list.header("WWW-Authenticate")).startsWith("Basic");

				Reply save = put(program, ON_ON).as(credentials[0], credentials[1]).send();
				assertProblem(save, 401, "unauthorized");
			}
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		@Test
		void neverAcceptsABrowserSessionCookieForAnApiCall() {
			String session = logInThroughTheForm(ALICE);
			// The cookie is a live, logged-in page session...
			Reply home = call("GET", "/").header("Cookie", session).send();
			assertThat(home.status()).isEqualTo(200);
			assertThat(home.body()).doesNotContain("name=\"password\"");

			// ...yet the API does not take it.
			Reply list = call("GET", "/api/programs").header("Cookie", session).send();
			assertProblem(list, 401, "unauthorized");
			assertThat(list.header("WWW-Authenticate")).startsWith("Basic");

			long program = PromoCodeSettingsApiIT.this.acmeUs;
			Snapshot before = snapshot(program, ALICE);
			assertProblem(put(program, ON_ON).header("Cookie", session).send(), 401, "unauthorized");
			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

		/** Logs in like a browser and answers the {@code Cookie} header value of the logged-in session. */
		private String logInThroughTheForm(String username) {
			Reply loginPage = call("GET", "/login").send().expect(200);
			assertThat(cookie(loginPage, Http.SESSION_COOKIE)).as("no session for the login page").isNull();
			// Without a session, the login form's token is bound to a cookie of its own.
			String csrfCookie = cookie(loginPage, Http.CSRF_COOKIE);
			assertThat(csrfCookie).as("CSRF cookie of the login page").isNotNull();
			String csrf = Jsoup.parse(loginPage.body()).select("form input[name=_csrf]").attr("value");
			assertThat(csrf).as("CSRF token of the login form").isNotBlank();

			String form = "username=" + encode(username) + "&password=" + encode(PASSWORDS.get(username)) + "&_csrf="
					+ encode(csrf);
			Reply login = call("POST", "/login").header("Cookie", csrfCookie)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.body(BodyPublishers.ofString(form))
				.send();

			assertThat(login.status()).as("login answer").isEqualTo(302);
			assertThat(login.header("Location")).doesNotContain("error");
			String session = cookie(login, Http.SESSION_COOKIE);
			assertThat(session).as("new session cookie after login").isNotNull();
			return session;
		}

		private static String cookie(Reply reply, String name) {
			return reply.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(cookie -> cookie.startsWith(name + "="))
				.map(cookie -> cookie.split(";", 2)[0])
				.findFirst()
				.orElse(null);
		}

	}

	@Nested
	class OtherFailures {

		@Test
		void answers404ProblemForAnUnknownApiPath() {
			for (String path : List.of("/api/nothing-here", "/api/programs/" + PromoCodeSettingsApiIT.this.acmeUs
					+ "/no-such-thing")) {
				Reply reply = call("GET", path).as(ALICE).send();

				assertProblem(reply, 404, "not-found");
			}
		}

		@Test
		void answers405ProblemForAMethodTheSettingsDoNotTake() {
			long program = PromoCodeSettingsApiIT.this.acmeUs;
			put(program, ON_OFF).as(ALICE).send().expect(200);
			Snapshot before = snapshot(program, ALICE);

			assertProblem(call("DELETE", settingsPath(program)).as(ALICE).send(), 405, "method-not-allowed");
			assertProblem(call("POST", settingsPath(program)).as(ALICE).json(OFF_OFF).send(), 405,
					"method-not-allowed");
			assertProblem(call("PATCH", settingsPath(program)).as(ALICE).json(OFF_OFF).send(), 405,
					"method-not-allowed");

			assertThat(snapshot(program, ALICE)).isEqualTo(before);
		}

	}

	// ---------------------------------------------------------------------------------------------------
	// Helpers

	/** What a refusal must leave untouched. */
	record Snapshot(boolean tracking, boolean requests, long version, Instant updatedAt, String updatedBy) {

		static Snapshot of(JsonNode settings) {
			String updatedAt = textOrNull(settings.get("updatedAt"));
			return new Snapshot(settings.get("promoCodeTrackingEnabled").booleanValue(),
					settings.get("partnerPromoCodeRequestsAllowed").booleanValue(), settings.get("version").asLong(),
					(updatedAt != null) ? Instant.parse(updatedAt) : null, textOrNull(settings.get("updatedBy")));
		}

	}

	/** The same state, to the microsecond the database keeps. */
	static void assertSameState(Snapshot actual, Snapshot expected) {
		assertThat(actual).isEqualTo(expected);
	}

	Snapshot snapshot(long program, String reader) {
		Reply reply = get(program).as(reader).send().expect(200);
		Snapshot snapshot = Snapshot.of(reply.json());
		assertThat(reply.header("ETag")).isEqualTo("\"" + snapshot.version() + "\"");
		return snapshot;
	}

	/** Checks the RFC 9457 shape of an error answer and returns its body. */
	JsonNode assertProblem(Reply reply, int status, String type) {
		assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).as("Content-Type").startsWith(PROBLEM_JSON);
		JsonNode problem = reply.json();
		String typeUri = problem.path("type").stringValue("");
		assertThat(typeUri).as("type").startsWith("https://");
		assertThat(typeUri.substring(typeUri.lastIndexOf('/') + 1)).as("last segment of type").isEqualTo(type);
		assertThat(problem.path("status").asInt()).as("status in the body").isEqualTo(status);
		assertThat(problem.path("title").stringValue("")).as("title").isNotBlank();
		assertThat(problem.path("detail").stringValue("")).as("detail").isNotBlank();
		assertThat(reply.body()).as("no internals leak")
			.doesNotContain("org.springframework", "tools.jackson", "java.lang", "Exception");
		assertThat(problem.has("trace")).isFalse();
		return problem;
	}

	static List<String> errorFields(JsonNode problem) {
		JsonNode errors = problem.path("errors");
		assertThat(errors.isArray()).as("errors of %s", problem).isTrue();
		List<String> fields = new ArrayList<>();
		for (JsonNode error : errors) {
			fields.add(error.path("field").stringValue(""));
			assertThat(error.path("message").stringValue("")).as("message of %s", error).isNotBlank();
		}
		return fields;
	}

	Map<String, Long> programIdsVisibleTo(String user) {
		JsonNode programs = call("GET", "/api/programs").as(user).send().expect(200).json();
		Map<String, Long> ids = new LinkedHashMap<>();
		for (JsonNode program : programs) {
			ids.put(program.get("name").stringValue(), program.get("id").asLong());
		}
		return ids;
	}

	/** Switches tracking and partner requests on behind the service's back, as a new version. */
	void turnOnInTheDatabase(long program) {
		int rows = this.jdbc.update("update promo_code_settings set promo_code_tracking_enabled = true, "
				+ "partner_promo_code_requests_allowed = true, version = version + 1 where program_id = ?", program);
		assertThat(rows).isEqualTo(1);
	}

	static List<String> names(JsonNode programs) {
		List<String> names = new ArrayList<>();
		programs.forEach(program -> names.add(program.get("name").stringValue()));
		return names;
	}

	static List<Long> ids(JsonNode programs) {
		List<Long> ids = new ArrayList<>();
		programs.forEach(program -> ids.add(program.get("id").asLong()));
		return ids;
	}

	static Properties messages(String file) {
		try (InputStream in = PromoCodeSettingsApiIT.class.getClassLoader().getResourceAsStream(file)) {
			assertThat(in).as(file).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String body(boolean tracking, boolean requests) {
		return "{\"promoCodeTrackingEnabled\": " + tracking + ", \"partnerPromoCodeRequestsAllowed\": " + requests
				+ "}";
	}

	static String settingsPath(long program) {
		return "/api/programs/" + program + "/promo-code-settings";
	}

	static String textOrNull(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null
				: node.isString() ? node.stringValue() : node.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	Call get(long program) {
		return call("GET", settingsPath(program));
	}

	Call put(long program, String body) {
		return call("PUT", settingsPath(program)).json(body);
	}

	Call call(String method, String path) {
		return new Call(method, path);
	}

	/** One HTTP request, built up step by step; no cookies unless set by hand. */
	final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private BodyPublisher body = BodyPublishers.noBody();

		Call(String method, String path) {
			this.method = method;
			this.path = path;
			this.headers.put("Accept", "application/json");
		}

		Call as(String user) {
			return as(user, PASSWORDS.get(user));
		}

		Call as(String user, String password) {
			String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			return header("Authorization", "Basic " + token);
		}

		Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		Call json(String json) {
			header("Content-Type", "application/json");
			return body(BodyPublishers.ofString(json));
		}

		Call body(BodyPublisher publisher) {
			this.body = publisher;
			return this;
		}

		Reply send() {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + PromoCodeSettingsApiIT.this.port + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, this.body);
			this.headers.forEach(request::header);
			try {
				HttpResponse<String> response = PromoCodeSettingsApiIT.this.http.send(request.build(),
						BodyHandlers.ofString(StandardCharsets.UTF_8));
				// Every answer keeps to the served OpenAPI document.
				ApiContract.servedBy(Http.on(PromoCodeSettingsApiIT.this.port, PromoCodeSettingsApiIT.this.json))
					.assertConforms(this.method, this.path, response.statusCode(),
							response.headers().firstValue("Content-Type").orElse(""), response.body());
				return new Reply(this.method + " " + this.path, response.statusCode(), response.headers(),
						response.body(), PromoCodeSettingsApiIT.this.json);
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

	record Reply(String request, int status, HttpHeaders headers, String body, JsonMapper mapper) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		JsonNode json() {
			return this.mapper.readTree(this.body);
		}

		Reply expect(int expected) {
			assertThat(this.status).as("%s answered %s %s", this.request, this.status, this.body).isEqualTo(expected);
			return this;
		}

		@Override
		public String toString() {
			return this.request + " -> " + this.status + " " + this.headers.map().entrySet().stream()
				.map(Object::toString)
				.collect(Collectors.joining(", ")) + " " + this.body;
		}

	}

}
