package com.promotracking.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values and bodies broken on purpose, from a valid body and its schema: a wrong type, a missing required field,
 * a number or length out of its range, an unknown enum value or field, a megabyte of text, JSON nested 10,000
 * deep, NUL bytes, malformed JSON, XML labelled as JSON; and bad path ids, query values and {@code If-Match}
 * values. Whether a broken body is really outside the document is for the document to say
 * ({@code ApiContract.requestViolations}), not for this class.
 */
final class Mutations {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** A megabyte of text: over every body limit but the batch's, and over every documented maximum length. */
	static final String MEGABYTE = "x".repeat(1 << 20);

	/** Spellings of a whole number the API refuses, and numbers that are no id. */
	static final List<String> BAD_IDS = List.of("0x27", "+39", "039", "-1", "0", "99999999999999999999",
			"9223372036854775808", "abc", "%D9%A3", "1.5", "1e3", "%00", "%2F", "%C0%AF", "%20", "null");

	static final List<String> BAD_IF_MATCH = List.of("\"+3\"", "\"03\"", "W/\"3\"", "garbage", "\"999999\"", "3",
			"\"\"", "\"-1\"", "\"3\", \"4\"");

	static final List<String> BAD_CONTENT_TYPES = List.of("text/plain", "application/xml", "*/*", "application/*",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=bogus",
			"application/jsonx", "garbage");

	private final Random random;

	private final SchemaValues values;

	Mutations(Random random, SchemaValues values) {
		this.random = random;
		this.values = values;
	}

	/**
	 * A broken body: the text to send, what was done to it, and whether it is outside the document for certain
	 * (a number beyond its format's range, which the schema validator reads as an annotation only).
	 */
	record Broken(String body, String how, boolean certain) {

		Broken(String body, String how) {
			this(body, how, false);
		}

	}

