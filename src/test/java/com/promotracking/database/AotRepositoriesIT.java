package com.promotracking.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.support.ServiceProcesses;

import static com.promotracking.support.ApiAssertions.assertInvalid;
import static com.promotracking.support.ApiAssertions.assertProblem;
import static com.promotracking.support.ApiAssertions.elements;
import static com.promotracking.support.ApiAssertions.ids;
import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.OLIVIA;
import static com.promotracking.support.Http.PASSWORDS;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.QUINN;
import static com.promotracking.support.Http.expect;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repositories' query methods that Spring Data generates at build time ({@code process-aot} in pom.xml, one
 * {@code *Impl__AotRepository} per repository) run only in a Spring AOT start, as README.md recommends
 * ({@code deploy/jvm-flags}); every other test starts the application without it, on repositories read
 * reflectively. Here the packaged jar runs as a process of its own with those flags, on a fresh embedded database
 * with the demo data, and every generated query method is called through the API at least once with its answer
 * checked, so a query generated wrongly (a condition or a parameter lost) shows here.
 */
class AotRepositoriesIT {

	private static final Path JAR = Path.of("target", "promo-code-tracking.jar");

	/** The repositories Spring Data generates, by package, as process-aot writes them. */
	private static final List<String> GENERATED = List.of("programs.BrandRepository", "programs.ProgramRepository",
			"users.UserAccountRepository", "apikeys.ApiKeyRepository", "settings.PromoCodeSettingsRepository",
			"promocodes.TrackingPromoCodeRepository", "eventtypes.EventTypeRepository",
			"eventtypes.TestActionRepository", "requests.PromoCodeRequestRepository");

	/** A line of the request log ({@code RequestLog}): {@code GET /login 200 226ms user=-}. */
	private static final Pattern ANSWER = Pattern.compile("\\b[A-Z]+ /\\S* (\\d{3}) \\d+ms user=");

	@TempDir
	static Path dir;

	static Instance instance;

	static Http http;

	@BeforeAll
	static void startTheJarWithTheRecommendedFlags() throws Exception {
		assertThat(JAR).as("the jar that the package phase builds").isRegularFile();
		instance = Instance.start(JAR, dir);
		instance.awaitReady();
		http = Http.on(instance.port(), JsonMapper.builder().build());
	}

	/** After the process has stopped, so that its log is whole. */
	@AfterAll
	static void stopAndFindNoErrorAndNoAnswer5xxInTheLog() throws Exception {
		if (instance == null) {
			return;
		}
		instance.stop();
		List<String> log = Files.readAllLines(instance.log(), ISO_8859_1);
		List<Integer> statuses = new ArrayList<>();
		for (String line : log) {
			Matcher answer = ANSWER.matcher(line);
			if (answer.find()) {
				statuses.add(Integer.valueOf(answer.group(1)));
			}
		}
		assertThat(statuses).as("answers in the request log of %s", instance.log()).contains(200);
		assertThat(statuses).as("answers 5xx in %s", instance.log()).noneMatch(status -> status >= 500);
		assertThat(log).as("ERROR lines in %s", instance.log()).noneMatch(line -> line.contains(" ERROR "));
	}

	@Test
	void theJarHoldsAGeneratedImplementationOfEachRepositoryAndTheAotStartLoadsThem() throws Exception {
		List<String> missing = new ArrayList<>();
		try (ZipFile jar = new ZipFile(JAR.toFile())) {
			for (String repository : GENERATED) {
				String entry = "BOOT-INF/classes/" + generatedClass(repository).replace('.', '/') + ".class";
				if (jar.getEntry(entry) == null) {
					missing.add(entry);
				}
			}
		}
		assertThat(missing).as("generated repositories missing from %s", JAR).isEmpty();

		assertThat(Files.readString(instance.log(), ISO_8859_1)).contains("Starting AOT-processed");
		// Loaded, not only packaged: a jar built without a clean still carries the classes an earlier build generated.
		String loaded = Files.readString(instance.classLoads(), ISO_8859_1);
		List<String> notLoaded = GENERATED.stream()
			.filter(repository -> !loaded.contains(generatedClass(repository) + " source:"))
			.toList();
		assertThat(notLoaded).as("generated repositories the instance did not load").isEmpty();
	}

