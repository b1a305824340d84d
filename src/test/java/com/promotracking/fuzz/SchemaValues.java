package com.promotracking.fuzz;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.promotracking.support.ApiContract;

/**
 * Valid values for a JSON schema of the OpenAPI document, generated: types (one of a type list), {@code $ref},
 * {@code enum}, {@code required} and optional properties, {@code minimum}/{@code maximum},
 * {@code minLength}/{@code maxLength}, {@code minItems}/{@code maxItems}, {@code pattern} (by picking among a few
 * shapes of text the one the pattern accepts), the formats {@code date-time}, {@code date}, {@code int32},
 * {@code int64}, and an {@code if}/{@code then} between properties.
 *
 * <p>Some values no JSON Schema keyword describes (an id that exists, a real currency or time zone) come from
 * {@link Hints}, by property name; what the document says still bounds them.
 */
final class SchemaValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789";

	/** The moment generated dates are counted from: fixed, so that a seed gives the same requests any day. */
	private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);

	private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private final JsonNode document;

	private final Random random;

	private final Hints hints;

	SchemaValues(JsonNode document, Random random, Hints hints) {
		this.document = document;
		this.random = random;
		this.hints = hints;
	}

	/** Values for property names whose meaning the document cannot express; null: none, generate from the schema. */
	interface Hints {

		JsonNode valueOf(String property, JsonNode schema);

	}

	/** The schema a {@code $ref} points to (repeatedly), or the schema itself. */
	JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10 && current.has("$ref"); i++) {
			current = this.document.at(current.path("$ref").asString().substring(1));
		}
		return current;
	}

	/** The types a schema allows, {@code "null"} included when it does. */
	static List<String> types(JsonNode schema) {
		List<String> types = ApiContract.types(schema);
		if (types.isEmpty() && schema.has("properties")) {
			types.add("object");
		}
		return types;
	}

	/** A valid value of the schema; {@code name} is the property's name, if any, for the hints. */
	JsonNode valid(String name, JsonNode schemaNode) {
		JsonNode schema = resolve(schemaNode);
		if (name != null) {
			JsonNode hinted = this.hints.valueOf(name, schema);
			if (hinted != null) {
				return hinted;
			}
		}
		if (schema.has("enum")) {
			List<JsonNode> values = new ArrayList<>();
			schema.path("enum").forEach(value -> {
				if (!value.isNull()) {
					values.add(value);
				}
			});
			return values.get(this.random.nextInt(values.size()));
		}
		List<String> types = types(schema);
		types.remove("null");
		if (types.isEmpty()) {
			return NODES.stringNode(word(1, 8));
		}
		return switch (types.get(this.random.nextInt(types.size()))) {
			case "object" -> object(schema);
			case "array" -> array(name, schema);
			case "integer" -> NODES.numberNode(integer(schema));
			case "number" -> NODES.numberNode(number(schema));
			case "boolean" -> NODES.booleanNode(this.random.nextBoolean());
			default -> NODES.stringNode(string(schema));
		};
	}

	private ObjectNode object(JsonNode schema) {
		ObjectNode object = NODES.objectNode();
		List<String> required = new ArrayList<>();
		schema.path("required").forEach(r -> required.add(r.asString()));
		schema.path("properties").properties().forEach(property -> {
			boolean include = required.contains(property.getKey()) || this.random.nextInt(3) > 0;
			if (include) {
				JsonNode propertySchema = resolve(property.getValue());
				boolean nullable = types(propertySchema).contains("null");
				object.set(property.getKey(), (nullable && !required.contains(property.getKey())
						&& this.random.nextInt(5) == 0) ? NODES.nullNode() : valid(property.getKey(), propertySchema));
			}
		});
		JsonNode condition = schema.path("if");
		if (condition.isObject() && schema.path("then").isObject() && holds(object, condition)) {
			JsonNode then = schema.path("then");
			then.path("required").forEach(needed -> {
				String name = needed.asString();
				if (!object.hasNonNull(name)) {
					JsonNode propertySchema = then.path("properties").has(name) ? then.path("properties").path(name)
							: schema.path("properties").path(name);
					object.set(name, valid(name, propertySchema));
				}
			});
		}
		return object;
	}

	/** Whether the object meets an {@code if} made of required properties and their {@code enum} or {@code const}. */
	private static boolean holds(ObjectNode object, JsonNode condition) {
		for (JsonNode required : condition.path("required")) {
			if (!object.has(required.asString())) {
				return false;
			}
		}
		for (var property : condition.path("properties").properties()) {
			JsonNode value = object.path(property.getKey());
			JsonNode allowed = property.getValue();
			if (allowed.has("const") && !allowed.path("const").equals(value)) {
				return false;
			}
			if (allowed.has("enum")) {
				boolean found = false;
				for (JsonNode option : allowed.path("enum")) {
					found |= option.equals(value);
				}
				if (!found) {
					return false;
				}
			}
		}
		return true;
	}

	private ArrayNode array(String name, JsonNode schema) {
		int min = schema.path("minItems").asInt(0);
		int max = Math.min(schema.path("maxItems").asInt(3), Math.max(min, 3));
		int count = min + this.random.nextInt(max - min + 1);
		ArrayNode array = NODES.arrayNode();
		for (int i = 0; i < count; i++) {
			array.add(valid(name + "[]", schema.path("items")));
		}
		return array;
	}

	long integer(JsonNode schema) {
		long min = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
		long max = schema.has("maximum") ? schema.path("maximum").asLong() : min + 20;
		return min + (long) this.random.nextInt((int) Math.min(max - min + 1, 1_000));
	}

	private BigDecimal number(JsonNode schema) {
		long whole = integer(schema);
		BigDecimal value = BigDecimal.valueOf(whole * 100 + this.random.nextInt(100), 2);
		if (schema.has("maximum") && value.compareTo(schema.path("maximum").decimalValue()) > 0) {
			return schema.path("maximum").decimalValue();
		}
		return value;
	}

	private String string(JsonNode schema) {
		String format = schema.path("format").asString("");
		int minLength = schema.path("minLength").asInt(0);
		int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		List<Function<Random, String>> shapes = switch (format) {
			case "date-time" -> List.of(r -> dateTime());
			case "date" -> List.of(r -> date());
			default -> List.of(r -> word(Math.max(1, minLength), Math.min(maxLength, Math.max(minLength, 12))),
					r -> digits(1 + r.nextInt(6)), r -> digits(1 + r.nextInt(6)) + "." + digits(2), r -> date(),
					r -> dateTime(), r -> dateTime().substring(0, 19));
		};
		Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.path("pattern").asString()) : null;
		if (pattern == null) {
			return shapes.get(0).apply(this.random);
		}
		for (int attempt = 0; attempt < 30; attempt++) {
			String candidate = shapes.get(attempt % shapes.size()).apply(this.random);
			if (pattern.matcher(candidate).find() && candidate.length() >= minLength
					&& candidate.length() <= maxLength) {
				return candidate;
			}
		}
		throw new IllegalStateException("No text shape matches the pattern " + pattern + " of " + schema);
	}

	/** A date-time in the year before today, UTC or with an offset. */
	String dateTime() {
		OffsetDateTime at = NOW.minusMinutes(1 + this.random.nextInt(365 * 24 * 60));
		return RFC_3339.format(this.random.nextBoolean() ? at : at.withOffsetSameInstant(ZoneOffset.ofHours(2)));
	}

	/** A day within the year after today. */
	String date() {
		return LocalDate.from(NOW).plusDays(1 + this.random.nextInt(365)).toString();
	}

	String word(int min, int max) {
		int length = min + this.random.nextInt(Math.max(1, max - min + 1));
		StringBuilder word = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			word.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return word.toString();
	}

	private String digits(int count) {
		StringBuilder digits = new StringBuilder(count);
		digits.append(1 + this.random.nextInt(9));
		for (int i = 1; i < count; i++) {
			digits.append(this.random.nextInt(10));
		}
		return digits.toString();
	}

}
