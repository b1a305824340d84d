package com.promotracking.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.promotracking.fuzz.FuzzRequest.Expect;
import com.promotracking.fuzz.FuzzRequest.Role;
import com.promotracking.fuzz.Mutations.BodyKind;
import com.promotracking.support.ApiContract;
import com.promotracking.support.ApiContract.Operation;
import com.promotracking.support.Http;

/**
 * Turns a documented operation and a role into a request: a valid one from the operation's parameters and body
 * schema, with real ids ({@link FuzzData}), or one broken in a way that applies to the operation (its body, a
 * path id, a query value, {@code If-Match}, its content type, an id of another brand, or the HTTP below it).
 * Whether a broken body is still valid is asked of the document ({@link ApiContract#requestViolations}).
 */
final class RequestPlanner {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private static final String JSON = "application/json";

	/** A promo code import's file, the API's one body that is not JSON. */
	private static final String CSV = "text/csv";

	private static final JsonMapper JSON_READER = JsonMapper.builder().build();

	private static final List<String> ACCEPTS = List.of(JSON, "application/json, application/problem+json", "*/*",
			"application/*", "");

	/** What a client of a CSV file sends: the file's type, with or without the problem's, or anything. */
	private static final List<String> CSV_ACCEPTS = List.of(CSV, "text/csv, application/problem+json", "text/*", "*/*",
			"");

	private final ApiContract contract;

	private final FuzzData data;

	private final SchemaValues values;

	private final Mutations mutations;

	private final Random random;

	RequestPlanner(ApiContract contract, FuzzData data, Random random) {
		this.contract = contract;
		this.data = data;
		this.random = random;
		this.values = new SchemaValues(contract.document(), random, data);
		this.mutations = new Mutations(random, this.values);
	}

	/** About half valid, half broken; a valid DELETE needs something left to delete. */
	FuzzRequest plan(Operation operation, Role role) {
		if (this.random.nextBoolean()) {
			FuzzRequest valid = valid(operation, role, true);
			if (valid != null) {
				return valid;
			}
		}
		return broken(valid(operation, role, false));
	}

	/** A valid request; with {@code deleting} false, a DELETE names a kept id (for a broken variant only). */
	private FuzzRequest valid(Operation operation, Role role, boolean deleting) {
		List<String> variables = variables(operation.template());
		Map<String, Long> ids = new LinkedHashMap<>();
		for (int i = 0; i < variables.size(); i++) {
			String variable = variables.get(i);
			boolean deleted = deleting && operation.method().equals("delete") && i == variables.size() - 1;
			Long id = deleted ? this.data.takeDisposable(variable) : this.data.stable(variable);
			if (id == null && !deleted) {
				id = this.data.takeDisposable(variable);
				if (id != null) {
					this.data.dispose(variable, id);
				}
			}
			if (id == null && !deleting) {
				// Nothing left to name: an id nothing has, for a broken variant.
				id = 999_999_999L;
			}
			if (id == null) {
				return null;
			}
			ids.put(variable, id);
		}
		String path = expand(operation.template(), ids);
		ObjectNode query = JsonNodeFactory.instance.objectNode();
		JsonNode ifMatch = null;
		for (JsonNode declared : operation.node().path("parameters")) {
			JsonNode parameter = this.values.resolve(declared);
			String in = parameter.path("in").asString();
			if (in.equals("query") && (parameter.path("required").asBoolean(false) || this.random.nextBoolean())) {
				query.set(parameter.path("name").asString(),
						this.values.valid(parameter.path("name").asString(), parameter.path("schema")));
			}
			if (in.equals("header") && parameter.path("name").asString().equalsIgnoreCase("If-Match")) {
				ifMatch = parameter;
			}
		}
		FuzzData.relate(query);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", authorization(role));
		String accept = this.mutations.pick(answersCsv(operation) ? CSV_ACCEPTS : ACCEPTS);
		if (!accept.isEmpty()) {
			headers.put("Accept", accept);
		}
		String body = null;
		JsonNode schema = bodySchema(operation);
		if (schema != null) {
			ObjectNode generated = (ObjectNode) this.values.valid(null, schema);
			if (role == Role.CSM && this.values.resolve(schema).path("properties").has("brandId")) {
				// A CSM names the brand she acts for; a brand admin may leave it to her own brand.
				generated.put("brandId", this.data.acmeBrand);
			}
			FuzzData.relate(generated);
			body = generated.toString();
			headers.put("Content-Type", JSON);
		}
		else if (takesCsv(operation)) {
			body = this.data.csvFile();
			headers.put("Content-Type", CSV);
		}
		FuzzRequest request = new FuzzRequest(operation, role, "valid", Expect.POSITIVE,
				operation.method().toUpperCase(), path + queryString(query), headers, body, false);
		List<String> violations = this.contract.requestViolations(request.method(), request.path(),
				headers.getOrDefault("Content-Type", JSON), body);
		if (!violations.isEmpty()) {
			throw new IllegalStateException("The generator made an invalid request " + request.describe() + ": "
					+ violations);
		}
		return request;
	}

