package com.promotracking.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The served OpenAPI document as a contract tests check exchanges against: for one request and its answer, what
 * the document does not allow (no such operation, an undocumented status or content type, a body that does not
 * match its schema). Schemas are checked with networknt's validator in the OpenAPI 3.1 dialect (JSON Schema
 * 2020-12), formats asserted, {@code $ref}s resolved within the document.
 *
 * <p>Thread-safe: schemas are built once per place in the document and shared.
 */
public final class ApiContract {

	/** Where the document sits for the validator; {@code $ref}s like {@code #/components/...} resolve in it. */
	private static final String DOCUMENT_URI = "https://contract.promotracking.test/openapi.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Where the document keeps its problem detail schema (RFC 9457). */
	public static final String PROBLEM_SCHEMA = "/components/schemas/Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private final JsonNode document;

	private final SchemaRegistry registry;

	private final List<PathTemplate> templates;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private ApiContract(String documentJson) {
		this.document = JSON.readTree(documentJson);
		this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
				builder -> builder.schemas(Map.of(DOCUMENT_URI, documentJson))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		List<PathTemplate> list = new ArrayList<>();
		this.document.path("paths").properties().forEach(entry -> list.add(PathTemplate.of(entry.getKey())));
		// A literal segment wins over a variable one (".../conversions/batch" before ".../conversions/{id}").
		list.sort(Comparator.comparingInt(PathTemplate::variables).thenComparing(PathTemplate::template));
		this.templates = List.copyOf(list);
	}

	/** The contract of this document (OpenAPI JSON). */
	public static ApiContract fromJson(String documentJson) {
		return new ApiContract(documentJson);
	}

	private static final Map<String, ApiContract> SERVED = new ConcurrentHashMap<>();

	/** The document the server serves at {@code /v3/api-docs}, read once per server. */
	public static ApiContract servedBy(Http http) {
		return SERVED.computeIfAbsent(http.base(), base -> {
			Http.Response reply = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/v3/api-docs")).GET());
			if (reply.status() != 200) {
				throw new IllegalStateException("No OpenAPI document at " + base + "/v3/api-docs: " + reply);
			}
			return fromJson(reply.body());
		});
	}

	public JsonNode document() {
		return this.document;
	}

	// ---------------------------------------------------------------- operations

	/** One operation of the document, found for a concrete path. */
	public record Operation(String method, String template, Map<String, String> pathValues, JsonNode node) {

		public String operationId() {
			return this.node.path("operationId").asString("");
		}

		/** The pointer of this operation in the document, e.g. {@code /paths/~1api~1programs/get}. */
		public String pointer() {
			return "/paths/" + escape(this.template) + "/" + this.method;
		}

	}

	/** The operation answering this method on this concrete path (a query string is ignored), if documented. */
	public Optional<Operation> operation(String method, String pathAndQuery) {
		String path = pathOnly(pathAndQuery);
		String verb = method.toLowerCase(Locale.ROOT);
		for (PathTemplate template : this.templates) {
			Optional<Map<String, String>> values = template.match(path);
			if (values.isPresent()) {
				JsonNode node = this.document.path("paths").path(template.template()).path(verb);
				if (node.isObject()) {
					return Optional.of(new Operation(verb, template.template(), values.get(), node));
				}
			}
		}
		return Optional.empty();
	}

