package com.promotracking.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.promotracking.operations.ClusterCheck.Instance;
import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;

import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversions sent the way a brand's servers send them in production: with an API key, through nginx running
 * the shipped {@code deploy/nginx.conf}, to two instances on one PostgreSQL server. A full batch of 1,000 is
 * stored once and replayed without a double, and a body just under the batch route's limit reaches an instance
 * (so the largest batch the API takes, 1,000 items of 50 clicks, about 2.3 MB, passes too); nginx refuses a
 * batch a little over that limit and a single conversion over the general limit before any instance sees them;
 * single conversions are balanced over both instances, which then list the same conversions.
 */
final class ThroughNginx {

	/** {@code client_max_body_size} of the batch route in {@code deploy/nginx.conf} (8m). */
	static final int BATCH_LIMIT = 8 * 1024 * 1024;

	/** {@code client_max_body_size} of every other route in {@code deploy/nginx.conf} (64k). */
	static final int GENERAL_LIMIT = 64 * 1024;

	private static final int BATCH = 1_000;

	private static final int SINGLES = 40;

	private static final int THREADS = 8;

	private static final Instant OCCURRED = Instant.parse("2026-11-02T10:00:00Z");

	private final Http viaNginx;

	private final Instance a;

	private final Instance b;

	private final Http onA;

	private final Http onB;

	private final long program;

	private final Connection db;

	private final PrintStream out;

	private final JsonMapper json;

	private final String run = Long.toString(System.nanoTime() % 46_656L, 36).toUpperCase();

	private long onlineSale;

	private long[] partners;

	ThroughNginx(Nginx nginx, Instance a, Instance b, Http onA, Http onB, long program, Connection db, JsonMapper json,
			PrintStream out) {
		this.viaNginx = new Http(nginx.port, json);
		this.a = a;
		this.b = b;
		this.onA = onA;
		this.onB = onB;
		this.program = program;
		this.db = db;
		this.json = json;
		this.out = out;
	}

	void run() throws Exception {
		this.onlineSale = onlineSale();
		this.partners = new long[] { this.viaNginx.partnerId(ALICE, this.program, "Trailblazer Deals"),
				this.viaNginx.partnerId(ALICE, this.program, "Coupon Corner") };
		String key = expect(this.viaNginx.api("POST", "/api/api-keys", ALICE, "{\"name\": \"Cluster check " + this.run
				+ "\"}"), 201).json().get("key").asString();
		this.out.printf("  through nginx (the shipped deploy/nginx.conf on port %d, ports substituted), API key made "
				+ "as alice:%n", this.viaNginx.uri("/").getPort());
		fullBatchStoredOnceAndReplayed(key);
		oversizedBodiesRefusedByNginx(key);
		singlesBalancedAndBothInstancesAgree(key);
	}

	/** A full batch: all of it stored, once; the same batch again replays every item and stores nothing. */
	private void fullBatchStoredOnceAndReplayed(String key) throws Exception {
		long before = stored();
		String batchLine = "POST " + batchPath() + " 200 ";
		long onABefore = count(this.a, batchLine);
		long postsBefore = conversionPosts();
		String body = batch("FULL", BATCH);
		assertThat(body.length()).as("a full batch fits the batch route").isLessThan(BATCH_LIMIT);

		long start = System.nanoTime();
		Response first = this.viaNginx.bearer("POST", batchPath(), key, body);
		double firstSeconds = secondsSince(start);
		JsonNode created = expect(first, 200).json();
		assertThat(created.get("created").asInt()).as("created").isEqualTo(BATCH);
		assertThat(created.get("replayed").asInt()).as("replayed").isZero();
		assertThat(created.get("results")).hasSize(BATCH);
		assertThat(stored()).as("conversions stored by the batch").isEqualTo(before + BATCH);

		start = System.nanoTime();
		JsonNode replayed = expect(this.viaNginx.bearer("POST", batchPath(), key, body), 200).json();
		double replaySeconds = secondsSince(start);
		assertThat(replayed.get("created").asInt()).as("created on replay").isZero();
		assertThat(replayed.get("replayed").asInt()).as("replayed").isEqualTo(BATCH);
		assertThat(replayed.get("results")).as("the replay names the stored conversions").isEqualTo(created.get("results"));
		assertThat(stored()).as("nothing doubled by the replay").isEqualTo(before + BATCH);
		assertThat(distinctOrders("FULL")).as("order ids of the batch, each stored once").isEqualTo(BATCH);

		// Up to its limit nginx passes a batch on and the instance takes it: no smaller limit sits in between.
		// Blanks make up the size, so the instance's work stays that of one item.
		String nearLimit = padded(batch("FULL", 1), BATCH_LIMIT - 1024);
		JsonNode nearLimitReplay = expect(this.viaNginx.bearer("POST", batchPath(), key, nearLimit), 200).json();
		assertThat(nearLimitReplay.get("replayed").asInt()).as("replayed, sent just under the limit").isEqualTo(1);
		assertThat(stored()).isEqualTo(before + BATCH);

		awaitConversionPosts(postsBefore + 3);
		long onA = count(this.a, batchLine) - onABefore;
		this.out.printf("    1,000-item batch (%,d bytes) with the key, instances just started: 200 created=%d in "
				+ "%.0f ms, %,.0f conversions/s stored%n", body.length(), BATCH, firstSeconds * 1000, BATCH / firstSeconds);
		this.out.printf("    the same batch again: 200 replayed=%d in %.0f ms (%,.0f conversions/s), stored +%d in "
				+ "all, each order id once; one of its items padded to %,d bytes: 200 replayed=1; the three batches "
				+ "taken by A %d, B %d%n", BATCH, replaySeconds * 1000, BATCH / replaySeconds, BATCH, nearLimit.length(),
				onA, 3 - onA);
	}

