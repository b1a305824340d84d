package com.promotracking.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.fuzz.ExchangeChecks.Failure;
import com.promotracking.fuzz.FuzzRequest.Expect;
import com.promotracking.fuzz.FuzzRequest.Role;
import com.promotracking.support.ApiContract;
import com.promotracking.support.ApiContract.Operation;
import com.promotracking.support.Http;
import com.promotracking.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API fuzzed from its served OpenAPI document, as Schemathesis would: for every documented operation, in
 * turn, as a brand admin (alice), a CSM (carol), a partner (pat) and with an API key, requests generated from
 * the operation's schemas, valid ones and ones broken on purpose ({@link RequestPlanner}), over real HTTP, each
 * answer checked by {@link ExchangeChecks}. A fixed seed makes a run repeatable: {@code -Dfuzz.seed=...} picks
 * another, {@code -Dfuzz.requests=...} another number of requests. A failure names the seed, the request and the
 * check; the run prints a summary table either way.
 *
 * <p>Its own application context (the property below), so its own database: what it creates, changes and
 * deletes never reaches another test's counts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "fuzz.context=own")
class ApiFuzzIT {

	private static final long SEED = Long.getLong("fuzz.seed", 20_261_205L);

	private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3_000);

	private static final int FAILURES_SHOWN = 25;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/** What came back. */
	record Answer(int status, String contentType, String body, Optional<String> location) {
	}

	@Test
	void generatedRequestsGetNoServerErrorAndOnlyAnswersTheDocumentAllows() {
		long started = System.nanoTime();
		Http http = Http.on(this.port, this.json);
		ApiContract contract = ApiContract.servedBy(http);
		FuzzData data = FuzzData.prepare(http, Long.toString(SEED % 46_656L, 36).toUpperCase());
		Random random = new Random(SEED);
		data.use(random);
		RequestPlanner planner = new RequestPlanner(contract, data, random);
		ExchangeChecks checks = new ExchangeChecks(contract);
		List<Operation> operations = new ArrayList<>(contract.operations());
		operations.sort(Comparator.comparing(Operation::template).thenComparing(Operation::method));
		assertThat(operations).as("operations in the served document").hasSizeGreaterThanOrEqualTo(30);

		Summary summary = new Summary();
		List<String> failures = new ArrayList<>();
		Role[] roles = Role.values();
		for (int i = 0; i < REQUESTS; i++) {
			Operation operation = operations.get(i % operations.size());
			Role role = roles[(i / operations.size()) % roles.length];
			FuzzRequest request = planner.plan(operation, role);
			Answer answer = send(request);
			List<Failure> found = checks.check(request, answer.status(), answer.contentType(), answer.body());
			summary.count(request, answer.status(), found);
			for (Failure failure : found) {
				failures.add("#" + i + " " + failure.check() + ": " + failure.why() + "\n  request: "
						+ request.describe() + "\n  answer: " + answer.status() + " " + answer.contentType() + " "
						+ FuzzRequest.cut(answer.body(), 400));
			}
			if (request.expect() == Expect.POSITIVE && answer.status() == 201) {
				rememberCreated(contract, data, request, answer);
			}
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		String table = summary.table(SEED, REQUESTS, seconds);
		System.out.println(table);
		writeReport(table, failures);
		assertThat(failures)
			.as("%d failed checks of %d requests (seed %d; again with -Dfuzz.seed=%d -Dfuzz.requests=%d), the first %d:%n%s",
					failures.size(), REQUESTS, SEED, SEED, REQUESTS, Math.min(FAILURES_SHOWN, failures.size()),
					String.join("\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))))
			.isEmpty();
	}

	/**
	 * The summary and every failure, in {@code target/api-fuzz-h2.txt} (or {@code -postgres.txt}): the assertion
	 * shows the first few only.
	 */
	private static void writeReport(String table, List<String> failures) {
		try {
			java.nio.file.Files.writeString(
					java.nio.file.Path.of("target", "api-fuzz-" + System.getProperty("test.database", "h2") + ".txt"),
					table + "\n" + String.join("\n", failures) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a valid request created may be deleted by a later one: the id under the address that deletes it. */
	private void rememberCreated(ApiContract contract, FuzzData data, FuzzRequest request, Answer answer) {
		JsonNode created = this.json.readTree(answer.body());
		if (!created.path("id").isIntegralNumber()) {
			return;
		}
		long id = created.path("id").asLong();
		String address = answer.location()
			.map(location -> URI.create(location).getPath())
			.orElse(request.path().split("\\?", 2)[0] + "/" + id);
		contract.operation("delete", address).ifPresent(deleting -> {
			List<String> variables = RequestPlanner.variables(deleting.template());
			data.dispose(variables.get(variables.size() - 1), id);
		});
	}

	// ---------------------------------------------------------------- sending

	private Answer send(FuzzRequest request) {
		return request.raw() ? sendRaw(request) : sendHttp(request);
	}

	private Answer sendHttp(FuzzRequest request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + request.path()))
			.timeout(Duration.ofSeconds(60));
		request.headers().forEach(builder::header);
		builder.method(request.method(), (request.body() != null)
				? BodyPublishers.ofByteArray(request.body().getBytes(StandardCharsets.UTF_8)) : BodyPublishers.noBody());
		try {
			HttpResponse<String> response = this.client.send(builder.build(),
					BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers().firstValue("Location"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer to " + request.describe(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Answer sendRaw(FuzzRequest request) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		StringBuilder head = new StringBuilder();
		head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
		head.append("Host: localhost:").append(this.port).append("\r\nConnection: close\r\n");
		byte[] body = (request.body() != null) ? request.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
		request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (!request.headers().containsKey("Content-Length")) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		bytes.writeBytes(body);
		try {
			String answer = RawHttp.send(this.port, bytes.toByteArray());
			if (answer.length() < 12) {
				return new Answer(0, "", "(the server closed the connection without an answer)", Optional.empty());
			}
			String contentType = RawHttp.headerOf(answer, "Content-Type");
			String text = RawHttp.bodyOf(answer);
			if ("chunked".equalsIgnoreCase(RawHttp.headerOf(answer, "Transfer-Encoding"))) {
				text = dechunk(text);
			}
			return new Answer(RawHttp.statusOf(answer), (contentType != null) ? contentType : "", text,
					Optional.ofNullable(RawHttp.headerOf(answer, "Location")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer to " + request.describe(), ex);
		}
	}

	/** A chunked body's content (sizes in hex, each chunk followed by CRLF, a zero size last). */
	private static String dechunk(String chunked) {
		StringBuilder content = new StringBuilder();
		int at = 0;
		while (at < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", at);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";", 2)[0].trim(), 16);
			if (size == 0) {
				break;
			}
			// The reply was decoded as UTF-8: count the chunk's bytes, not its chars.
			int end = lineEnd + 2;
			int bytes = 0;
			while (bytes < size && end < chunked.length()) {
				bytes += String.valueOf(chunked.charAt(end)).getBytes(StandardCharsets.UTF_8).length;
				end++;
			}
			content.append(chunked, lineEnd + 2, end);
			at = end + 2;
		}
		return content.toString();
	}

	// ---------------------------------------------------------------- summary

	/** Requests per operation and role, status classes, failed checks. */
	private static final class Summary {

		private final Map<String, Map<Role, Integer>> perRole = new TreeMap<>();

		private final Map<String, int[]> perClass = new TreeMap<>();

		private final Map<String, Integer> perCheck = new TreeMap<>();

		private final Map<Expect, Integer> perExpect = new EnumMap<>(Expect.class);

		void count(FuzzRequest request, int status, List<Failure> failures) {
			String operation = request.operation().method().toUpperCase() + " " + request.operation().template();
			this.perRole.computeIfAbsent(operation, key -> new EnumMap<>(Role.class)).merge(request.role(), 1,
					Integer::sum);
			int[] classes = this.perClass.computeIfAbsent(operation, key -> new int[6]);
			classes[Math.max(0, Math.min(5, status / 100))]++;
			failures.forEach(failure -> this.perCheck.merge(failure.check(), 1, Integer::sum));
			this.perExpect.merge(request.expect(), 1, Integer::sum);
		}

		String table(long seed, int requests, long seconds) {
			StringBuilder text = new StringBuilder();
			text.append(String.format("%nAPI fuzz: %d requests, seed %d, %d s%n", requests, seed, seconds));
			text.append(String.format("%-72s %6s %6s %6s %7s %5s %5s %5s%n", "operation", "alice", "carol", "pat",
					"api-key", "2xx", "4xx", "5xx"));
			int[] total = new int[6];
			this.perRole.forEach((operation, roles) -> {
				int[] classes = this.perClass.get(operation);
				for (int i = 0; i < 6; i++) {
					total[i] += classes[i];
				}
				text.append(String.format("%-72s %6d %6d %6d %7d %5d %5d %5d%n", operation,
						roles.getOrDefault(Role.BRAND_ADMIN, 0), roles.getOrDefault(Role.CSM, 0),
						roles.getOrDefault(Role.PARTNER, 0), roles.getOrDefault(Role.API_KEY, 0), classes[2],
						classes[4], classes[5]));
			});
			text.append(String.format("status classes: 2xx %d, 3xx %d, 4xx %d, 5xx %d, no answer %d%n", total[2],
					total[3], total[4], total[5], total[0]));
			text.append("requests by expectation: ").append(this.perExpect).append('\n');
			text.append("failed checks: ").append(this.perCheck.isEmpty() ? "none" : this.perCheck).append('\n');
			return text.toString();
		}

	}

}
