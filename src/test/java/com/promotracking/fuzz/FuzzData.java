package com.promotracking.fuzz;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;

import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.GLOBEX_MAIN;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.expect;

/**
 * The real data the fuzzer's requests name, made and read through the API before it starts: ids by path
 * variable name ({@code programId}, {@code eventTypeId}, ...) of Acme Outdoor US's demo data and of what this
 * class adds to it (promo codes, test actions, partner requests, conversions, an API key), the same of another
 * brand (Globex), and ids the fuzzer may delete (made for that, here or by the fuzzer's own requests).
 *
 * <p>It also gives {@link SchemaValues} the values no JSON Schema keyword says (ids that exist, a currency, a
 * time zone) and puts the fields of a body in the order rules between fields ask for (a start before an end,
 * a click not after its conversion).
 */
final class FuzzData implements SchemaValues.Hints {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CHF");

	private static final List<String> TIME_ZONES = List.of("UTC", "Europe/Paris", "America/New_York",
			"Asia/Kolkata", "Australia/Lord_Howe");

	/** Ids that stay for the whole run, by path variable or property name. */
	private final Map<String, List<Long>> stable = new HashMap<>();

	/** Ids of another brand, by the same names. */
	private final Map<String, List<Long>> otherBrand = new HashMap<>();

	/** Ids the fuzzer may delete, each once, by path variable name. */
	private final Map<String, List<Long>> disposable = new HashMap<>();

	private final String run;

	private Random random = new Random(0);

	String apiKey;

	private final AtomicInteger files = new AtomicInteger();

	long acmeBrand;

	private FuzzData(String run) {
		this.run = run;
	}

	void use(Random random) {
		this.random = random;
	}

	/** Makes the data through the API as its users would, and reads back what the fuzzer will name. */
	static FuzzData prepare(Http http, String run) {
		FuzzData data = new FuzzData(run);
		Program acmeUs = http.program(ACME_US);
		Program globex = http.program(GLOBEX_MAIN);
		long us = acmeUs.id();
		String base = "/api/programs/" + us;
		data.acmeBrand = acmeUs.brandId();
		data.add("programId", us);
		data.add("brandId", acmeUs.brandId());
		long trailblazer = http.partnerId(ALICE, us, "Trailblazer Deals");
		data.add("partnerId", trailblazer);
		data.add("partnerId", http.partnerId(ALICE, us, "Coupon Corner"));
		http.put(ALICE, us, true, true);

		long onlineSale = -1;
		for (JsonNode type : expect(http.api("GET", base + "/event-types", ALICE, null), 200).json()) {
			data.add("eventTypeId", type.get("id").asLong());
			if (type.get("state").asString().equals("active")) {
				onlineSale = type.get("id").asLong();
				data.add("activeEventTypeId", onlineSale);
			}
		}
		// Not the demo's approved test action: withdrawing it would leave no event type that takes conversions.
		for (int i = 0; i < 3; i++) {
			data.add("testActionId", id(http.api("POST", base + "/event-types/" + onlineSale + "/test-actions",
					ALICE, "{\"orderId\": \"fuzz-" + run + "-" + i + "\", \"amount\": 5, \"currency\": \"EUR\""
							+ ", \"promoCode\": \"FZ" + run + i + "\"}")));
			data.dispose("testActionId", id(http.api("POST", base + "/event-types/" + onlineSale + "/test-actions",
					ALICE, "{\"orderId\": \"fuzz-" + run + "-d" + i + "\", \"amount\": 5, \"currency\": \"EUR\"}")));
			data.dispose("eventTypeId", id(http.api("POST", base + "/event-types", ALICE,
					"{\"name\": \"Fuzz " + run + " " + i + "\", \"kind\": \"lead\"}")));
			data.dispose("keyId", id(http.api("POST", "/api/api-keys", ALICE, "{\"name\": \"Fuzz " + run + " " + i
					+ "\"}")));
			data.add("codeId", id(http.api("POST", base + "/promo-codes", ALICE, "{\"partnerId\": " + trailblazer
					+ ", \"code\": \"FZ" + run + "C" + i + "\", \"creditPolicy\": \"always\"}")));
			data.add("requestId", id(http.api("POST", base + "/promo-code-requests", PAT,
					"{\"suggestedCodes\": [\"FZ" + run + "R" + i + "\"]}")));
			data.add("conversionId", id(http.api("POST", base + "/conversions", ALICE, "{\"orderId\": \"fuzz-" + run
					+ "-" + i + "\", \"eventTypeId\": " + onlineSale + ", \"amount\": \"10.00\", \"currency\": \"USD\""
					+ ", \"clicks\": [{\"partnerId\": " + trailblazer + ", \"at\": \"2026-01-02T10:00:00Z\"}]"
					+ ", \"occurredAt\": \"2026-01-02T11:00:00Z\"}")));
		}
		for (int i = 0; i < 3; i++) {
			// Alice's previews: another caller is told they do not exist (ExchangeChecks.OWNER_OPERATIONS).
			data.add("importId", id(http.send(HttpRequest.newBuilder(http.uri(base + "/promo-code-imports"))
				.header("Authorization", Http.basic(ALICE, Http.PASSWORDS.get(ALICE)))
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString(data.csvFile())))));
		}
		JsonNode key = expect(http.api("POST", "/api/api-keys", ALICE, "{\"name\": \"Fuzz " + run + "\"}"), 201)
			.json();
		data.apiKey = key.get("key").asString();