	/** Every documented operation, as method and path template. */
	public List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		this.document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			if (List.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(op.getKey())) {
				operations.add(new Operation(op.getKey(), path.getKey(), Map.of(), op.getValue()));
			}
		}));
		return operations;
	}

	// ---------------------------------------------------------------- responses

	/**
	 * What the document does not allow in this answer to this request: an empty list when the exchange
	 * conforms. {@code path} is the concrete path, e.g. {@code /api/programs/3/conversions?page=1}.
	 */
	public List<String> violations(String method, String path, int status, String contentType, String body) {
		List<String> violations = new ArrayList<>();
		String exchange = method.toUpperCase(Locale.ROOT) + " " + pathOnly(path) + " -> " + status;
		Optional<Operation> found = operation(method, path);
		if (found.isEmpty()) {
			if (status >= 400 && status < 500 && this.document.at(PROBLEM_SCHEMA).isObject()) {
				// An address or method the API does not have, refused: the refusal is still a documented problem.
				checkProblem(exchange, contentType, body, violations);
				return violations;
			}
			violations.add(exchange + ": no operation documented for " + method.toUpperCase(Locale.ROOT) + " "
					+ pathOnly(path));
			return violations;
		}
		Operation operation = found.get();
		JsonNode responses = operation.node().path("responses");
		String statusKey = Integer.toString(status);
		String rangeKey = (status / 100) + "XX";
		String responseKey = responses.has(statusKey) ? statusKey
				: responses.has(rangeKey) ? rangeKey : responses.has("default") ? "default" : null;
		if (responseKey == null) {
			violations.add(exchange + ": status " + status + " not documented for " + operation.operationId()
					+ " (documented: " + names(responses) + ")");
			return violations;
		}
		JsonNode response = resolve(responses.path(responseKey));
		JsonNode content = response.path("content");
		boolean hasBody = body != null && !body.isEmpty();
		if (!content.isObject() || content.isEmpty()) {
			if (hasBody && !"HEAD".equalsIgnoreCase(method)) {
				violations.add(exchange + ": a body (" + contentType + ") where the document has none");
			}
			return violations;
		}
		if (!hasBody && "HEAD".equalsIgnoreCase(method)) {
			return violations;
		}
		Optional<String> mediaKey = mediaKey(content, contentType);
		if (mediaKey.isEmpty()) {
			violations.add(exchange + ": content type '" + contentType + "' not documented (documented: "
					+ names(content) + ")");
			return violations;
		}
		String pointer = operation.pointer() + "/responses/" + escape(responseKey) + "/content/"
				+ escape(mediaKey.get()) + "/schema";
		if (response != responses.path(responseKey)) {
			// A $ref'd response (#/components/responses/X): validate at its own place.
			pointer = responses.path(responseKey).path("$ref").asString().substring(1) + "/content/"
					+ escape(mediaKey.get()) + "/schema";
		}
		validateBody(exchange, mediaKey.get(), content.path(mediaKey.get()), pointer, body, violations);
		return violations;
	}

	private void checkProblem(String exchange, String contentType, String body, List<String> violations) {
		String media = (contentType == null ? "" : contentType).split(";", 2)[0].trim();
		if (!media.equalsIgnoreCase(PROBLEM_JSON)) {
			violations.add(exchange + ": a refusal as '" + contentType + "', not " + PROBLEM_JSON);
			return;
		}
		validateJson(exchange, PROBLEM_JSON, PROBLEM_SCHEMA, body, violations);
	}

	/**
	 * Fails (AssertionError) when the exchange breaks the document; exchanges outside the JSON API
	 * ({@code /api}) are not its business and pass.
	 */
	public void assertConforms(String method, String pathAndQuery, int status, String contentType, String body) {
		String path = pathOnly(pathAndQuery);
		if (!path.startsWith("/api/") && !path.equals("/api")) {
			return;
		}
		List<String> violations = violations(method, pathAndQuery, status, contentType, body);
		if (!violations.isEmpty()) {
			throw new AssertionError("The answer breaks the OpenAPI document:\n  " + String.join("\n  ", violations));
		}
	}

	// ---------------------------------------------------------------- requests

	/**
	 * What the document does not allow in this request: its path and query parameters and its body (a null
	 * {@code body} sends none). An empty list when a server keeping to the document must accept the request as
	 * far as its shape goes (it may still refuse it for what it means: a conflict, a missing record).
	 */
	public List<String> requestViolations(String method, String path, String contentType, String body) {
		List<String> violations = new ArrayList<>();
		String request = method.toUpperCase(Locale.ROOT) + " " + pathOnly(path);
		Optional<Operation> found = operation(method, path);
		if (found.isEmpty()) {
			violations.add(request + ": no operation documented");
			return violations;
		}
		Operation operation = found.get();
		checkParameters(request, operation, path, violations);
		JsonNode requestBody = resolve(operation.node().path("requestBody"));
		boolean hasBody = body != null;
		if (!requestBody.isObject()) {
			if (hasBody && !body.isEmpty()) {
				violations.add(request + ": a body where the document takes none");
			}
			return violations;
		}
		if (!hasBody) {
			if (requestBody.path("required").asBoolean(false)) {
				violations.add(request + ": the request body is required");
			}
			return violations;
		}
		JsonNode content = requestBody.path("content");
		Optional<String> mediaKey = mediaKey(content, contentType);
		if (mediaKey.isEmpty()) {
			violations.add(request + ": content type '" + contentType + "' not accepted (documented: "
					+ names(content) + ")");
			return violations;
		}
		String pointer = (requestBody != operation.node().path("requestBody")
				? operation.node().path("requestBody").path("$ref").asString().substring(1)
				: operation.pointer() + "/requestBody") + "/content/" + escape(mediaKey.get()) + "/schema";
		validateBody(request, mediaKey.get(), content.path(mediaKey.get()), pointer, body, violations);
		return violations;
	}

	/** Whether a JSON value conforms to a schema of the document, e.g. {@code /components/schemas/Problem}. */
	public List<String> validate(String schemaPointer, JsonNode value) {
		return schema(schemaPointer).validate(value).stream().map(ApiContract::describe).toList();
	}

	private void checkParameters(String request, Operation operation, String path, List<String> violations) {
		Map<String, String> query = query(path);
		for (JsonNode declared : operation.node().path("parameters")) {
			JsonNode parameter = resolve(declared);
			String name = parameter.path("name").asString();
			String in = parameter.path("in").asString();
			String value = switch (in) {
				case "path" -> operation.pathValues().get(name);
				case "query" -> query.get(name);
				default -> null;
			};
			if (!in.equals("path") && !in.equals("query")) {
				continue;
			}
			if (value == null) {
				if (parameter.path("required").asBoolean(false)) {
					violations.add(request + ": required " + in + " parameter '" + name + "' missing");
				}
				continue;
			}
			JsonNode schemaNode = resolve(parameter.path("schema"));
			JsonNode typed = typed(value, schemaNode);
			if (typed.isIntegralNumber() && !withinFormat(typed.bigIntegerValue(), schemaNode.path("format").asString(""))) {
				// The validator reads int32 and int64 as annotations only; OpenAPI means them as ranges.
				violations.add(request + ": " + in + " parameter '" + name + "'=" + value + ": beyond "
						+ schemaNode.path("format").asString());
				continue;
			}
			for (Error error : schema(pointerOf(operation, declared, parameter)).validate(typed)) {
				violations.add(request + ": " + in + " parameter '" + name + "'=" + value + ": " + describe(error));
			}
		}
	}

	private String pointerOf(Operation operation, JsonNode declared, JsonNode parameter) {
		if (declared.has("$ref")) {
			return declared.path("$ref").asString().substring(1) + "/schema";
		}
		int index = 0;
		for (JsonNode candidate : operation.node().path("parameters")) {
			if (candidate == parameter) {
				break;
			}
			index++;
		}
		return operation.pointer() + "/parameters/" + index + "/schema";
	}

	private static boolean withinFormat(java.math.BigInteger value, String format) {
		return switch (format) {
			case "int32" -> value.bitLength() < 32;
			case "int64" -> value.bitLength() < 64;
			default -> true;
		};
	}

	/** The types a schema names: its {@code type}, one or a list ({@code "null"} included). */
	public static List<String> types(JsonNode schema) {
		List<String> types = new ArrayList<>();
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			type.forEach(t -> types.add(t.asString()));
		}
		else if (type.isString()) {
			types.add(type.asString());
		}
		return types;
	}

	/** A parameter's text as the JSON value its schema describes; text that is no such value stays text. */
	private static JsonNode typed(String value, JsonNode schema) {
		List<String> types = types(schema);
		if (types.contains("integer") && value.matches("-?(0|[1-9][0-9]*)")) {
			return JsonNodeFactory.instance.numberNode(new java.math.BigInteger(value));
		}
		if (types.contains("number") && value.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
			return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value));
		}
		if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
			return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
		}
		return JsonNodeFactory.instance.stringNode(value);
	}

	// ---------------------------------------------------------------- bodies

	private void validateBody(String exchange, String mediaKey, JsonNode media, String schemaPointer, String body,
			List<String> violations) {
		if (media.has("schema") && isJson(mediaKey)) {
			validateJson(exchange, mediaKey, schemaPointer, body, violations);
		}
	}

	private void validateJson(String exchange, String mediaKey, String schemaPointer, String body,
			List<String> violations) {
		JsonNode value;
		try {
			value = JSON.readTree(body == null ? "" : body);
		}
		catch (JacksonException ex) {
			violations.add(exchange + ": body is not JSON (" + ex.getOriginalMessage() + "): " + abbreviate(body));
			return;
		}
		if (value == null || value.isMissingNode()) {
			violations.add(exchange + ": empty body where " + mediaKey + " is documented");
			return;
		}
		for (Error error : schema(schemaPointer).validate(value)) {
			violations.add(exchange + ": " + describe(error) + " in " + abbreviate(body));
		}
	}

	private Schema schema(String pointer) {
		return this.schemas.computeIfAbsent(pointer,
				key -> this.registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + key)));
	}

	private static String describe(Error error) {
		return error.toString();
	}

	private static boolean isJson(String mediaType) {
		String type = mediaType.toLowerCase(Locale.ROOT);
		return type.equals("application/json") || type.endsWith("+json") || type.equals("*/*");
	}

	/** The documented media type an actual Content-Type matches: exact first, then {@code type/*}, then {@code * /*}. */
	private static Optional<String> mediaKey(JsonNode content, String contentType) {
		String actual = (contentType == null ? "" : contentType).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		List<String> keys = names(content);
		for (String key : keys) {
			if (key.toLowerCase(Locale.ROOT).equals(actual)) {
				return Optional.of(key);
			}
		}
		for (String key : keys) {
			if (key.endsWith("/*") && !key.equals("*/*") && actual.startsWith(key.substring(0, key.length() - 1))) {
				return Optional.of(key);
			}
		}
		return keys.contains("*/*") ? Optional.of("*/*") : Optional.empty();
	}

	/** A {@code $ref}'d object (response, parameter, request body) as what it points to. */
	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		for (int i = 0; i < 10 && current.has("$ref"); i++) {
			current = this.document.at(current.path("$ref").asString().substring(1));
		}
		return current;
	}

	// ---------------------------------------------------------------- paths

	private record PathTemplate(String template, Pattern pattern, List<String> names) {

		static PathTemplate of(String template) {
			Matcher matcher = TEMPLATE_VARIABLE.matcher(template);
			StringBuilder regex = new StringBuilder();
			List<String> names = new ArrayList<>();
			int last = 0;
			while (matcher.find()) {
				regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([^/]+)");
				names.add(matcher.group(1));
				last = matcher.end();
			}
			regex.append(Pattern.quote(template.substring(last)));
			return new PathTemplate(template, Pattern.compile(regex.toString()), List.copyOf(names));
		}

		int variables() {
			return this.names.size();
		}

		Optional<Map<String, String>> match(String path) {
			Matcher matcher = this.pattern.matcher(path);
			if (!matcher.matches()) {
				return Optional.empty();
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < this.names.size(); i++) {
				values.put(this.names.get(i), decode(matcher.group(i + 1)));
			}
			return Optional.of(values);
		}

	}

	private static String pathOnly(String pathAndQuery) {
		int query = pathAndQuery.indexOf('?');
		return (query < 0) ? pathAndQuery : pathAndQuery.substring(0, query);
	}

	/** The query's parameters, decoded; of a repeated name the first. */
	private static Map<String, String> query(String pathAndQuery) {
		Map<String, String> values = new LinkedHashMap<>();
		int start = pathAndQuery.indexOf('?');
		if (start < 0) {
			return values;
		}
		for (String pair : pathAndQuery.substring(start + 1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			String[] nameAndValue = pair.split("=", 2);
			values.putIfAbsent(decode(nameAndValue[0]), (nameAndValue.length > 1) ? decode(nameAndValue[1]) : "");
		}
		return values;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	/** A JSON pointer token (RFC 6901). */
	static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = object.propertyNames().iterator(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}

	private static String abbreviate(String body) {
		if (body == null) {
			return "<none>";
		}
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

}