	/**
	 * Bodies over nginx's limits are answered 413 by nginx itself, with the problem the service would answer, and
	 * never reach an instance; a normal single conversion on the same route passes.
	 */
	private void oversizedBodiesRefusedByNginx(String key) throws Exception {
		long before = stored();
		long requestsBefore = conversionPosts();
		String overBatch = padded(batch("OVER", BATCH), BATCH_LIMIT + 1024);
		assertRefusedByNginx(this.viaNginx.bearer("POST", batchPath(), key, overBatch), "batch");

		String overSingle = padded(single("OVER-SINGLE", 0), GENERAL_LIMIT + 1024);
		assertRefusedByNginx(this.viaNginx.bearer("POST", singlePath(), key, overSingle), "single conversion");

		expect(this.viaNginx.bearer("POST", singlePath(), key, single("NORMAL", 0)), 201);
		awaitConversionPosts(requestsBefore + 1);
		assertThat(stored()).as("stored: the normal conversion only").isEqualTo(before + 1);
		assertThat(distinctOrders("OVER")).as("order ids of the refused bodies stored").isZero();
		this.out.printf("    a batch of %,d bytes (limit %,d) and a single conversion of %,d bytes (limit %,d): 413 "
				+ "from nginx, no instance saw them, nothing stored; a normal single conversion: 201%n",
				overBatch.length(), BATCH_LIMIT, overSingle.length(), GENERAL_LIMIT);
	}

	/**
	 * {@value #SINGLES} single conversions from {@value #THREADS} threads: each instance's request log shows it
	 * took a share, and both instances list exactly what the database holds.
	 */
	private void singlesBalancedAndBothInstancesAgree(String key) throws Exception {
		long before = stored();
		long onABefore = count(this.a, createdLine());
		long onBBefore = count(this.b, createdLine());
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<Integer>> answers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < SINGLES; i++) {
			String body = single("SINGLE", i);
			answers.add(pool.submit(() -> this.viaNginx.bearer("POST", singlePath(), key, body).status()));
		}
		for (Future<Integer> answer : answers) {
			assertThat(answer.get(2, TimeUnit.MINUTES)).as("a single conversion through nginx").isEqualTo(201);
		}
		double seconds = secondsSince(start);
		pool.shutdown();
		assertThat(stored()).isEqualTo(before + SINGLES);

		long onA = 0;
		long onB = 0;
		Instant deadline = Instant.now().plusSeconds(10);
		while (onA + onB < SINGLES && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
			onA = count(this.a, createdLine()) - onABefore;
			onB = count(this.b, createdLine()) - onBBefore;
		}
		assertThat(onA + onB).as("created single conversions in the instances' request logs").isEqualTo(SINGLES);
		assertThat(List.of(onA, onB)).as("conversions each instance took (A, B)")
			.allSatisfy(share -> assertThat(share).isGreaterThanOrEqualTo(SINGLES / 5));