	/**
	 * A promo code import file broken as hostile files are (README, "Promo codes in bulk"): each one the service
	 * must refuse whole, 400 {@code invalid-csv-file}, whatever rows the valid file held.
	 */
	Broken csvFile(String valid) {
		String header = valid.substring(0, valid.indexOf('\n') + 1);
		String rows = valid.substring(header.length());
		return switch (this.random.nextInt(8)) {
			case 0 -> new Broken("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "binary", true);
			case 1 -> new Broken(header, "header only", true);
			case 2 -> new Broken("", "empty", true);
			case 3 -> new Broken(header + rows.replace("\n", ",x".repeat(10_000) + "\n"), "10,000 columns", true);
			case 4 -> new Broken(header + "\"" + rows, "unterminated quote", true);
			case 5 -> new Broken(header + rows.replace(',', ';'), "mixed separators", true);
			case 6 -> new Broken("Name,Partner\n" + rows, "no code column", true);
			default -> new Broken(header + rows.replace("\n", "\u0000\n"), "NUL bytes", true);
		};
	}

	/** The kinds of broken body, each one a way this class breaks a valid one. */
	enum BodyKind {

		WRONG_TYPE, MISSING_REQUIRED, NULL_REQUIRED, OUT_OF_RANGE, BAD_ENUM, UNKNOWN_FIELD, HUGE_STRING,
		DEEP_NESTING, NUL_RAW, NUL_IN_STRING, MALFORMED_JSON, XML_AS_JSON, EMPTY_BODY;

		/** Broken below the schema (not JSON, or over the body limit): a refusal whatever the document says. */
		boolean brokenJson() {
			return this == HUGE_STRING || this == DEEP_NESTING || this == NUL_RAW || this == MALFORMED_JSON
					|| this == XML_AS_JSON || this == EMPTY_BODY;
		}

	}

	Broken body(BodyKind kind, ObjectNode valid, JsonNode schemaNode) {
		JsonNode schema = this.values.resolve(schemaNode);
		ObjectNode body = valid.deepCopy();
		return switch (kind) {
			case WRONG_TYPE -> wrongType(body, schema);
			case MISSING_REQUIRED, NULL_REQUIRED -> {
				List<String> required = names(schema.path("required"));
				if (required.isEmpty()) {
					yield wrongType(body, schema);
				}
				String name = pick(required);
				if (kind == BodyKind.MISSING_REQUIRED) {
					body.remove(name);
				}
				else {
					body.putNull(name);
				}
				yield new Broken(body.toString(), (kind == BodyKind.MISSING_REQUIRED ? "without" : "null") + " required "
						+ name);
			}
			case OUT_OF_RANGE -> outOfRange(body, schema);
			case BAD_ENUM -> {
				List<String> enums = new ArrayList<>();
				schema.path("properties")
					.properties()
					.forEach(p -> {
						if (this.values.resolve(p.getValue()).has("enum")) {
							enums.add(p.getKey());
						}
					});
				if (enums.isEmpty()) {
					yield wrongType(body, schema);
				}
				String name = pick(enums);
				body.put(name, pick(List.of("bogus", "APPROVE", "", " approve", "approve\u0000")));
				yield new Broken(body.toString(), "unknown value of " + name);
			}
			case UNKNOWN_FIELD -> {
				body.put("fuzz" + this.values.word(3, 6), pick(List.of("x", "1", "true")));
				yield new Broken(body.toString(), "an unknown field");
			}
			case HUGE_STRING -> {
				List<ObjectNode> holders = new ArrayList<>();
				List<String> names = new ArrayList<>();
				stringLeaves(body, holders, names);
				if (holders.isEmpty()) {
					body.put("huge", MEGABYTE);
					yield new Broken(body.toString(), "1 MB in an unknown field");
				}
				int chosen = this.random.nextInt(holders.size());
				holders.get(chosen).put(names.get(chosen), MEGABYTE);
				yield new Broken(body.toString(), "1 MB in " + names.get(chosen));
			}
			case DEEP_NESTING -> new Broken(this.random.nextBoolean() ? "[".repeat(10_000) + "]".repeat(10_000)
					: "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "JSON nested 10,000 deep");
			case NUL_RAW -> {
				String text = body.toString();
				int at = 1 + this.random.nextInt(Math.max(1, text.length() - 1));
				yield new Broken(text.substring(0, at) + "\u0000" + text.substring(at), "a raw NUL byte");
			}
			case NUL_IN_STRING -> {
				String name = pickProperty(schema, "string");
				if (name == null) {
					yield new Broken(body.toString() + "\u0000", "a NUL byte after the JSON");
				}
				body.put(name, "a\u0000b");
				yield new Broken(body.toString(), "a NUL character in " + name);
			}
			case MALFORMED_JSON -> {
				String text = body.toString();
				yield switch (this.random.nextInt(4)) {
					case 0 -> new Broken(text.substring(0, Math.max(1, text.length() / 2)), "cut JSON");
					case 1 -> new Broken(text.replace(':', '='), "= for :");
					case 2 -> new Broken(text + text, "two JSON values");
					default -> new Broken("{'single': 'quotes', trailing: 1,}", "JSON5");
				};
			}
			case XML_AS_JSON -> new Broken("<?xml version=\"1.0\"?><request><name>x</name></request>", "XML");
			case EMPTY_BODY -> new Broken("", "an empty body");
		};
	}

	private Broken wrongType(ObjectNode body, JsonNode schema) {
		List<String> names = names(schema.path("properties"));
		if (names.isEmpty()) {
			return new Broken("[]", "an array for an object");
		}
		String name = pick(names);
		List<String> types = SchemaValues.types(this.values.resolve(schema.path("properties").path(name)));
		JsonNode wrong;
		if (types.contains("string")) {
			wrong = this.random.nextBoolean() ? NODES.numberNode(7) : NODES.booleanNode(false);
		}
		else if (types.contains("integer") || types.contains("number")) {
			wrong = pick(List.<JsonNode>of(NODES.stringNode("12x"), NODES.booleanNode(true), NODES.numberNode(1.5),
					NODES.objectNode()));
			if (types.contains("number")) {
				wrong = NODES.booleanNode(true);
			}
		}
		else if (types.contains("boolean")) {
			wrong = pick(List.<JsonNode>of(NODES.stringNode("true"), NODES.numberNode(1), NODES.stringNode("yes")));
		}
		else if (types.contains("array")) {
			wrong = NODES.stringNode("x");
		}
		else {
			wrong = NODES.arrayNode();
		}
		body.set(name, wrong);
		return new Broken(body.toString(), "wrong type of " + name);
	}

	private Broken outOfRange(ObjectNode body, JsonNode schema) {
		List<Map.Entry<String, JsonNode>> bounded = new ArrayList<>();
		schema.path("properties").properties().forEach(p -> {
			JsonNode s = this.values.resolve(p.getValue());
			List<String> types = SchemaValues.types(s);
			if (s.has("minimum") || s.has("maximum") || s.has("maxLength") || s.has("minLength")
					|| s.has("maxItems") || s.has("minItems") || types.contains("integer")) {
				bounded.add(Map.entry(p.getKey(), s));
			}
		});
		if (bounded.isEmpty()) {
			return wrongType(body, schema);
		}
		Map.Entry<String, JsonNode> chosen = pick(bounded);
		String name = chosen.getKey();
		JsonNode s = chosen.getValue();
		List<String> types = SchemaValues.types(s);
		if (s.has("maxItems") && this.random.nextBoolean()) {
			ArrayNode array = NODES.arrayNode();
			JsonNode item = this.values.valid(name + "[]", s.path("items"));
			for (int i = 0; i <= s.path("maxItems").asInt(); i++) {
				array.add(item);
			}
			body.set(name, array);
			return new Broken(body.toString(), (s.path("maxItems").asInt() + 1) + " items in " + name);
		}
		if (s.has("minItems") && s.path("minItems").asInt() > 0) {
			body.set(name, NODES.arrayNode());
			return new Broken(body.toString(), "no items in " + name);
		}
		if (s.has("maxLength")) {
			body.put(name, this.values.word(s.path("maxLength").asInt() + 1, s.path("maxLength").asInt() + 1));
			return new Broken(body.toString(), "over maxLength in " + name);
		}
		if (s.has("minLength") && s.path("minLength").asInt() > 0) {
			body.put(name, "");
			return new Broken(body.toString(), "under minLength in " + name);
		}
		if (s.has("minimum")) {
			body.put(name, s.path("minimum").decimalValue().subtract(java.math.BigDecimal.ONE));
			return new Broken(body.toString(), "under minimum in " + name);
		}
		if (s.has("maximum")) {
			body.put(name, s.path("maximum").decimalValue().add(java.math.BigDecimal.ONE));
			return new Broken(body.toString(), "over maximum in " + name);
		}
		if (types.contains("integer")) {
			body.put(name, new java.math.BigInteger("99999999999999999999"));
			return new Broken(body.toString(), "beyond int64 in " + name, true);
		}
		return wrongType(body, schema);
	}

	/** A query value its schema refuses, or null when the schema constrains nothing this class can break. */
	String badQueryValue(JsonNode schemaNode) {
		JsonNode schema = this.values.resolve(schemaNode);
		List<String> types = SchemaValues.types(schema);
		if (schema.has("enum")) {
			return pick(List.of("bogus", "ACTIVE", "%20active", "active%00", ""));
		}
		if (types.contains("integer")) {
			List<String> bad = new ArrayList<>(List.of("abc", "1.5", "%2B3", "0x10", "99999999999999999999", "007"));
			if (schema.has("minimum")) {
				bad.add(Long.toString(schema.path("minimum").asLong() - 1));
			}
			if (schema.has("maximum")) {
				bad.add(Long.toString(schema.path("maximum").asLong() + 1));
			}
			return pick(bad);
		}
		String format = schema.path("format").asString("");
		if (format.equals("date") || format.equals("date-time")) {
			return pick(List.of("2026-13-45", "%2B999999999-12-31T23:59:59Z", "yesterday", "1999-12-31",
					"2026-02-30T10:00:00Z", "3000-01-01T00:00:00Z"));
		}
		return null;
	}

	/** Every text in the body, anywhere (in items of arrays too), as the object holding it and its name. */
	private static void stringLeaves(JsonNode node, List<ObjectNode> holders, List<String> names) {
		if (node instanceof ObjectNode object) {
			object.properties().forEach(property -> {
				if (property.getValue().isString()) {
					holders.add(object);
					names.add(property.getKey());
				}
				else {
					stringLeaves(property.getValue(), holders, names);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach(item -> stringLeaves(item, holders, names));
		}
	}

	private String pickProperty(JsonNode schema, String type) {
		List<String> names = new ArrayList<>();
		schema.path("properties").properties().forEach(p -> {
			if (SchemaValues.types(this.values.resolve(p.getValue())).contains(type)) {
				names.add(p.getKey());
			}
		});
		return names.isEmpty() ? null : pick(names);
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(n -> names.add(n.asString()));
		}
		else {
			names.addAll(node.propertyNames());
		}
		return names;
	}

	<T> T pick(List<T> list) {
		return list.get(this.random.nextInt(list.size()));
	}

}