	@Test
	void aUsernameInAnotherCaseSignsInAndAWrongPasswordDoesNot() {
		// Olivia signs in nowhere else here, so no login remembered from another test answers for the lookup.
		Response operator = http.raw("GET", "/actuator/health/readiness",
				Http.basic("Olivia@OPS.Example", PASSWORDS.get(OLIVIA)), null);

		assertThat(operator.status()).as("%s", operator).isEqualTo(200);
		assertThat(operator.json().at("/components/db/status").asString()).as("what only an operator sees")
			.isEqualTo("UP");
		assertProblem(http.raw("GET", "/api/programs", Http.basic(OLIVIA, "not-her-password"), null), 401,
				"unauthorized");
		assertProblem(http.raw("GET", "/api/programs", Http.basic("nobody@ops.example", PASSWORDS.get(OLIVIA)), null),
				401, "unauthorized");
	}

	@Test
	void theProgramListsNameEachUsersProgramsWithTheirBrands() {
		assertThat(programs(ALICE)).containsExactly("Acme Outdoor US (Acme Outdoor)", "Acme Outdoor FR (Acme Outdoor)");
		assertThat(programs(CAROL)).containsExactly("Acme Outdoor US (Acme Outdoor)", "Acme Outdoor FR (Acme Outdoor)",
				"Northwind Running (Northwind Sports)", "Northwind Cycling (Northwind Sports)",
				"Northwind Team (Northwind Sports)", "Northwind Pro Shop (Northwind Sports)",
				"Northwind Outlet (Northwind Sports)", "Northwind Kids (Northwind Sports)");
		assertThat(programs(PAT)).containsExactly("Acme Outdoor US (Acme Outdoor)", "Acme Outdoor FR (Acme Outdoor)");
		assertThat(programs(QUINN)).containsExactly("Acme Outdoor US (Acme Outdoor)", "Acme Outdoor FR (Acme Outdoor)",
				"Northwind Team (Northwind Sports)", "Northwind Pro Shop (Northwind Sports)");

		JsonNode console = ok(http.api("GET", "/api/console/programs", CAROL, null));
		assertThat(console.get("total").asLong()).isEqualTo(8);
		assertThat(consoleNames(console)).containsExactly("Acme Outdoor FR (Acme Outdoor)",
				"Acme Outdoor US (Acme Outdoor)", "Northwind Cycling (Northwind Sports)",
				"Northwind Kids (Northwind Sports)", "Northwind Outlet (Northwind Sports)",
				"Northwind Pro Shop (Northwind Sports)", "Northwind Running (Northwind Sports)",
				"Northwind Team (Northwind Sports)");
		long acme = http.program(ACME_US).brandId();
		assertThat(consoleNames(ok(http.api("GET", "/api/console/programs?brandId=" + acme, CAROL, null))))
			.containsExactly("Acme Outdoor FR (Acme Outdoor)", "Acme Outdoor US (Acme Outdoor)");
	}

	@Test
	void settingsAreChangedAndReadBack() {
		long running = programId(CAROL, "Northwind Running");
		JsonNode before = http.settings(CAROL, running);
		assertThat(before.get("promoCodeTrackingEnabled").asBoolean()).isFalse();

		JsonNode saved = http.put(CAROL, running, true, false);

		assertThat(saved.get("promoCodeTrackingEnabled").asBoolean()).isTrue();
		assertThat(saved.get("version").asLong()).isEqualTo(before.get("version").asLong() + 1);
		assertThat(saved.get("updatedBy").asString()).isEqualTo(CAROL);
		assertThat(http.settings(CAROL, running)).isEqualTo(saved);
		assertThat(http.put(CAROL, running, true, false).get("version")).as("nothing to change")
			.isEqualTo(saved.get("version"));
	}

	@Test
	void aCodeIsCreatedOnceReadInItsProgramMatchedByConversionsAndDeactivated() {
		Program acmeUs = trackingOn();
		long trailblazer = http.partnerId(ALICE, acmeUs.id(), "Trailblazer Deals");
		JsonNode code = created(http.api("POST", codes(acmeUs), ALICE, codeBody(trailblazer, "AOTCODE1", "exact")));
		assertThat(code.get("state").asString()).isEqualTo("active");
		assertProblem(http.api("POST", codes(acmeUs), ALICE, codeBody(trailblazer, "aotcode1", "exact")), 409,
				"duplicate-promo-code");

		String path = codes(acmeUs) + "/" + code.get("id").asLong();
		assertThat(ok(http.api("GET", path, ALICE, null))).isEqualTo(code);
		assertThat(ok(http.api("GET", path, PAT, null)).get("code").asString()).isEqualTo("AOTCODE1");
		assertProblem(http.api("GET", path, QUINN, null), 404, "not-found");
		assertProblem(http.api("GET", codes(http.program(ACME_FR)) + "/" + code.get("id").asLong(), ALICE, null), 404,
				"not-found");

		JsonNode credited = converted(acmeUs, "AOT-1", "aotcode1").get("attribution");
		assertThat(credited.get("by").asString()).isEqualTo("promo-code");
		assertThat(credited.get("promoCodeId").asLong()).isEqualTo(code.get("id").asLong());
		assertThat(credited.get("code").asString()).isEqualTo("AOTCODE1");
		assertThat(credited.get("partnerName").asString()).isEqualTo("Trailblazer Deals");

		JsonNode deactivated = ok(http.api("POST", path + "/deactivation", ALICE, null));
		assertThat(deactivated.get("state").asString()).isEqualTo("deactivated");
		assertThat(deactivated.get("deactivatedBy").asString()).isEqualTo(ALICE);
		assertProblem(http.api("POST", path + "/deactivation", ALICE, null), 409, "already-deactivated");
		JsonNode inactive = converted(acmeUs, "AOT-2", "AOTCODE1").get("attribution");
		assertThat(inactive.get("by").asString()).isEqualTo("none");
		assertThat(elements(inactive.get("flags"))).extracting(JsonNode::asString).containsExactly("code-inactive");
	}

