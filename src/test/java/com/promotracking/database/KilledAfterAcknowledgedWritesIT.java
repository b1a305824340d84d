package com.promotracking.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.ServiceProcesses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service acknowledged survives the process being killed: the packaged jar runs as a process of its own
 * on the embedded default (the H2 file of its data folder, the URL of application.properties), takes saves
 * through the API and a conversion, and is killed with SIGKILL the moment the last answer arrives; started again
 * on the same files, it has every acknowledged save, its history entry and the conversion. Several rounds, since
 * a write that is only delayed is lost in some rounds and not others. The H2 file's housekeeping
 * ({@link H2StoreHousekeeping}) runs meanwhile, as it does in every instance on the embedded default.
 */
class KilledAfterAcknowledgedWritesIT {

	private static final int ROUNDS = 3;

	private static final int SAVES_PER_ROUND = 15;

	private static final String ALICE = "Basic "
			+ Base64.getEncoder().encodeToString("alice@acme.example:alice-demo-pass".getBytes(StandardCharsets.UTF_8));

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	@Test
	void everySaveAndConversionThatWasAcknowledgedIsThereAfterSigkillAndRestart() throws Exception {
		Path jar = Path.of("target", "promo-code-tracking.jar");
		assertThat(Files.isRegularFile(jar)).as("the jar that the package phase builds: %s", jar).isTrue();
		List<String> rounds = new ArrayList<>();
		long expectedVersion = -1;
		int expectedHistory = -1;
		List<String> orderIds = new ArrayList<>();
		for (int round = 1; round <= ROUNDS + 1; round++) {
			Service service = Service.start(jar, this.dataDir, round);
			try {
				long program = programId(service, "Acme Outdoor US");
				String settings = "/api/programs/" + program + "/promo-code-settings";
				JsonNode found = send(service, "GET", settings, null, 200);
				int history = historyCount(service, settings);
				if (round > 1) {
					assertThat(found.get("version").asLong()).as("version after the SIGKILL of round %d", round - 1)
						.isEqualTo(expectedVersion);
					assertThat(history).as("history entries after the SIGKILL of round %d", round - 1)
						.isEqualTo(expectedHistory);
					for (String orderId : orderIds) {
						assertThat(conversion(service, program, orderId)).as("conversion %s after round %d", orderId,
								round - 1)
							.isTrue();
					}
					rounds.add("round " + (round - 1) + ": version " + expectedVersion + ", " + expectedHistory
							+ " history entries, " + orderIds.size() + " conversions found after SIGKILL");
				}
				if (round > ROUNDS) {
					break;
				}
				long eventType = send(service, "GET", "/api/programs/" + program + "/event-types", null, 200).get(0)
					.get("id")
					.asLong();
				long version = found.get("version").asLong();
				boolean allowed = found.get("partnerPromoCodeRequestsAllowed").booleanValue();
				for (int save = 1; save <= SAVES_PER_ROUND; save++) {
					allowed = !allowed;
					JsonNode saved = send(service, "PUT", settings,
							"{\"promoCodeTrackingEnabled\": true, \"partnerPromoCodeRequestsAllowed\": " + allowed + "}",
							200);
					version = saved.get("version").asLong();
				}
				String orderId = "KILL-" + round;
				send(service, "POST", "/api/programs/" + program + "/conversions",
						"{\"orderId\": \"" + orderId + "\", \"eventTypeId\": " + eventType
								+ ", \"amount\": \"10.00\", \"currency\": \"EUR\"}",
						201);
				// The last answer is in: no pause, no graceful stop.
				service.kill();
				assertThat(Files.readString(service.log())).as("the H2 file's housekeeping ran beside the saves")
					.contains("H2 housekeeping every 5 s");
				orderIds.add(orderId);
				expectedVersion = version;
				expectedHistory = history + SAVES_PER_ROUND;
			}
			finally {
				service.kill();
			}
		}
		System.out.println("KilledAfterAcknowledgedWritesIT: " + String.join("; ", rounds));
		assertThat(rounds).hasSize(ROUNDS);
	}

	private long programId(Service service, String name) throws Exception {
		for (JsonNode program : send(service, "GET", "/api/programs", null, 200)) {
			if (name.equals(program.get("name").stringValue())) {
				return program.get("id").asLong();
			}
		}
		throw new AssertionError("alice sees no program named " + name);
	}

	private int historyCount(Service service, String settings) throws Exception {
		int count = 0;
		for (int page = 0;; page++) {
			JsonNode entries = send(service, "GET", settings + "/history?size=100&page=" + page, null, 200);
			JsonNode items = entries.isArray() ? entries : entries.get("entries");
			count += items.size();
			if (items.size() < 100) {
				return count;
			}
		}
	}

	private boolean conversion(Service service, long program, String orderId) throws Exception {
		for (JsonNode conversion : list(send(service, "GET", "/api/programs/" + program + "/conversions?size=100",
				null, 200))) {
			if (orderId.equals(conversion.get("orderId").stringValue())) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode list(JsonNode page) {
		return page.isArray() ? page : page.get("conversions");
	}

	private JsonNode send(Service service, String method, String path, String body, int expectedStatus)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.base() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", ALICE)
			.header("Accept", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body())
			.isEqualTo(expectedStatus);
		return this.json.readTree(response.body());
	}

	/**
	 * The jar in a process of its own, started with nothing but a port and the data folder; and the JIT's first
	 * tier only, which starts a process that lives for a few saves sooner and changes nothing of what it stores.
	 */
	private record Service(Process process, int port, Path log) {

		static Service start(Path jar, Path dataDir, int round) throws Exception {
			int port = ServiceProcesses.freePort();
			Path log = dataDir.resolveSibling(dataDir.getFileName() + "-round-" + round + ".log");
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
					"--app.data-dir=" + dataDir)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Service service = new Service(process, port, log);
			service.awaitReady();
			return service;
		}

		String base() {
			return "http://127.0.0.1:" + this.port;
		}

		void awaitReady() throws Exception {
			ServiceProcesses.awaitAnswer(this.process, this.port, "/login", Duration.ofSeconds(180), this.log);
		}

		/** SIGKILL on Unix: the JVM runs no shutdown hook, H2 closes nothing. */
		void kill() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroyForcibly();
				this.process.waitFor();
			}
		}

	}

}
