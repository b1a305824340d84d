package com.promotracking.system;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
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

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;

import static com.promotracking.support.ApiAssertions.assertInvalid;
import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.ApiAssertions.elements;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API takes, over real HTTP: bodies decoded strictly in their encoding and kept as meant, answers
 * that are valid JSON even for payloads stored by earlier versions, one spelling for each value (no number or
 * boolean as text, no fraction as an integer, one way to write an id), dates within the supported years, and
 * names that show something.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StrictInputIT {

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36).toUpperCase();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	long program;

	long onlineSale;

	@BeforeEach
	void acmeOutdoorUs() {
		this.http = Http.on(this.port, this.json);
		this.program = this.http.program(ACME_US).id();
		this.onlineSale = elements(this.http.api("GET", eventTypesPath(), ALICE, null).json()).stream()
			.filter(type -> "Online Sale".equals(type.get("name").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
	}

	// ---------------------------------------------------------------- encodings

	@ParameterizedTest
	@ValueSource(strings = { "UTF-16LE", "UTF-16BE+BOM", "UTF-16LE+BOM", "UTF-32BE", "UTF-32LE", "UTF-8+BOM",
			"ISO-8859-1;declared", "UTF-16;declared", "UTF-8" })
	void aTestConversionInAnyJsonEncodingIsKeptAsMeantAndAnsweredAsValidJson(String encoding) {
		String orderId = "enc-" + RUN + "-" + encoding;
		String body = "{\"orderId\":\"" + orderId + "\",\"amount\":12.5,\"currency\":\"EUR\",\"note\":\"café ✓\"}";
		if (encoding.startsWith("ISO")) {
			body = body.replace(" ✓", "");
		}
		Response created = send("POST", testActionsPath(this.onlineSale), encoded(body, encoding),
				contentTypeOf(encoding));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode answered = strictJson(created);
		assertThat(answered.get("payload").get("note").asString()).startsWith("café");
		assertThat(answered.get("payload").get("orderId").asString()).isEqualTo(orderId);
		JsonNode again = strictJson(this.http.api("GET", created.location(), ALICE, null));
		assertThat(again.get("payload")).isEqualTo(answered.get("payload"));
		assertThat(strictJson(this.http.api("GET", testActionsPath(this.onlineSale), ALICE, null)).findValues("note"))
			.allSatisfy(note -> assertThat(note.asString()).doesNotContain("\uFFFD").doesNotContain("\u0000"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "C0AF", "E080AF", "80", "BF", "EDA080", "F4908080", "F888808080", "E282", "FF" })
	void malformedUtf8InAJsonBodyIsAnInvalidRequestAndCreatesNothing(String hex) {
		String name = "Bad-" + RUN + "-" + hex;
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("{\"name\":\"" + name).getBytes(StandardCharsets.UTF_8));
		body.writeBytes(HexFormat.of().parseHex(hex));
		body.writeBytes("x\",\"kind\":\"sale\"}".getBytes(StandardCharsets.UTF_8));

		Response refused = send("POST", eventTypesPath(), body.toByteArray(), "application/json");

		assertProblem(refused, 400, "invalid-request");
		assertThat(this.http.api("GET", eventTypesPath(), ALICE, null).body()).doesNotContain(name);
	}

	@Test
	void aBodyDeclaredInLatin1IsReadInLatin1() {
		String name = "Caf\u00e9 " + RUN;
		byte[] body = ("{\"name\":\"" + name + "\",\"kind\":\"lead\"}").getBytes(StandardCharsets.ISO_8859_1);

		Response created = send("POST", eventTypesPath(), body, "application/json; charset=ISO-8859-1");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("name").asString()).isEqualTo(name);
	}

	@Test
	void aPayloadStoredByAnEarlierVersionThatIsNoJsonIsAnsweredAsAJsonString() {
		long eventType = createdEventType("Legacy " + RUN);
		String stored = "\uFEFF{\"orderId\":\"legacy\",\"note\":\"caf\uFFFD\"}";
		this.jdbc.update("insert into test_action (event_type_id, order_id, amount, currency, payload, received_at,"
				+ " review_state) values (?, ?, 1.00, 'EUR', ?, ?, 'PENDING')", eventType, "legacy-" + RUN, stored,
				Timestamp.from(Instant.now()));

		JsonNode listed = strictJson(this.http.api("GET", testActionsPath(eventType), ALICE, null));

		assertThat(listed.get(0).get("payload").isString()).isTrue();
		assertThat(listed.get(0).get("payload").asString()).isEqualTo(stored);
	}

	// ---------------------------------------------------------------- one spelling for each value

	@ParameterizedTest
	@ValueSource(strings = { "false", "true", "12", "1.5", "[\"a\"]", "{\"a\":1}" })
	void aNameThatIsNoStringIsRefusedNamingIt(String value) {
		Response refused = this.http.api("POST", eventTypesPath(), ALICE,
				"{\"name\":" + value + ",\"kind\":\"sale\"}");

		assertInvalid(refused, "name");
		assertThat(elements(this.http.api("GET", eventTypesPath(), ALICE, null).json()))
			.noneSatisfy(type -> assertThat(type.get("name").asString()).isEqualTo(value));
	}

	@Test
	void aFractionIsNoIdNorAnIntegerSpelledAsText() {
		String conversion = "{\"orderId\":\"frac-" + RUN + "\",\"eventTypeId\":" + this.onlineSale
				+ ",\"amount\":\"10.00\",\"currency\":\"EUR\",\"clicks\":[{\"partnerId\":PARTNER,"
				+ "\"at\":\"2026-01-02T03:04:05Z\"}]}";

		assertInvalid(this.http.api("POST", conversionsPath(), ALICE, conversion.replace("PARTNER", "1.9")),
				"clicks[0].partnerId");
		assertInvalid(this.http.api("POST", conversionsPath(), ALICE, conversion.replace("PARTNER", "1.0")),
				"clicks[0].partnerId");
		assertInvalid(this.http.api("POST", conversionsPath(), ALICE, conversion.replace("PARTNER", "\"1\"")),
				"clicks[0].partnerId");
		assertInvalid(this.http.api("PUT", Http.settingsApiPath(this.program), ALICE,
				"{\"promoCodeTrackingEnabled\":0,\"partnerPromoCodeRequestsAllowed\":false}"),
				"promoCodeTrackingEnabled");
	}

	@Test
	void anIdInAPathHasOneSpellingAndAnyOtherNamesNothing() {
		String id = Long.toString(this.program);
		assertThat(this.http.api("GET", "/api/programs/" + id + "/promo-code-settings", ALICE, null).status())
			.isEqualTo(200);
		String arabicDigits = id.chars()
			.mapToObj(digit -> String.valueOf((char) ('\u0660' + digit - '0')))
			.reduce("", String::concat);
		for (String spelling : List.of("0x" + Long.toHexString(this.program), "%2B" + id, "0" + id, "00" + id,
				URLEncoder.encode(arabicDigits, StandardCharsets.UTF_8), "%23" + Long.toHexString(this.program),
				id + ".0", "99999999999999999999")) {
			Response reply = this.http.api("GET", "/api/programs/" + spelling + "/promo-code-settings", ALICE, null);
			assertProblem(reply, 404, "not-found");
		}
	}

	@Test
	void aNumberInAQueryHasOneSpellingToo() {
		assertInvalid(this.http.api("GET", conversionsPath() + "?partnerId=%2B1", ALICE, null), "partnerId");
		assertInvalid(this.http.api("GET", conversionsPath() + "?partnerId=0x1", ALICE, null), "partnerId");
		assertInvalid(this.http.api("GET", conversionsPath() + "?size=020", ALICE, null), "size");
		assertThat(this.http.api("GET", conversionsPath() + "?partnerId=1&size=20", ALICE, null).status())
			.isEqualTo(200);
	}

	// ---------------------------------------------------------------- dates

	@ParameterizedTest
	@ValueSource(strings = { "+999999999-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
			"0001-01-01T00:00:00Z", "3000-01-01T00:00:00-01:00" })
	void aDateTimeBeyondTheSupportedYearsIsRefusedNamingItsField(String at) {
		String conversion = "{\"orderId\":\"date-" + RUN + "-" + at.hashCode() + "\",\"eventTypeId\":" + this.onlineSale
				+ ",\"amount\":1,\"currency\":\"EUR\",\"occurredAt\":\"OCCURRED\",\"clicks\":[{\"partnerId\":1,"
				+ "\"at\":\"CLICKED\"}]}";
		String ok = "2026-01-02T03:04:05Z";

		Response occurred = this.http.api("POST", conversionsPath(), ALICE,
				conversion.replace("OCCURRED", at).replace("CLICKED", ok));
		Response clicked = this.http.api("POST", conversionsPath(), ALICE,
				conversion.replace("OCCURRED", ok).replace("CLICKED", at));
		Response listed = this.http.api("GET",
				conversionsPath() + "?from=" + URLEncoder.encode(at, StandardCharsets.UTF_8), ALICE, null);
		Response code = this.http.api("POST", "/api/programs/" + this.program + "/promo-codes", ALICE,
				"{\"partnerId\":1,\"code\":\"D" + RUN + "\",\"startsAt\":\"" + at + "\"}");

		assertDateRefused(occurred, "occurredAt");
		assertDateRefused(clicked, "clicks[0].at");
		assertDateRefused(listed, "from");
		assertDateRefused(code, "startsAt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+1000000-01-01", "3000-01-01", "1999-12-31", "0000-01-01" })
	void aDayBeyondTheSupportedYearsIsRefusedNamingItsField(String day) {
		Response report = this.http.api("GET", "/api/programs/" + this.program + "/reports/promo-codes?from="
				+ URLEncoder.encode(day, StandardCharsets.UTF_8), ALICE, null);
		Response request = this.http.api("POST", "/api/programs/" + this.program + "/promo-code-requests", PAT,
				"{\"suggestedCodes\":[\"R" + RUN + "\"],\"dateNeeded\":\"" + day + "\"}");
		Response codeEnd = this.http.api("POST", "/api/programs/" + this.program + "/promo-codes", ALICE,
				"{\"partnerId\":1,\"code\":\"E" + RUN + "\",\"endsAt\":\"" + day + "\"}");

		assertRangeReason(report, "from");
		assertRangeReason(request, "dateNeeded");
		assertRangeReason(codeEnd, "endsAt");
	}

	// ---------------------------------------------------------------- names that show something

	@ParameterizedTest
	@ValueSource(strings = { "\\u0000", "\\u0019", "\\u00a0", "\\u200b", "\\u2800\\u3164\\u115f", "\\u00a0\\u200b\\u2060",
			"a\\u0000b", "Sale\\u0007", "Sale\\u202eevil", "x\\u2028y", "\\ud800" })
	void aNameOfInvisibleOrControlCharactersIsRefusedNamingIt(String escaped) {
		assertInvalid(this.http.api("POST", eventTypesPath(), ALICE,
				"{\"name\":\"" + escaped + "\",\"kind\":\"sale\"}"), "name");
		assertInvalid(this.http.api("POST", "/api/api-keys", ALICE, "{\"name\":\"" + escaped + "\"}"), "name");
	}

	@Test
	void aNameWithVisibleCharactersAroundSpacesAndJoinersIsTaken() {
		Response created = this.http.api("POST", eventTypesPath(), ALICE,
				"{\"name\":\"Caf\\u00e9 \\ud83d\\udc69\\u200d\\ud83d\\udcbb " + RUN + "\",\"kind\":\"sale\"}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	// ---------------------------------------------------------------- helpers

	/** Refused naming the field; with the supported years as reason where the text was a date at all. */
	private void assertDateRefused(Response reply, String field) {
		assertInvalid(reply, field);
		assertThat(reply.json().get("errors").get(0).get("message").asString()).satisfiesAnyOf(
				message -> assertThat(message).containsAnyOf("has the wrong type", "has an invalid value", "Not a date"),
				message -> assertThat(message).contains("2000").contains("2999"));
	}

	private void assertRangeReason(Response reply, String field) {
		assertInvalid(reply, field);
		assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("2000").contains("2999");
	}

	private long createdEventType(String name) {
		Response created = this.http.api("POST", eventTypesPath(), ALICE,
				"{\"name\":\"" + name + "\",\"kind\":\"sale\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** The answer, which must be JSON by the letter: no raw NUL, no byte order mark before it, one value. */
	private JsonNode strictJson(Response reply) {
		assertThat(reply.body()).doesNotContain("\u0000").doesNotStartWith("\uFEFF");
		return this.json.readTree(reply.body());
	}

	// ---------------------------------------------------------------- NUL characters

	@Test
	void aNulCharacterInAnyTextIsRefusedNamingItsFieldOnEveryDatabase() {
		assertInvalid(this.http.api("POST", "/api/programs/" + this.program + "/promo-code-requests", PAT,
				"{\"suggestedCodes\": [\"NUL" + RUN + "\"], \"instructions\": \"a\\u0000b\"}"), "instructions");
		assertInvalid(this.http.api("POST", "/api/programs/" + this.program + "/conversions", ALICE,
				"{\"orderId\": \"nul-" + RUN + "\", \"eventTypeId\": " + this.onlineSale
						+ ", \"amount\": 1, \"currency\": \"USD\", \"promoCode\": \"a\\u0000b\"}"),
				"promoCode");
		assertInvalid(this.http.api("POST", eventTypesPath(), ALICE, "{\"name\": \"a\\u0000b\", \"kind\": \"sale\"}"),
				"name");
	}

	// ---------------------------------------------------------------- filters

	@ParameterizedTest
	@ValueSource(strings = { "/promo-codes?state=", "/promo-codes?state=ACTIVE", "/promo-code-requests?state=",
			"/promo-code-requests?state=Open", "/conversions?by=", "/conversions?by=CLICK" })
	void aFilterIsOneOfItsValuesSpelledOneWayForBrandsAndPartnersAlike(String filter) {
		for (String user : List.of(ALICE, PAT)) {
			assertInvalid(this.http.api("GET", "/api/programs/" + this.program + filter, user, null),
					filter.substring(filter.indexOf('?') + 1, filter.indexOf('=')));
		}
	}

	private Response send(String method, String path, byte[] body, String contentType) {
		return this.http.send(this.http.anonymous(),
				HttpRequest.newBuilder(URI.create(this.http.base() + path))
					.header("Accept", "application/json, application/problem+json")
					.header("Authorization", Http.basic(ALICE, Http.PASSWORDS.get(ALICE)))
					.header("Content-Type", contentType)
					.method(method, BodyPublishers.ofByteArray(body)));
	}

	private static byte[] encoded(String body, String encoding) {
		String name = encoding.split("[+;]")[0];
		byte[] bytes = body.getBytes(Charset.forName(name));
		if (!encoding.endsWith("+BOM")) {
			return bytes;
		}
		byte[] bom = "\uFEFF".getBytes(Charset.forName(name));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(bom);
		out.writeBytes(bytes);
		return out.toByteArray();
	}

	private static String contentTypeOf(String encoding) {
		return encoding.endsWith(";declared") ? "application/json; charset=" + encoding.split(";")[0]
				: "application/json";
	}

	private String eventTypesPath() {
		return "/api/programs/" + this.program + "/event-types";
	}

	private String testActionsPath(long eventType) {
		return eventTypesPath() + "/" + eventType + "/test-actions";
	}

	private String conversionsPath() {
		return "/api/programs/" + this.program + "/conversions";
	}

}