	@Test
	void anotherPartnersLiveCodesRefuseAClashingCodeCreatedOrApprovedFromARequest() {
		Program acmeUs = trackingOn();
		long trailblazer = http.partnerId(ALICE, acmeUs.id(), "Trailblazer Deals");
		long couponCorner = http.partnerId(ALICE, acmeUs.id(), "Coupon Corner");
		created(http.api("POST", codes(acmeUs), ALICE, codeBody(couponCorner, "AOTQ1", "exact")));
		Response regexOverIt = http.api("POST", codes(acmeUs), ALICE, codeBody(trailblazer, "AOTQ[0-9]+", "regex"));
		assertInvalid(regexOverIt, "code");
		assertThat(regexOverIt.json().at("/errors/0/message").asString())
			.isEqualTo("This regex matches another partner's code.");

		created(http.api("POST", codes(acmeUs), ALICE, codeBody(couponCorner, "AOTRX[0-9]+", "regex")));
		String request = requests(acmeUs) + "/"
				+ created(http.api("POST", requests(acmeUs), PAT, requestBody("AOTRX7"))).get("id").asLong();
		Response matched = http.api("POST", request + "/decision", ALICE, "{\"decision\": \"approve\"}");
		assertInvalid(matched, "approvedCode");
		assertThat(matched.json().at("/errors/0/message").asString())
			.isEqualTo("Another partner's regex already matches this code.");

		JsonNode approved = ok(http.api("POST", request + "/decision", ALICE,
				"{\"decision\": \"approve\", \"approvedCode\": \"AOTPAT7\"}"));
		assertThat(approved.get("approvedCode").asString()).isEqualTo("AOTPAT7");
	}

	@Test
	void aPartnersRequestIsReadInItsProgramOnlyAndDecidedOnce() {
		Program acmeUs = trackingOn();
		JsonNode submitted = created(http.api("POST", requests(acmeUs), PAT, requestBody("AOTREQ1")));
		assertThat(submitted.get("state").asString()).isEqualTo("open");
		assertThat(submitted.get("partnerName").asString()).isEqualTo("Trailblazer Deals");

		String path = requests(acmeUs) + "/" + submitted.get("id").asLong();
		assertThat(ok(http.api("GET", path, PAT, null))).isEqualTo(submitted);
		assertThat(ok(http.api("GET", path, ALICE, null))).isEqualTo(submitted);
		assertProblem(http.api("GET", path, QUINN, null), 404, "not-found");
		assertProblem(http.api("GET", requests(http.program(ACME_FR)) + "/" + submitted.get("id").asLong(), ALICE,
				null), 404, "not-found");

		JsonNode approved = ok(http.api("POST", path + "/decision", ALICE,
				"{\"decision\": \"approve\", \"comment\": \"Welcome\"}"));
		assertThat(approved.get("state").asString()).isEqualTo("approved");
		assertThat(approved.get("approvedCode").asString()).isEqualTo("AOTREQ1");
		assertThat(approved.get("decidedBy").asString()).isEqualTo(ALICE);
		JsonNode code = ok(http.api("GET", codes(acmeUs) + "/" + approved.get("promoCodeId").asLong(), ALICE, null));
		assertThat(code.get("code").asString()).isEqualTo("AOTREQ1");
		assertThat(code.get("partnerName").asString()).isEqualTo("Trailblazer Deals");
		assertProblem(http.api("POST", path + "/decision", ALICE, "{\"decision\": \"reject\", \"comment\": \"No\"}"),
				409, "request-already-decided");
		assertThat(ok(http.api("GET", path, ALICE, null))).isEqualTo(approved);
	}