	FuzzRequest broken(FuzzRequest valid) {
		Operation operation = valid.operation();
		List<String> kinds = new ArrayList<>();
		JsonNode schema = bodySchema(operation);
		if (schema != null) {
			for (BodyKind kind : BodyKind.values()) {
				kinds.add(kind.name());
			}
			kinds.add("BAD_CONTENT_TYPE");
		}
		else if (takesCsv(operation)) {
			kinds.addAll(List.of("BROKEN_CSV", "BROKEN_CSV", "BROKEN_CSV", "BAD_CONTENT_TYPE"));
		}
		if (!variables(operation.template()).isEmpty()) {
			kinds.addAll(List.of("BAD_PATH_ID", "BAD_PATH_ID", "OTHER_BRAND", "OTHER_BRAND"));
		}
		if (hasBrokenQuery(operation)) {
			kinds.addAll(List.of("BAD_QUERY", "BAD_QUERY"));
		}
		if (hasParameter(operation, "header", "If-Match")) {
			kinds.addAll(List.of("BAD_IF_MATCH", "BAD_IF_MATCH"));
		}
		if (schema != null && hasBrandIds(schema)) {
			kinds.add("OTHER_BRAND_IN_BODY");
		}
		kinds.add("RAW");
		String kind = this.mutations.pick(kinds);
		return switch (kind) {
			case "BAD_CONTENT_TYPE" -> valid.with("content type", Expect.NEGATIVE, valid.path(),
					valid.headersWith("Content-Type", this.mutations.pick(Mutations.BAD_CONTENT_TYPES)), valid.body(),
					false);
			case "BAD_PATH_ID" -> {
				List<String> variables = variables(operation.template());
				String variable = this.mutations.pick(variables);
				String bad = this.mutations.pick(Mutations.BAD_IDS);
				yield valid.with("path id " + variable + "=" + bad, Expect.NEGATIVE,
						replace(operation.template(), valid.path(), variable, bad), valid.headers(), valid.body(),
						false);
			}
			case "OTHER_BRAND" -> otherBrand(valid);
			case "OTHER_BRAND_IN_BODY" -> otherBrandInBody(valid, schema);
			case "BAD_QUERY" -> badQuery(valid);
			case "BAD_IF_MATCH" -> valid.with("If-Match", Expect.NEGATIVE, valid.path(),
					valid.headersWith("If-Match", this.mutations.pick(Mutations.BAD_IF_MATCH)), valid.body(), false);
			case "RAW" -> raw(valid);
			case "BROKEN_CSV" -> {
				Mutations.Broken broken = this.mutations.csvFile(valid.body());
				yield valid.with("CSV " + broken.how(), Expect.NEGATIVE, valid.path(), valid.headers(), broken.body(),
						false);
			}
			default -> brokenBody(valid, BodyKind.valueOf(kind), schema);
		};
	}

