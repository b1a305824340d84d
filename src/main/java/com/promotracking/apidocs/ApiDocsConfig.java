package com.promotracking.apidocs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import com.promotracking.kernel.ApiValues;
import com.promotracking.kernel.ProblemTypes;
import com.promotracking.users.CurrentUser;

/**
 * What springdoc cannot read from the controllers, added in one place: the security schemes and which
 * operations take an API key, every problem response (RFC 9457, {@code application/problem+json}) with its
 * problem types, operation ids a client generator can use, and JSON as what every operation answers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

	static final String BASIC = "basicAuth";

	static final String BEARER = "apiKey";

	static final String PROBLEM = "Problem";

	/** Examples are read as the JSON they are, so the document shows them as JSON, not as text. */
	private static final com.fasterxml.jackson.databind.ObjectMapper EXAMPLE_READER = io.swagger.v3.core.util.Json
		.mapper();

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String JSON = "application/json";

	/** The years {@code kernel.SupportedDates} takes, as the start of a date's text. */
	static final String SUPPORTED_YEARS = "^2[0-9]{3}-";

	static {
		// The signed-in user is resolved from the security context, not sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	/**
	 * The operations a brand's API key may call (as SecurityConfig's API chain opens them); every other one takes
	 * a person's login only. Keys are "METHOD path template".
	 */
	static final List<String> KEY_OPERATIONS = List.of("POST /api/programs/{programId}/conversions",
			"POST /api/programs/{programId}/conversions/batch", "GET /api/programs/{programId}/conversions",
			"GET /api/programs/{programId}/conversions/{conversionId}",
			"GET /api/programs/{programId}/reports/promo-codes");

	/**
	 * Successes other than springdoc's guess of 200 (a controller answering a ResponseEntity can say any
	 * status): 201 with a Location for what is created, 204 for what is deleted; a conversion sent again (same
	 * order id, same content) is answered 200 with the stored one.
	 */
	static final Map<String, List<Integer>> SUCCESSES = Map.ofEntries(
			Map.entry("POST /api/api-keys", List.of(201)),
			Map.entry("DELETE /api/api-keys/{keyId}", List.of(204)),
			Map.entry("POST /api/programs/{programId}/conversions", List.of(201, 200)),
			Map.entry("POST /api/programs/{programId}/promo-codes", List.of(201)),
			Map.entry("POST /api/programs/{programId}/event-types", List.of(201)),
			Map.entry("DELETE /api/programs/{programId}/event-types/{eventTypeId}", List.of(204)),
			Map.entry("POST /api/programs/{programId}/event-types/{eventTypeId}/test-actions", List.of(201)),
			Map.entry("DELETE /api/programs/{programId}/test-actions/{testActionId}", List.of(204)),
			Map.entry("POST /api/programs/{programId}/promo-code-requests", List.of(201)),
			Map.entry("POST /api/programs/{programId}/promo-code-imports", List.of(201)));

	/** Refusals particular to one operation, by status, with their problem types (beyond the common ones). */
	static final Map<String, Map<Integer, List<String>>> REFUSALS = Map.ofEntries(
			Map.entry("POST /api/programs/{programId}/conversions",
					Map.of(409, List.of("order-id-conflict"), 422, List.of("event-type-not-active"))),
			Map.entry("POST /api/programs/{programId}/conversions/batch",
					Map.of(409, List.of("order-id-conflict"), 422, List.of("event-type-not-active"))),
			Map.entry("PUT /api/programs/{programId}/promo-code-settings",
					Map.of(412, List.of("settings-changed"), 422,
							List.of("promo-code-not-validated", "partner-requests-require-tracking"))),
			Map.entry("DELETE /api/api-keys/{keyId}", Map.of(409, List.of("api-key-already-revoked"))),
			Map.entry("POST /api/programs/{programId}/promo-codes",
					Map.of(409, List.of("duplicate-promo-code", "promo-code-tracking-disabled"))),
			Map.entry("POST /api/programs/{programId}/promo-codes/{codeId}/deactivation",
					Map.of(409, List.of("already-deactivated"))),
			Map.entry("POST /api/programs/{programId}/event-types", Map.of(409, List.of("duplicate-event-type"))),
			Map.entry("POST /api/programs/{programId}/event-types/{eventTypeId}/test-actions",
					Map.of(409, List.of("duplicate-order-id"))),
			Map.entry("POST /api/programs/{programId}/test-actions/{testActionId}/review",
					Map.of(409, List.of("already-reviewed"))),
			Map.entry("POST /api/programs/{programId}/test-actions/{testActionId}/withdrawal",
					Map.of(409, List.of("not-approved"))),
			Map.entry("POST /api/programs/{programId}/promo-code-requests",
					Map.of(409, List.of("partner-requests-disabled"))),
			Map.entry("POST /api/programs/{programId}/promo-code-requests/{requestId}/decision",
					// Approving creates the code: refused like creating it.
					Map.of(409, List.of("request-already-decided", "duplicate-promo-code",
							"promo-code-tracking-disabled"))),
			Map.entry("POST /api/programs/{programId}/promo-code-requests/{requestId}/completion",
					Map.of(409, List.of("request-not-decided"))),
			Map.entry("POST /api/programs/{programId}/promo-code-imports",
					Map.of(400, List.of("invalid-csv-file"), 409, List.of("promo-code-tracking-disabled"))),
			Map.entry("POST /api/programs/{programId}/promo-code-imports/{importId}/acceptance",
					Map.of(409, List.of("import-stale", "import-already-accepted", "promo-code-tracking-disabled"), 410,
							List.of("import-expired"), 422, List.of("import-has-errors"))),
			Map.entry("GET /api/console/programs", Map.of(403, List.of("console-not-available"))),
			Map.entry("POST /api/console/promo-code-tracking", Map.of(403, List.of("console-not-available"), 422,
					List.of("partner-requests-require-tracking"))));

	private static final String CONVERSION = "{\"orderId\": \"ORD-1001\", \"eventTypeId\": 1, "
			+ "\"occurredAt\": \"2026-05-01T12:00:00Z\", \"amount\": \"59.90\", \"currency\": \"USD\", "
			+ "\"promoCode\": \"SUMMER10\", \"clicks\": [{\"partnerId\": 1, \"at\": \"2026-04-30T18:00:00Z\"}]}";

	/** An example of each request body, shown by Swagger UI and checked against its schema by the build. */
	static final Map<String, String> EXAMPLES = Map.ofEntries(
			Map.entry("POST /api/programs/{programId}/conversions", CONVERSION),
			Map.entry("POST /api/programs/{programId}/conversions/batch", "{\"conversions\": [" + CONVERSION
					+ ", {\"orderId\": \"ORD-1002\", \"eventTypeId\": 1, \"amount\": 12.5, \"currency\": \"EUR\"}]}"),
			Map.entry("PUT /api/programs/{programId}/promo-code-settings",
					"{\"promoCodeTrackingEnabled\": true, \"partnerPromoCodeRequestsAllowed\": false}"),
			Map.entry("POST /api/programs/{programId}/promo-codes", "{\"partnerId\": 1, \"code\": \"SUMMER10\", "
					+ "\"startsAt\": \"2026-06-01\", \"endsAt\": \"2026-08-31T23:59:59\", "
					+ "\"timeZone\": \"America/New_York\", \"creditPolicy\": \"always\", \"matchType\": \"exact\"}"),
			Map.entry("POST /api/programs/{programId}/event-types", "{\"name\": \"Online Sale\", \"kind\": \"sale\"}"),
			Map.entry("POST /api/programs/{programId}/event-types/{eventTypeId}/test-actions",
					"{\"orderId\": \"TEST-1\", \"amount\": 10.00, \"currency\": \"USD\", \"promoCode\": \"SUMMER10\"}"),
			Map.entry("POST /api/programs/{programId}/test-actions/{testActionId}/review",
					"{\"decision\": \"approve\", \"comment\": \"The code came through.\"}"),
			Map.entry("POST /api/programs/{programId}/test-actions/{testActionId}/withdrawal",
					"{\"comment\": \"Approved by mistake.\"}"),
			Map.entry("POST /api/programs/{programId}/promo-code-requests", "{\"suggestedCodes\": [\"TRAIL15\"], "
					+ "\"dateNeeded\": \"2026-07-01\", \"instructions\": \"For our summer newsletter.\"}"),
			Map.entry("POST /api/programs/{programId}/promo-code-requests/{requestId}/decision",
					"{\"decision\": \"approve\", \"approvedCode\": \"TRAIL15\", \"comment\": \"Enjoy.\"}"),
			Map.entry("POST /api/api-keys", "{\"name\": \"Checkout server\", \"brandId\": 1}"),
			Map.entry("POST /api/console/promo-code-tracking",
					"{\"programIds\": [1, 2], \"promoCodeTrackingEnabled\": true, \"partnerPromoCodeRequestsAllowed\": false}"));

	@Bean
	OpenAPI apiDocument() {
		// Relative to where the document was read: right behind a proxy as well.
		return new OpenAPI().servers(List.of(new Server().url("/")))
			.info(new Info().title("Promo code tracking API")
			.version("1")
			.description("The JSON API of promo code tracking. Every call takes HTTP Basic with a user's login; "
					+ "conversion intake, conversion reads and the promo code report also take a brand's API key "
					+ "(Authorization: Bearer). Every error is an RFC 9457 problem (application/problem+json) "
					+ "whose type ends in a stable problem type, e.g. " + ProblemTypes.BASE + "invalid-request."))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A user's login (username and password)."))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A brand's API key, created with POST /api/api-keys.")));
	}

	/** Required and nullable properties of our records, from their nullness (springdoc runs it over every model). */
	@Bean
	ModelConverter recordNullness() {
		return new RecordNullness();
	}

	/** Operation ids from the controller and method, e.g. {@code conversionRecord}: stable names for clients. */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> {
			String controller = handler.getBeanType().getSimpleName().replace("ApiController", "");
			operation.setOperationId(StringUtils.uncapitalize(controller)
					+ StringUtils.capitalize(handler.getMethod().getName()));
			// Grouped by feature, named from the controller: "PromoCodeSettings" is "Promo code settings".
			String words = controller.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
			operation.setTags(List.of(StringUtils.capitalize(words.replace("api key", "API key"))));
			return operation;
		};
	}

	@Bean
	GlobalOpenApiCustomizer problemsAndSecurity() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			// Here rather than on the OpenAPI bean: springdoc sets the components' schemas to those it found.
			api.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas("FieldError", fieldErrorSchema());
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String key = method.name() + " " + path;
				jsonOnly(operation);
				successes(operation, SUCCESSES.getOrDefault(key, List.of(200)));
				if (path.endsWith("/promo-code-settings")) {
					etag(operation);
				}
				positiveIds(operation);
				operation.setSecurity(KEY_OPERATIONS.contains(key)
						? List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER))
						: List.of(new SecurityRequirement().addList(BASIC)));
				problems(operation, REFUSALS.getOrDefault(key, Map.of()));
				example(operation, EXAMPLES.get(key));
				if (operation.getParameters() != null) {
					operation.getParameters().forEach(parameter -> supportedDates(parameter.getSchema()));
				}
			}));
			api.getComponents().getSchemas().values().forEach(ApiDocsConfig::supportedDates);
			rejectionsNeedAComment(api.getComponents().getSchemas().get("DecideRequest"));
		};
	}

	/** A rule between fields, said in JSON Schema: a partner's request is rejected with a comment. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void rejectionsNeedAComment(@Nullable Schema decision) {
		if (decision == null) {
			return;
		}
		Schema reject = new Schema();
		reject.setEnum(new ArrayList<>(List.of("reject")));
		Schema rejecting = new Schema().properties(Map.of("decision", reject));
		rejecting.setRequired(List.of("decision"));
		Schema text = new Schema().minLength(1).pattern("\\S");
		text.setTypes(new java.util.LinkedHashSet<>(List.of("string")));
		Schema commented = new Schema().properties(Map.of("comment", text));
		commented.setRequired(List.of("comment"));
		decision.setIf(rejecting);
		decision.setThen(commented);
	}

	/**
	 * Every date the API reads or writes is within the years 2000 to 2999 ({@code kernel.SupportedDates}), so that
	 * it is written back in RFC 3339: said by a pattern on each {@code date} and {@code date-time}, as formats
	 * alone allow any year.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void supportedDates(@Nullable Schema schema) {
		if (schema == null) {
			return;
		}
		if (("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) && schema.getPattern() == null) {
			schema.setPattern(SUPPORTED_YEARS);
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach(ApiDocsConfig::supportedDates);
		}
		supportedDates(schema.getItems());
	}

	/** Springdoc writes {@code *}{@code /*} where a controller names no media type: every answer here is JSON. */
	private static void jsonOnly(Operation operation) {
		if (operation.getResponses() == null) {
			return;
		}
		operation.getResponses().values().forEach(response -> {
			Content content = response.getContent();
			if (content != null && content.containsKey("*/*")) {
				MediaType media = content.remove("*/*");
				content.addMediaType(JSON, media);
			}
		});
	}

	private static void example(Operation operation, @Nullable String example) {
		if (example == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		MediaType json = operation.getRequestBody().getContent().get(JSON);
		if (json != null) {
			try {
				json.setExample(EXAMPLE_READER.readTree(example));
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException("An example that is no JSON: " + example, ex);
			}
		}
	}

	private static void successes(Operation operation, List<Integer> statuses) {
		ApiResponses responses = operation.getResponses();
		if (statuses.equals(List.of(200)) || responses == null || !responses.containsKey("200")) {
			return;
		}
		ApiResponse guessed = responses.remove("200");
		for (Integer status : statuses) {
			ApiResponse response = new ApiResponse();
			switch (status) {
				case 201 -> response.description("Created.")
					.content(guessed.getContent())
					.addHeaderObject("Location", new Header().description("The address of what was created.")
						.schema(new StringSchema().format("uri-reference")));
				case 204 -> response.description("Deleted.");
				default -> response.description("Already recorded: the stored one.").content(guessed.getContent());
			}
			responses.addApiResponse(Integer.toString(status), response);
		}
	}

	/** The settings' version as a strong ETag; a PUT may send it back as If-Match. */
	private static void etag(Operation operation) {
		ApiResponse ok = operation.getResponses().get("200");
		if (ok != null) {
			ok.addHeaderObject("ETag", new Header().description("The settings' version, e.g. \"3\".")
				.schema(new StringSchema().pattern("^\"(0|[1-9][0-9]*)\"$")));
		}
	}

	/** Ids in paths are positive integers (CONTRACT.md). */
	private static void positiveIds(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			if ("path".equals(parameter.getIn()) && parameter.getSchema() != null
					&& "int64".equals(parameter.getSchema().getFormat())) {
				parameter.getSchema().setMinimum(java.math.BigDecimal.ONE);
			}
		}
	}

	/**
	 * The problems every operation can answer, and its own: 400 for a malformed request, 401 without valid
	 * credentials, 403 when the caller may not do this, 404 for an id the caller may not see, 406 when the
	 * client accepts no JSON, 503 (with Retry-After) while the database cannot be reached; with a body also 413
	 * and 415.
	 */
	private static void problems(Operation operation, Map<Integer, List<String>> own) {
		Map<Integer, List<String>> all = new TreeMap<>();
		all.put(400, List.of("invalid-request", "bad-request"));
		all.put(401, List.of("unauthorized", "login-locked"));
		all.put(403, List.of("forbidden"));
		all.put(404, List.of("not-found"));
		all.put(406, List.of("not-acceptable"));
		all.put(503, List.of("service-unavailable"));
		if (operation.getRequestBody() != null) {
			all.put(413, List.of("payload-too-large", "content-too-large"));
			all.put(415, List.of("unsupported-media-type"));
		}
		own.forEach((status, types) -> all.merge(status, types, (a, b) -> {
			List<String> merged = new ArrayList<>(a);
			merged.addAll(b);
			return merged;
		}));
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		all.forEach((status, types) -> {
			ApiResponse response = new ApiResponse().description(describe(status, types))
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			if (status == 503) {
				response.addHeaderObject("Retry-After",
						new Header().description("Seconds to wait before trying again.").schema(new IntegerSchema()));
			}
			responses.addApiResponse(Integer.toString(status), response);
		});
		operation.setResponses(responses);
	}

	private static String describe(int status, List<String> types) {
		String name = org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase();
		return name + ". Problem type" + ((types.size() > 1) ? "s: " : ": ")
				+ String.join(", ", types.stream().map(type -> "`" + type + "`").toList()) + ".";
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri")
			.description("The problem type: " + ProblemTypes.BASE + "<problem type>, e.g. "
					+ ProblemTypes.BASE + "not-found."));
		properties.put("title", new StringSchema().description("A short, translated summary of the problem type."));
		properties.put("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
			.maximum(java.math.BigDecimal.valueOf(599)));
		properties.put("detail", new StringSchema().description("What went wrong here, translated."));
		properties.put("instance", new StringSchema().format("uri-reference")
			.description("The path of the request."));
		properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
			.description("The fields refused, each with why (400 invalid-request; an import's rows: "
					+ "import-has-errors, import-stale)."));
		ObjectSchema schema = new ObjectSchema();
		schema.setProperties(properties);
		schema.setRequired(List.of("type", "title", "status"));
		schema.setDescription("An RFC 9457 problem detail.");
		return schema;
	}

	private static Schema<?> fieldErrorSchema() {
		ObjectSchema schema = new ObjectSchema();
		schema.addProperty("field", new StringSchema().description("The JSON property or parameter refused."));
		schema.addProperty("message", new StringSchema().description("Why, translated."));
		schema.addProperty("line", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(2))
			.description("The line of the CSV file the field is on (an import's refusals)."));
		schema.setRequired(List.of("field", "message"));
		return schema;
	}

	/** Query parameters marked {@link ApiValues}: the enum's values. */
	@Bean
	ParameterCustomizer enumeratedParameters() {
		return (parameter, method) -> {
			ApiValues values = method.getParameterAnnotation(ApiValues.class);
			if (values != null && parameter != null && parameter.getSchema() != null) {
				List<String> allowed = new ArrayList<>(valuesOf(values.value()));
				if (values.descending()) {
					allowed.addAll(valuesOf(values.value()).stream().map(value -> "-" + value).toList());
				}
				parameter.getSchema().setEnum(allowed);
			}
			return parameter;
		};
	}

	/** Each constant as the API spells it: its {@code value()}, the convention of every enum the API shows. */
	static List<String> valuesOf(Class<? extends Enum<?>> type) {
		try {
			Method value = type.getDeclaredMethod("value");
			value.setAccessible(true);
			List<String> values = new ArrayList<>();
			for (Enum<?> constant : type.getEnumConstants()) {
				values.add((String) value.invoke(constant));
			}
			return values;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type + " has no value() giving each constant's text", ex);
		}
	}

}