	@Test
	void anEventTypeNameIsTakenOnceWhateverItsCaseAndTheTypeIsReadInItsProgramOnly() {
		Program acmeUs = http.program(ACME_US);
		JsonNode storeVisit = created(
				http.api("POST", eventTypes(acmeUs), ALICE, eventTypeBody("AOT Store Visit", "lead")));
		assertThat(storeVisit.get("state").asString()).isEqualTo("pending-validation");
		assertProblem(http.api("POST", eventTypes(acmeUs), ALICE, eventTypeBody("aot store VISIT", "sale")), 409,
				"duplicate-event-type");

		String path = eventTypes(acmeUs) + "/" + storeVisit.get("id").asLong();
		assertThat(ok(http.api("GET", path, ALICE, null))).isEqualTo(storeVisit);
		List<JsonNode> listed = elements(ok(http.api("GET", eventTypes(acmeUs), ALICE, null)));
		assertThat(listed).contains(storeVisit);
		assertThat(listed).filteredOn(type -> type.get("name").asString().equals("Online Sale"))
			.singleElement()
			.satisfies(onlineSale -> assertThat(onlineSale.get("state").asString()).isEqualTo("active"));
		assertProblem(http.api("GET", eventTypes(http.program(ACME_FR)) + "/" + storeVisit.get("id").asLong(), ALICE,
				null), 404, "not-found");
	}

	@Test
	void aTestActionIsTakenOncePerOrderReviewedOnceReadInItsProgramAndDeletedWithItsEventType() {
		Program acmeUs = http.program(ACME_US);
		String eventType = eventTypes(acmeUs) + "/" + created(http.api("POST", eventTypes(acmeUs), ALICE,
				eventTypeBody("AOT Phone Order", "sale"))).get("id").asLong();
		String order = "{\"orderId\": \"AOT-TEST-1\", \"amount\": 10, \"currency\": \"EUR\"}";
		JsonNode received = created(http.api("POST", eventType + "/test-actions", ALICE, order));
		assertThat(received.get("reviewState").asString()).isEqualTo("pending");
		assertProblem(http.api("POST", eventType + "/test-actions", ALICE, order), 409, "duplicate-order-id");

		String path = "/api/programs/" + acmeUs.id() + "/test-actions/" + received.get("id").asLong();
		JsonNode approved = ok(http.api("POST", path + "/review", ALICE, "{\"decision\": \"approve\"}"))
			.get("testAction");
		assertThat(approved.get("reviewState").asString()).isEqualTo("approved");
		assertThat(approved.get("reviewedBy").asString()).isEqualTo(ALICE);
		assertProblem(http.api("POST", path + "/review", ALICE, "{\"decision\": \"reject\"}"), 409,
				"already-reviewed");
		assertThat(ok(http.api("GET", path, ALICE, null))).isEqualTo(approved);
		assertProblem(http.api("GET", path.replace("/" + acmeUs.id() + "/", "/" + http.program(ACME_FR).id() + "/"),
				ALICE, null), 404, "not-found");
		assertThat(ok(http.api("GET", eventType, ALICE, null)).get("state").asString()).isEqualTo("active");

		assertThat(http.api("DELETE", eventType, ALICE, null).status()).isEqualTo(204);
		assertProblem(http.api("GET", path, ALICE, null), 404, "not-found");
		assertProblem(http.api("GET", eventType, ALICE, null), 404, "not-found");
	}

	@Test
	void anApiKeyIsListedForItsBrandActsForItAndIsRefusedOnceRevoked() {
		Program acmeUs = http.program(ACME_US);
		JsonNode made = created(http.api("POST", "/api/api-keys", ALICE, "{\"name\": \"AOT checkout\"}"));
		String key = made.get("key").asString();
		long id = made.get("id").asLong();
		assertThat(apiKey(ALICE, id).get("lastUsedAt").isNull()).isTrue();
		assertThat(ids(elements(ok(http.api("GET", "/api/api-keys", BOB, null))))).doesNotContain(id);

		JsonNode stored = created(http.bearer("POST", conversions(acmeUs), key, conversion(acmeUs, "AOT-KEY-1", null)));
		assertThat(stored.get("orderId").asString()).isEqualTo("AOT-KEY-1");
		assertThat(apiKey(ALICE, id).get("lastUsedAt").isNull()).as("the use, noted").isFalse();

		assertThat(http.api("DELETE", "/api/api-keys/" + id, ALICE, null).status()).isEqualTo(204);
		assertProblem(http.bearer("POST", conversions(acmeUs), key, conversion(acmeUs, "AOT-KEY-2", null)), 401,
				"unauthorized");
		assertProblem(http.api("DELETE", "/api/api-keys/" + id, ALICE, null), 409, "api-key-already-revoked");
		assertThat(apiKey(ALICE, id).get("revokedBy").asString()).isEqualTo(ALICE);
	}