	private FuzzRequest brokenBody(FuzzRequest valid, BodyKind kind, JsonNode schema) {
		ObjectNode body = (ObjectNode) JSON_READER.readTree(valid.body());
		Mutations.Broken broken = this.mutations.body(kind, body, schema);
		Expect expect;
		if (kind == BodyKind.HUGE_STRING) {
			// Over any documented maxLength, else over the body limit of all but the batch's address.
			boolean outside = !this.contract.requestViolations(valid.method(), valid.path(), JSON, broken.body())
				.isEmpty();
			expect = outside ? Expect.NEGATIVE : Expect.EITHER;
		}
		else if (kind.brokenJson() || broken.certain()) {
			expect = Expect.NEGATIVE;
		}
		else {
			boolean outside = !this.contract.requestViolations(valid.method(), valid.path(), JSON, broken.body())
				.isEmpty();
			// No text holds a NUL character (README), which the document's patterns do not say.
			expect = (outside || kind == BodyKind.NUL_IN_STRING) ? Expect.NEGATIVE : Expect.POSITIVE;
		}
		return valid.with(broken.how(), expect, valid.path(), valid.headers(), broken.body(), false);
	}

	private FuzzRequest otherBrand(FuzzRequest valid) {
		Operation operation = valid.operation();
		List<String> variables = variables(operation.template());
		List<String> replaceable = variables.stream().filter(v -> this.data.otherBrand(v) != null).toList();
		if (replaceable.isEmpty()) {
			return raw(valid);
		}
		String variable = this.mutations.pick(replaceable);
		String path = replace(operation.template(), valid.path(), variable,
				Long.toString(this.data.otherBrand(variable)));
		if (!variable.equals("programId") && variables.contains("programId") && this.random.nextBoolean()) {
			// The other brand's program too: the whole address is theirs.
			path = replace(operation.template(), path, "programId", Long.toString(this.data.otherBrand("programId")));
		}
		else if (variable.equals("programId") && variables.size() > 1 && this.random.nextInt(3) == 0) {
			path = replace(operation.template(), path, "programId", Long.toString(this.data.otherBrand("acmeFr")));
			// The brand's other program: the caller sees it, not this program's ids in it.
			return valid.with("the brand's other program", Expect.NEGATIVE, path, valid.headers(), valid.body(),
					false);
		}
		return valid.with("other brand's " + variable, Expect.OTHER_BRAND, path, valid.headers(), valid.body(), false);
	}

	private FuzzRequest otherBrandInBody(FuzzRequest valid, JsonNode schema) {
		ObjectNode body = (ObjectNode) JSON_READER.readTree(valid.body());
		for (String name : List.of("brandId", "partnerId", "eventTypeId")) {
			if (this.values.resolve(schema).path("properties").has(name) && this.data.otherBrand(name) != null) {
				body.put(name, this.data.otherBrand(name));
				return valid.with("other brand's " + name + " in the body", Expect.NEGATIVE, valid.path(),
						valid.headers(), body.toString(), false);
			}
		}
		return raw(valid);
	}

	private FuzzRequest badQuery(FuzzRequest valid) {
		List<JsonNode> breakable = new ArrayList<>();
		for (JsonNode declared : valid.operation().node().path("parameters")) {
			JsonNode parameter = this.values.resolve(declared);
			if (parameter.path("in").asString().equals("query")
					&& this.mutations.badQueryValue(parameter.path("schema")) != null) {
				breakable.add(parameter);
			}
		}
		JsonNode parameter = this.mutations.pick(breakable);
		String name = parameter.path("name").asString();
		String bad = this.mutations.badQueryValue(parameter.path("schema"));
		String path = valid.path().replaceAll("([?&])" + Pattern.quote(name) + "=[^&]*&?", "$1");
		path = path.replaceAll("[?&]$", "");
		path = path + (path.contains("?") ? "&" : "?") + name + "=" + bad;
		boolean outside = !this.contract.requestViolations(valid.method(), path, JSON, valid.body()).isEmpty();
		return valid.with("query " + name + "=" + bad, outside ? Expect.NEGATIVE : Expect.POSITIVE, path,
				valid.headers(), valid.body(), false);
	}