		long gx = globex.id();
		data.other("programId", gx);
		data.other("brandId", globex.brandId());
		for (JsonNode type : expect(http.api("GET", "/api/programs/" + gx + "/event-types", BOB, null), 200).json()) {
			data.other("eventTypeId", type.get("id").asLong());
			data.other("activeEventTypeId", type.get("id").asLong());
			data.other("testActionId", id(http.api("POST", "/api/programs/" + gx + "/event-types/"
					+ type.get("id").asLong() + "/test-actions", BOB, "{\"orderId\": \"fuzz-gx-" + run
							+ "\", \"amount\": 5, \"currency\": \"USD\"}")));
		}
		data.other("keyId", id(http.api("POST", "/api/api-keys", BOB, "{\"name\": \"Fuzz " + run + "\"}")));
		for (JsonNode partner : expect(http.api("GET", "/api/programs/" + gx + "/partners", BOB, null), 200)
			.json()) {
			data.other("partnerId", partner.get("id").asLong());
		}
		// Acme's other program: an id of the same brand, still not a conversion, code or request of this one.
		data.other("acmeFr", http.program(ACME_FR).id());
		return data;
	}

	private static long id(Response created) {
		return expect(created, 201).json().get("id").asLong();
	}

	private void add(String name, long id) {
		this.stable.computeIfAbsent(name, key -> new ArrayList<>()).add(id);
	}

	private void other(String name, long id) {
		this.otherBrand.computeIfAbsent(name, key -> new ArrayList<>()).add(id);
	}

	void dispose(String name, long id) {
		this.disposable.computeIfAbsent(name, key -> new ArrayList<>()).add(id);
	}

	/**
	 * A promo code import file of one to three new codes of the program's partners, the columns in a random order
	 * and case, with or without optional values; each call's codes are new to the run.
	 */
	String csvFile() {
		List<String> columns = new ArrayList<>(List.of("Promo Code", "partner id", "MATCH TYPE",
				"Credit Policy", "Start Date", "End Date", "Time Zone"));
		Collections.shuffle(columns, this.random);
		StringBuilder file = new StringBuilder(String.join(",", columns)).append('\n');
		int rows = 1 + this.random.nextInt(3);
		for (int row = 0; row < rows; row++) {
			List<String> values = new ArrayList<>();
			for (String column : columns) {
				values.add(switch (column) {
					case "Promo Code" -> "FZI" + this.run + "N" + this.files.incrementAndGet();
					case "partner id" -> Long.toString(stable("partnerId"));
					case "MATCH TYPE" -> this.random.nextBoolean() ? "exact" : "";
					case "Credit Policy" -> List.of("always", "if-involved", "WINNER", "").get(this.random.nextInt(4));
					case "Start Date" -> this.random.nextBoolean() ? "2026-01-01" : "";
					case "End Date" -> this.random.nextBoolean() ? "2030-01-01T00:00:00Z" : "";
					default -> TIME_ZONES.get(this.random.nextInt(TIME_ZONES.size()));
				});
			}
			file.append(String.join(",", values)).append('\n');
		}
		return file.toString();
	}

	/** An id of this name that exists for the whole run; null when there is none. */
	Long stable(String name) {
		return pick(this.stable.get(name));
	}

	/** An id of this name of another brand; null when there is none. */
	Long otherBrand(String name) {
		return pick(this.otherBrand.get(name));
	}

	/** An id of this name the fuzzer may delete, taken out of the pool; null when there is none left. */
	Long takeDisposable(String name) {
		List<Long> ids = this.disposable.get(name);
		return (ids == null || ids.isEmpty()) ? null : ids.remove(this.random.nextInt(ids.size()));
	}

	boolean hasDisposable(String name) {
		List<Long> ids = this.disposable.get(name);
		return ids != null && !ids.isEmpty();
	}

	private Long pick(List<Long> ids) {
		return (ids == null || ids.isEmpty()) ? null : ids.get(this.random.nextInt(ids.size()));
	}

	// ---------------------------------------------------------------- hints

	@Override
	public JsonNode valueOf(String property, JsonNode schema) {
		return switch (property) {
			// A conversion names an event type that takes conversions.
			case "eventTypeId" -> NODES.numberNode(stable("activeEventTypeId"));
			case "partnerId", "partnerId[]" -> NODES.numberNode(stable("partnerId"));
			case "brandId" -> NODES.numberNode(this.acmeBrand);
			case "currency" -> NODES.stringNode(CURRENCIES.get(this.random.nextInt(CURRENCIES.size())));
			case "timeZone" -> NODES.stringNode(TIME_ZONES.get(this.random.nextInt(TIME_ZONES.size())));
			default -> null;
		};
	}

	/** Puts related fields of a generated body in the order the API's rules between fields ask for. */
	static void relate(ObjectNode body) {
		order(body, "startsAt", "endsAt", false);
		if (body.path("from").isString() && !body.has("to") && body.path("from").asString().length() == 10) {
			// A report's days without an end end today: a start after today is no range.
			body.set("to", body.path("from"));
		}
		order(body, "from", "to", true);
		JsonNode occurredAt = body.path("occurredAt");
		if (occurredAt.isString() && body.path("clicks").isArray()) {
			body.path("clicks").forEach(click -> {
				if (click.isObject() && click.has("at")) {
					((ObjectNode) click).put("at", occurredAt.asString());
				}
			});
		}
		if (body.path("conversions").isArray()) {
			body.path("conversions").forEach(item -> {
				if (item.isObject()) {
					relate((ObjectNode) item);
				}
			});
		}
	}

	private static void order(ObjectNode body, String first, String second, boolean sameAllowed) {
		JsonNode a = body.path(first);
		JsonNode b = body.path(second);
		if (a.isString() && b.isString()) {
			int comparison = a.asString().compareTo(b.asString());
			if (comparison > 0) {
				body.set(first, b);
				body.set(second, a);
			}
			else if (comparison == 0 && !sameAllowed) {
				body.remove(second);
			}
		}
	}

}
