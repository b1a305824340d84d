package com.promotracking.promocodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
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
import com.promotracking.support.RawHttp;

import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.PASSWORDS;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promo codes in bulk over real HTTP: a file previewed (as the body or as a form's file), accepted all or nothing,
 * every problem type of the import, hostile files that leave nothing behind, who may import, and the export that
 * reads back as the same codes.
 *
 * <p>The database is shared with the other integration tests: tracking is on for Acme Outdoor US during each test,
 * and every code is new to the run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PromoCodeImportApiIT {

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36).toUpperCase();

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final String HEADER = "Promo Code,Partner,Match Type,Credit Policy,Start Date,End Date,Time Zone\n";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	Program acmeUs;

	long trailblazer;

	long couponCorner;

	@BeforeEach
	void trackingIsOnForAcmeOutdoorUs() {
		this.http = Http.on(this.port, this.json);
		this.acmeUs = this.http.program(ACME_US);
		this.trailblazer = this.http.partnerId(ALICE, this.acmeUs.id(), "Trailblazer Deals");
		this.couponCorner = this.http.partnerId(ALICE, this.acmeUs.id(), "Coupon Corner");
		this.http.put(ALICE, this.acmeUs.id(), true, false);
	}

	@AfterEach
	void trackingIsOffAgain() {
		this.http.put(ALICE, this.acmeUs.id(), false, false);
	}

	@Test
	void aPreviewedFileIsAcceptedIntoEveryCodeWithOneHistoryEntry() {
		String first = code();
		String second = code();
		String third = code();
		String file = HEADER + first + ",Trailblazer Deals,exact,always,2026-01-01,,Europe/Paris\n" + second + ","
				+ this.couponCorner + ",LI,INVOLVED,2026-01-01T09:00,2027-01-01T00:00:00Z,\n" + third
				+ ",Coupon Corner,,if-winner,,,\n";

		Response preview = upload(ALICE, file, "spring-codes.csv");

		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		JsonNode body = preview.json();
		long id = body.get("id").asLong();
		assertThat(preview.location()).endsWith("/api/programs/" + this.acmeUs.id() + "/promo-code-imports/" + id);
		assertThat(body.get("fileName").asString()).isEqualTo("spring-codes.csv");
		assertThat(body.get("rows").asInt()).isEqualTo(3);
		assertThat(body.get("ready").asInt()).isEqualTo(3);
		assertThat(body.get("errors").size()).isZero();
		assertThat(body.get("expired").asBoolean()).isFalse();
		assertThat(codesOf(this.acmeUs.id())).doesNotContain(first, second, third);
		assertThat(this.http.api("GET", importPath(id), ALICE, null).json().get("ready").asInt()).isEqualTo(3);

		Response accepted = this.http.api("POST", importPath(id) + "/acceptance", ALICE, null);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().get("created").asInt()).isEqualTo(3);
		List<JsonNode> created = codes(this.acmeUs.id()).stream()
			.filter(code -> List.of(first, second, third).contains(code.get("code").asString()))
			.toList();
		assertThat(created).hasSize(3).allSatisfy(code -> {
			assertThat(code.get("importId").asLong()).isEqualTo(id);
			assertThat(code.get("createdBy").asString()).isEqualTo(ALICE);
		});
		JsonNode secondCode = created.stream().filter(code -> code.get("code").asString().equals(second)).findFirst()
			.orElseThrow();
		assertThat(secondCode.get("partnerId").asLong()).isEqualTo(this.couponCorner);
		assertThat(secondCode.get("creditPolicy").asString()).isEqualTo("if-involved");
		assertThat(secondCode.get("startsAt").asString()).isEqualTo("2026-01-01T09:00:00Z");
		assertThat(secondCode.get("endsAt").asString()).isEqualTo("2027-01-01T00:00:00Z");
		JsonNode firstCode = created.stream().filter(code -> code.get("code").asString().equals(first)).findFirst()
			.orElseThrow();
		assertThat(firstCode.get("startsAt").asString()).isEqualTo("2025-12-31T23:00:00Z");
		assertThat(firstCode.get("timeZone").asString()).isEqualTo("Europe/Paris");
		List<JsonNode> entries = this.http.historyOf(ALICE, this.acmeUs.id(), "promo-code-import", id);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).at("/subject/label").asString()).isEqualTo("spring-codes.csv");
		assertThat(entries.get(0).at("/outcome").asString()).isEqualTo("changed");
		assertThat(entries.get(0).toString()).contains("promoCodes", "\"3\"");
		assertProblem(this.http.api("POST", importPath(id) + "/acceptance", ALICE, null), 409,
				"import-already-accepted");
		assertThat(this.http.api("GET", importPath(id), ALICE, null).json().get("created").asInt()).isEqualTo(3);
	}

	@Test
	void aFileUploadedAsAFormFieldKeepsItsName() {
		String code = code();
		byte[] file = (HEADER + code + "," + this.trailblazer + ",,,,,\n").getBytes(StandardCharsets.UTF_8);
		String boundary = "----import" + RUN;
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"codes é.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		Response preview = this.http.send(authorized(ALICE, importsPath())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray())));

		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		assertThat(preview.json().get("fileName").asString()).isEqualTo("codes é.csv");
		assertThat(preview.json().get("ready").asInt()).isEqualTo(1);
	}

	@Test
	void everyRowProblemIsNamedWithItsLineAndFieldAndAcceptanceCreatesNothing() {
		String good = code();
		String repeated = code();
		String existing = code();
		Http.expect(this.http.api("POST", "/api/programs/" + this.acmeUs.id() + "/promo-codes", ALICE,
				"{\"partnerId\": " + this.trailblazer + ", \"code\": \"" + existing + "\"}"), 201);
		String file = HEADER //
				+ good + ",Trailblazer Deals,,,,,\n" // line 2: ready
				+ repeated + ",Trailblazer Deals,,,,,\n" // line 3: ready, repeated below
				+ repeated.toLowerCase() + ",Coupon Corner,,,,,\n" // line 4: the same code without case
				+ existing.toLowerCase() + ",Trailblazer Deals,,,,,\n" // line 5: the program has it
				+ code() + ",Nobody Ltd,,,,,\n" // line 6
				+ code() + ",Trailblazer Deals,fuzzy,,,,\n" // line 7
				+ code() + ",Trailblazer Deals,,sometimes,,,\n" // line 8
				+ code() + ",Trailblazer Deals,,,yesterday,,\n" // line 9
				+ code() + ",Trailblazer Deals,,,2026-02-01,2026-01-01,\n" // line 10
				+ code() + ",Trailblazer Deals,,,,,Mars/Olympus\n" // line 11
				+ "(unclosed,Trailblazer Deals,regex,,,,\n" // line 12
				+ "has space,Trailblazer Deals,,,,,\n" // line 13
				+ code() + ",,,,,,\n"; // line 14

		Response preview = upload(ALICE, file, null);

		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		JsonNode body = preview.json();
		assertThat(body.get("fileName").asString()).isEqualTo("promo-codes.csv");
		assertThat(body.get("rows").asInt()).isEqualTo(13);
		assertThat(body.get("ready").asInt()).isEqualTo(2);
		assertThat(errorsOf(body)).containsExactly("4 code", "5 code", "6 partnerId", "7 matchType",
				"8 creditPolicy", "9 startsAt", "10 endsAt", "11 timeZone", "12 code", "13 code", "14 partnerId");
		assertThat(messageOf(body, 4)).isEqualTo("The file already has this code on line 3.");
		assertThat(messageOf(body, 10)).isEqualTo("The end must come after the start.");
		long id = body.get("id").asLong();

		Response refused = this.http.api("POST", importPath(id) + "/acceptance", ALICE, null);

		assertProblem(refused, 422, "import-has-errors");
		assertThat(errorsOf(refused.json())).hasSize(11).contains("4 code");
		assertThat(codesOf(this.acmeUs.id())).doesNotContain(good, repeated);
		assertThat(this.http.historyOf(ALICE, this.acmeUs.id(), "promo-code-import", id)).singleElement()
			.satisfies(entry -> assertThat(entry.get("outcome").asString()).isEqualTo("refused"));
	}

	@Test
	void reasonsAreInTheReadersLanguage() {
		Response preview = this.http.send(authorized(ALICE, importsPath()).header("Content-Type", "text/csv")
			.header("Accept-Language", "fr")
			.POST(BodyPublishers.ofString(HEADER + code() + ",Trailblazer Deals,,,2026-02-01,2026-01-01,\n")));

		assertThat(preview.status()).isEqualTo(201);
		assertThat(messageOf(preview.json(), 2)).isEqualTo("La fin doit venir après le début.");
	}

	@Test
	void aRowThatBecameInvalidSinceThePreviewStopsTheWholeAcceptance() {
		String kept = code();
		String takenMeanwhile = code();
		Response preview = upload(ALICE,
				HEADER + kept + ",Trailblazer Deals,,,,,\n" + takenMeanwhile + ",Trailblazer Deals,,,,,\n", null);
		long id = Http.expect(preview, 201).json().get("id").asLong();
		Http.expect(this.http.api("POST", "/api/programs/" + this.acmeUs.id() + "/promo-codes", CAROL,
				"{\"partnerId\": " + this.couponCorner + ", \"code\": \"" + takenMeanwhile + "\"}"), 201);

		Response refused = this.http.api("POST", importPath(id) + "/acceptance", ALICE, null);

		assertProblem(refused, 409, "import-stale");
		assertThat(errorsOf(refused.json())).containsExactly("3 code");
		assertThat(codesOf(this.acmeUs.id())).doesNotContain(kept);
		JsonNode after = this.http.api("GET", importPath(id), ALICE, null).json();
		assertThat(after.get("ready").asInt()).isEqualTo(1);
		assertThat(errorsOf(after)).containsExactly("3 code");
		assertProblem(this.http.api("POST", importPath(id) + "/acceptance", ALICE, null), 422, "import-has-errors");
	}

	@Test
	void aPreviewOlderThanADayIsGone() {
		long id = Http.expect(upload(ALICE, HEADER + code() + ",Trailblazer Deals,,,,,\n", null), 201).json()
			.get("id").asLong();
		this.jdbc.update("update promo_code_import set expires_at = created_at - interval '1' minute where id = ?", id);

		assertProblem(this.http.api("POST", importPath(id) + "/acceptance", ALICE, null), 410, "import-expired");
		assertThat(this.http.api("GET", importPath(id), ALICE, null).json().get("expired").asBoolean()).isTrue();
	}

	@Test
	void aPreviewIsItsUploadersAndItsProgramsOnly() {
		long id = Http.expect(upload(ALICE, HEADER + code() + ",Trailblazer Deals,,,,,\n", null), 201).json()
			.get("id").asLong();

		for (String other : List.of(CAROL, BOB, PAT)) {
			assertProblem(this.http.api("GET", importPath(id), other, null), 404, "not-found");
			assertProblem(this.http.api("POST", importPath(id) + "/acceptance", other, null), 404, "not-found");
		}
		assertProblem(this.http.api("GET", "/api/programs/" + this.http.program(Http.ACME_FR).id()
				+ "/promo-code-imports/" + id, ALICE, null), 404, "not-found");
		assertProblem(upload(BOB, HEADER + code() + ",Trailblazer Deals,,,,,\n", null), 404, "not-found");
		assertProblem(upload(PAT, HEADER + code() + ",Trailblazer Deals,,,,,\n", null), 404, "not-found");
		assertThat(this.http.send(HttpRequest.newBuilder(this.http.uri(importsPath()))
			.header("Content-Type", "text/csv")
			.POST(BodyPublishers.ofString(HEADER))).status()).isEqualTo(401);
	}

	@Test
	void nothingIsPreviewedWhileTrackingIsOff() {
		this.http.put(ALICE, this.acmeUs.id(), false, false);
		int before = imports();

		assertProblem(upload(ALICE, HEADER + code() + ",Trailblazer Deals,,,,,\n", null), 409,
				"promo-code-tracking-disabled");
		assertThat(imports()).isEqualTo(before);
	}

	@Test
	void hostileFilesAreRefusedWithAReasonAndLeaveNothingBehind() throws IOException {
		int before = imports();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		StringBuilder wide = new StringBuilder(HEADER);
		wide.append(code()).append(",Trailblazer Deals,,,,,").append(",x".repeat(10_000)).append('\n');
		List<byte[]> files = List.of(png, HEADER.getBytes(StandardCharsets.UTF_8),
				wide.toString().getBytes(StandardCharsets.UTF_8),
				(HEADER + "\"" + code() + ",Trailblazer Deals,,,,,\n" + code() + ",Trailblazer Deals,,,,,\n")
					.getBytes(StandardCharsets.UTF_8),
				(HEADER + code() + ";Trailblazer Deals;;;;;\n").getBytes(StandardCharsets.UTF_8), new byte[0]);

		for (byte[] file : files) {
			Response refused = this.http.send(authorized(ALICE, importsPath()).header("Content-Type", "text/csv")
				.POST(BodyPublishers.ofByteArray(file)));

			assertProblem(refused, 400, "invalid-csv-file");
			assertThat(refused.json().get("detail").asString()).isNotBlank().doesNotContain("Exception");
		}
		// Announced as 50 MB: the answer comes before more than the headers and a line were sent.
		String answer = RawHttp.send(this.port, "POST " + importsPath() + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: " + Http.basic(ALICE, PASSWORDS.get(ALICE)) + "\r\nContent-Type: text/csv\r\n"
				+ "Content-Length: " + (50 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n" + HEADER);
		assertThat(RawHttp.statusOf(answer)).as(answer).isEqualTo(413);
		assertThat(RawHttp.bodyOf(answer)).contains("content-too-large");
		assertThat(imports()).isEqualTo(before);
	}

	@Test
	void aRegexThatWouldBacktrackIsRefusedOnItsRowInTime() {
		String aaa = "a".repeat(40) + RUN.toLowerCase().replaceAll("[^a-z]", "") + COUNTER.incrementAndGet();
		String file = HEADER + aaa + ",Coupon Corner,exact,,,,\n(.*a){12}b" + RUN + ",Trailblazer Deals,regex,,,,\n";

		Response preview = upload(ALICE, file, null);

		assertThat(preview.status()).isEqualTo(201);
		assertThat(preview.json().get("ready").asInt()).isEqualTo(1);
		assertThat(errorsOf(preview.json())).containsExactly("3 code");
	}

	@Test
	void theExportIsAnImportFileOfTheSameCodesWithFormulasNeutralised() {
		String exact = code();
		String formula = "=HYPERLINK" + RUN + ".*";
		Http.expect(this.http.api("POST", "/api/programs/" + this.acmeUs.id() + "/promo-codes", ALICE,
				"{\"partnerId\": " + this.couponCorner + ", \"code\": \"" + exact + "\", \"creditPolicy\": \"if-winner\", "
						+ "\"startsAt\": \"2026-03-01T10:00\", \"endsAt\": \"2026-04-01\", \"timeZone\": \"America/New_York\"}"),
				201);
		Http.expect(this.http.api("POST", "/api/programs/" + this.acmeUs.id() + "/promo-codes", ALICE,
				"{\"partnerId\": " + this.couponCorner + ", \"code\": \"" + formula + "\", \"matchType\": \"regex\"}"),
				201);

		Response export = this.http.send(authorized(ALICE,
				"/api/programs/" + this.acmeUs.id() + "/promo-codes.csv?partnerId=" + this.couponCorner)
			.header("Accept", "text/csv")
			.GET());

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith("text/csv");
		String text = export.body();
		assertThat(text).startsWith("\uFEFFPromo Code,Partner Id,Partner,Match Type,Credit Policy,Start Date,End Date,Time Zone\r\n");
		assertThat(text).contains("\r\n" + exact + "," + this.couponCorner
				+ ",Coupon Corner,exact,if-winner,2026-03-01T10:00:00-05:00,2026-04-01T00:00:00-04:00,America/New_York\r\n");
		assertThat(text).contains("\r\n'" + formula + "," + this.couponCorner + ",Coupon Corner,regex,always,");
		assertThat(text).doesNotContain("Trailblazer Deals");

		Response reimport = this.http.send(authorized(ALICE, importsPath()).header("Content-Type", "text/csv")
			.POST(BodyPublishers.ofString(text)));

		assertThat(reimport.status()).isEqualTo(201);
		JsonNode body = reimport.json();
		assertThat(body.get("ready").asInt()).as("every exported code is one the program has").isZero();
		assertThat(body.get("errors").size()).isEqualTo(body.get("rows").asInt());
		for (JsonNode error : body.get("errors")) {
			assertThat(error.get("message").asString()).as(error.toString()).startsWith("The program already has this promo code");
		}
		assertThat(body.get("notices").toString()).contains("Partner");
	}

	@Test
	void theExportRefusesAnUnknownStateAndOtherBrands() {
		String path = "/api/programs/" + this.acmeUs.id() + "/promo-codes.csv";
		assertProblem(this.http.send(authorized(ALICE, path + "?state=sleeping").header("Accept",
				"text/csv, application/problem+json").GET()), 400, "invalid-request");
		assertProblem(this.http.send(authorized(BOB, path).header("Accept", "text/csv, application/problem+json")
			.GET()), 404, "not-found");
		assertProblem(this.http.send(authorized(ALICE, path).header("Accept", "application/json").GET()), 406,
				"not-acceptable");
	}

	@Test
	void aFileUploadFromAWebPageIsRefusedAsAnyFormPostToTheApi() {
		String boundary = "----page" + RUN;
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n"
				+ HEADER + code() + ",Trailblazer Deals,,,,,\r\n--" + boundary + "--\r\n";
		int before = imports();

		for (String[] header : List.of(new String[] { "Origin", "https://evil.example" },
				new String[] { "Sec-Fetch-Site", "cross-site" })) {
			Response refused = this.http.send(authorized(ALICE, importsPath())
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header(header[0], header[1])
				.POST(BodyPublishers.ofString(body)));

			assertProblem(refused, 415, "unsupported-media-type");
		}
		assertThat(imports()).isEqualTo(before);
	}

	// ---------------------------------------------------------------- helpers

	private Response upload(String user, String file, String fileName) {
		HttpRequest.Builder request = authorized(user, importsPath()).header("Content-Type", "text/csv");
		if (fileName != null) {
			request.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		}
		return this.http.send(request.POST(BodyPublishers.ofString(file)));
	}

	private HttpRequest.Builder authorized(String user, String path) {
		return HttpRequest.newBuilder(this.http.uri(path))
			.header("Accept", "application/json, application/problem+json")
			.header("Authorization", Http.basic(user, PASSWORDS.get(user)));
	}

	private String importsPath() {
		return "/api/programs/" + this.acmeUs.id() + "/promo-code-imports";
	}

	private String importPath(long id) {
		return importsPath() + "/" + id;
	}

	private List<JsonNode> codes(long programId) {
		List<JsonNode> codes = new ArrayList<>();
		Http.expect(this.http.api("GET", "/api/programs/" + programId + "/promo-codes", ALICE, null), 200).json()
			.forEach(codes::add);
		return codes;
	}

	private List<String> codesOf(long programId) {
		return codes(programId).stream().map(code -> code.get("code").asString()).toList();
	}

	private int imports() {
		return this.jdbc.queryForObject("select count(*) from promo_code_import", Integer.class);
	}

	/** "line field" of each error, in order. */
	private static List<String> errorsOf(JsonNode body) {
		List<String> errors = new ArrayList<>();
		body.get("errors").forEach(error -> errors.add(error.get("line").asInt() + " " + error.get("field").asString()));
		return errors;
	}

	private static String messageOf(JsonNode body, int line) {
		for (JsonNode error : body.get("errors")) {
			if (error.get("line").asInt() == line) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("No error on line " + line + " in " + body);
	}

	private static String code() {
		return "IMP" + RUN + COUNTER.incrementAndGet();
	}

}