	// ---------------------------------------------------------------- helpers

	private static String generatedClass(String repository) {
		return "com.promotracking." + repository + "Impl__AotRepository";
	}

	/** Acme Outdoor US (its promo code validated by the demo data) with tracking and partner requests on. */
	private static Program trackingOn() {
		Program acmeUs = http.program(ACME_US);
		http.put(ALICE, acmeUs.id(), true, true);
		return acmeUs;
	}

	/** The programs {@code GET /api/programs} lists for the user, as "program (brand)". */
	private static List<String> programs(String user) {
		return elements(ok(http.api("GET", "/api/programs", user, null))).stream()
			.map(program -> program.get("name").asString() + " (" + program.get("brandName").asString() + ")")
			.toList();
	}

	private static long programId(String user, String name) {
		return elements(ok(http.api("GET", "/api/programs", user, null))).stream()
			.filter(program -> program.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(user + " has no program " + name))
			.get("id")
			.asLong();
	}

	private static List<String> consoleNames(JsonNode page) {
		return elements(page.get("items")).stream()
			.map(item -> item.get("programName").asString() + " (" + item.get("brandName").asString() + ")")
			.toList();
	}

	private static JsonNode apiKey(String user, long id) {
		return elements(ok(http.api("GET", "/api/api-keys", user, null))).stream()
			.filter(key -> key.get("id").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No API key " + id + " listed for " + user));
	}

	private static String codes(Program program) {
		return "/api/programs/" + program.id() + "/promo-codes";
	}

	private static String requests(Program program) {
		return "/api/programs/" + program.id() + "/promo-code-requests";
	}

	private static String eventTypes(Program program) {
		return "/api/programs/" + program.id() + "/event-types";
	}

	private static String conversions(Program program) {
		return "/api/programs/" + program.id() + "/conversions";
	}

	private static String codeBody(long partnerId, String code, String matchType) {
		return "{\"partnerId\": " + partnerId + ", \"code\": \"" + code + "\", \"matchType\": \"" + matchType
				+ "\", \"startsAt\": \"2025-01-01T00:00:00Z\"}";
	}

	private static String requestBody(String code) {
		return "{\"suggestedCodes\": [\"" + code + "\"], \"instructions\": \"For the newsletter\"}";
	}

	private static String eventTypeBody(String name, String kind) {
		return "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}";
	}

	/** A conversion of the program's demo event type; a null code leaves the field out. */
	private static String conversion(Program program, String orderId, String promoCode) {
		return "{\"orderId\": \"" + orderId + "\", \"eventTypeId\": " + http.eventTypeId(ALICE, program.id(),
				"Online Sale") + ", \"amount\": 10, \"currency\": \"USD\""
				+ ((promoCode != null) ? ", \"promoCode\": \"" + promoCode + "\"" : "") + "}";
	}

	/** A conversion Alice posts, stored. */
	private static JsonNode converted(Program program, String orderId, String promoCode) {
		return created(http.api("POST", conversions(program), ALICE, conversion(program, orderId, promoCode)));
	}

	private static JsonNode ok(Response response) {
		return expect(response, 200).json();
	}

	private static JsonNode created(Response response) {
		return expect(response, 201).json();
	}

	/** The jar in a process of its own, as {@code ClusterCheck} starts its instances, on an embedded database. */
	record Instance(Process process, int port, Path log, Path classLoads) {

		static Instance start(Path jar, Path dir) throws IOException {
			int port = ServiceProcesses.freePort();
			Path log = dir.resolve("instance.log");
			Path classLoads = dir.resolve("class-loads.log");
			List<String> command = ServiceProcesses.javaWithRecommendedFlags();
			// Changes nothing but writes down which classes the JVM loads, the generated repositories among them.
			command.add("-Xlog:class+load=info:file=" + classLoads);
			command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
					"--app.data-dir=" + dir.resolve("data")));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			return new Instance(builder.start(), port, log, classLoads);
		}

		void awaitReady() throws Exception {
			ServiceProcesses.awaitAnswer(this.process, this.port, "/login", Duration.ofSeconds(180), this.log);
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor();
			}
		}

	}

}