	/** Below HTTP's rules, on a socket: a query or path no decoder reads, a NUL or a megabyte in a header, an unknown method. */
	private FuzzRequest raw(FuzzRequest valid) {
		String path = valid.path().split("\\?", 2)[0];
		String method = valid.method();
		Map<String, String> headers = new LinkedHashMap<>(valid.headers());
		String how;
		switch (this.random.nextInt(6)) {
			case 0 -> {
				String query = this.mutations.pick(List.of("?%zz", "?=", "?a=1&=2", "?page=%", "?%C0%AF=1"));
				path = path + query;
				how = "raw query " + query;
			}
			case 1 -> {
				headers.put("X-Fuzz", "a\u0000b");
				how = "NUL in a header";
			}
			case 2 -> {
				headers.put("X-Fuzz", "h".repeat(1 << 20));
				how = "a 1 MB header";
			}
			case 3 -> {
				method = this.mutations.pick(List.of("FOO", "CONNECT", "PROPFIND", "TRACE"));
				how = "method " + method;
			}
			case 4 -> {
				List<String> variables = variables(valid.operation().template());
				String bad = this.mutations.pick(List.of("%zz", "%C0%AF", "%FF", "%", "%2F1", "1%00"));
				path = variables.isEmpty() ? path + "/" + bad
						: replace(valid.operation().template(), path, this.mutations.pick(variables), bad);
				how = "raw path " + bad;
			}
			default -> {
				headers.put("Content-Length", "-1");
				how = "negative Content-Length";
			}
		}
		return new FuzzRequest(valid.operation(), valid.role(), how, Expect.NEGATIVE, method, path, headers,
				valid.body(), true);
	}

	// ---------------------------------------------------------------- document

	JsonNode bodySchema(Operation operation) {
		JsonNode body = this.values.resolve(operation.node().path("requestBody"));
		JsonNode schema = body.path("content").path(JSON).path("schema");
		return schema.isMissingNode() ? null : schema;
	}

	private boolean answersCsv(Operation operation) {
		return this.values.resolve(operation.node().path("responses").path("200")).path("content").has(CSV);
	}

	private boolean takesCsv(Operation operation) {
		return this.values.resolve(operation.node().path("requestBody")).path("content").has(CSV);
	}

	private boolean hasBrokenQuery(Operation operation) {
		for (JsonNode declared : operation.node().path("parameters")) {
			JsonNode parameter = this.values.resolve(declared);
			if (parameter.path("in").asString().equals("query")
					&& this.mutations.badQueryValue(parameter.path("schema")) != null) {
				return true;
			}
		}
		return false;
	}

	private boolean hasParameter(Operation operation, String in, String name) {
		for (JsonNode declared : operation.node().path("parameters")) {
			JsonNode parameter = this.values.resolve(declared);
			if (parameter.path("in").asString().equals(in) && parameter.path("name").asString().equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private boolean hasBrandIds(JsonNode schema) {
		JsonNode properties = this.values.resolve(schema).path("properties");
		return properties.has("brandId") || properties.has("partnerId") || properties.has("eventTypeId");
	}

	private String authorization(Role role) {
		return switch (role) {
			case BRAND_ADMIN -> Http.basic(Http.ALICE, Http.PASSWORDS.get(Http.ALICE));
			case CSM -> Http.basic(Http.CAROL, Http.PASSWORDS.get(Http.CAROL));
			case PARTNER -> Http.basic(Http.PAT, Http.PASSWORDS.get(Http.PAT));
			case API_KEY -> "Bearer " + this.data.apiKey;
		};
	}

	static List<String> variables(String template) {
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(template);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static String expand(String template, Map<String, Long> ids) {
		String path = template;
		for (Map.Entry<String, Long> id : ids.entrySet()) {
			path = path.replace("{" + id.getKey() + "}", Long.toString(id.getValue()));
		}
		return path;
	}

	/** The concrete path with one variable's segment replaced (the query string kept). */
	private static String replace(String template, String pathAndQuery, String variable, String value) {
		String[] pathAndRest = pathAndQuery.split("(?=\\?)", 2);
		String[] templateSegments = template.split("/");
		String[] segments = pathAndRest[0].split("/", -1);
		for (int i = 0; i < templateSegments.length && i < segments.length; i++) {
			if (templateSegments[i].equals("{" + variable + "}")) {
				segments[i] = value;
			}
		}
		return String.join("/", segments) + ((pathAndRest.length > 1) ? pathAndRest[1] : "");
	}

	private static String queryString(ObjectNode query) {
		if (query.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		query.properties().forEach(entry -> {
			text.append(text.isEmpty() ? '?' : '&')
				.append(entry.getKey())
				.append('=')
				.append(URLEncoder.encode(entry.getValue().isString() ? entry.getValue().asString()
						: entry.getValue().toString(), StandardCharsets.UTF_8));
		});
		return text.toString();
	}

}