		List<JsonNode> listedOnA = listAll(this.onA);
		List<JsonNode> listedOnB = listAll(this.onB);
		assertThat(listedOnA).as("conversions listed by A").hasSize((int) stored());
		assertThat(listedOnB).as("conversions listed by B, as A lists them").isEqualTo(listedOnA);
		this.out.printf("    %d single conversions from %d threads: all 201 in %.0f ms (%,.0f conversions/s), "
				+ "taken by A %d and B %d (their request logs); A and B list the same %,d conversions%n", SINGLES,
				THREADS, seconds * 1000, SINGLES / seconds, onA, onB, listedOnA.size());
	}

	private void assertRefusedByNginx(Response response, String what) {
		assertThat(response.status()).as("%s over the limit", what).isEqualTo(413);
		assertThat(response.contentType()).as("nginx's answer, a problem as the service's").startsWith(Http.PROBLEM_JSON);
		assertThat(response.problemType()).isEqualTo("content-too-large");
	}

	/** Every conversion of the program through one instance's list API, page by page, newest first. */
	private List<JsonNode> listAll(Http instance) {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode listed = expect(instance.api("GET", singlePath() + "?page=" + page + "&size=100", ALICE, null), 200)
				.json();
			listed.forEach(all::add);
			if (listed.size() < 100) {
				return all;
			}
		}
	}

	/** The first {@code size} items of a batch of this kind, each with a click of one of the two partners. */
	private String batch(String kind, int size) {
		ObjectNode batch = this.json.createObjectNode();
		ArrayNode items = batch.putArray("conversions");
		for (int i = 0; i < size; i++) {
			ObjectNode item = conversion(kind, i);
			item.putArray("clicks").addObject().put("partnerId", this.partners[i % 2]).put("at",
					OCCURRED.plusSeconds(i - 60).toString());
			items.add(item);
		}
		return this.json.writeValueAsString(batch);
	}

	private String single(String kind, int index) {
		return this.json.writeValueAsString(conversion(kind, index));
	}

	private ObjectNode conversion(String kind, int index) {
		ObjectNode item = this.json.createObjectNode()
			.put("orderId", orderId(kind, index))
			.put("eventTypeId", this.onlineSale)
			.put("occurredAt", OCCURRED.plusSeconds(index).toString())
			.put("amount", (index % 100) + ".90")
			.put("currency", "USD");
		if (index % 3 == 0) {
			item.put("promoCode", "SUMMER10");
		}
		return item;
	}

	/** The same JSON with blanks inside its outer object, {@code length} characters in all. */
	private static String padded(String json, int length) {
		assertThat(json.length()).isLessThan(length);
		return "{" + " ".repeat(length - json.length()) + json.substring(1);
	}

	private String orderId(String kind, Object index) {
		return "CLUSTER-" + this.run + "-" + kind + "-" + index;
	}

	private long onlineSale() {
		for (JsonNode type : expect(this.viaNginx.api("GET", "/api/programs/" + this.program + "/event-types", ALICE,
				null), 200).json()) {
			if (type.get("name").asString().equals("Online Sale")) {
				return type.get("id").asLong();
			}
		}
		throw new IllegalStateException("No event type Online Sale in program " + this.program);
	}

	private String singlePath() {
		return "/api/programs/" + this.program + "/conversions";
	}

	private String batchPath() {
		return singlePath() + "/batch";
	}

	/** The request log's line for a created single conversion, e.g. {@code POST /api/programs/1/conversions 201 }. */
	private String createdLine() {
		return "POST " + singlePath() + " 201 ";
	}

	/** Conversion posts (single or batch, any answer) that reached either instance. */
	private long conversionPosts() throws IOException {
		String line = "POST " + singlePath();
		return count(this.a, line) + count(this.b, line);
	}

	private void awaitConversionPosts(long expected) throws Exception {
		Instant deadline = Instant.now().plusSeconds(10);
		while (conversionPosts() < expected && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(conversionPosts()).as("conversion posts that reached an instance").isEqualTo(expected);
	}

	private static long count(Instance instance, String needle) throws IOException {
		try (var lines = Files.lines(instance.log)) {
			return lines.filter(line -> line.contains(needle)).count();
		}
	}

	private long stored() throws SQLException {
		return query("select count(*) from conversion where program_id = ?", this.program);
	}

	private long distinctOrders(String kind) throws SQLException {
		return query("select count(distinct order_id) from conversion where program_id = ? and order_id like ?",
				this.program, orderId(kind, "%"));
	}

	private long query(String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = this.db.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static double secondsSince(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
