package com.promotracking.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.ApiContract;
import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document against the running application: every {@code /api} mapping in it, every example
 * valid, OpenAPI 3.1 with both security schemes, and the document and Swagger UI open to anyone without a session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	private Http http() {
		return Http.on(this.port, this.json);
	}

	private ApiContract contract() {
		return ApiContract.servedBy(http());
	}

	@Test
	void everyApiMappingOfTheApplicationIsADocumentedOperation() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || pattern.equals("/api")) {
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						mapped.add(method.name() + " " + pattern);
					}
					assertThat(info.getMethodsCondition().getMethods()).as("methods of %s", pattern).isNotEmpty();
				}
			}
		}
		Set<String> documented = new TreeSet<>();
		contract().operations()
			.forEach(operation -> documented.add(operation.method().toUpperCase() + " " + operation.template()));
		assertThat(mapped).as("the application's /api mappings").hasSizeGreaterThanOrEqualTo(30);
		assertThat(documented).containsAll(mapped);
		assertThat(documented).as("documented but not mapped").isSubsetOf(mapped);
	}

	@Test
	void theDocumentIsOpenApi31WithBasicAndBearerSecurity() {
		JsonNode document = contract().document();
		assertThat(document.path("openapi").asString()).startsWith("3.1.");
		JsonNode schemes = document.at("/components/securitySchemes");
		assertThat(schemes.at("/basicAuth/type").asString()).isEqualTo("http");
		assertThat(schemes.at("/basicAuth/scheme").asString()).isEqualTo("basic");
		assertThat(schemes.at("/apiKey/type").asString()).isEqualTo("http");
		assertThat(schemes.at("/apiKey/scheme").asString()).isEqualTo("bearer");
		// Keys only where SecurityConfig lets them in; a login everywhere.
		Map<String, List<String>> expectedKeyOperations = Map.of("/api/programs/{programId}/conversions",
				List.of("get", "post"), "/api/programs/{programId}/conversions/batch", List.of("post"),
				"/api/programs/{programId}/conversions/{conversionId}", List.of("get"),
				"/api/programs/{programId}/reports/promo-codes", List.of("get"));
		for (ApiContract.Operation operation : contract().operations()) {
			String security = operation.node().path("security").toString();
			assertThat(security).as("security of %s", operation.pointer()).contains("basicAuth");
			boolean key = expectedKeyOperations.getOrDefault(operation.template(), List.of())
				.contains(operation.method());
			assertThat(security.contains("apiKey")).as("API key on %s", operation.pointer()).isEqualTo(key);
		}
	}

	@Test
	void everyOperationDocumentsItsProblemsAsProblemJson() {
		for (ApiContract.Operation operation : contract().operations()) {
			JsonNode responses = operation.node().path("responses");
			for (String status : List.of("400", "401", "403", "404", "406")) {
				assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
					.as("%s %s", operation.pointer(), status)
					.isEqualTo("#/components/schemas/Problem");
			}
			if (operation.node().has("requestBody")) {
				assertThat(responses.has("415")).as("415 of %s", operation.pointer()).isTrue();
				assertThat(responses.has("413")).as("413 of %s", operation.pointer()).isTrue();
			}
			responses.properties().forEach(response -> {
				if (response.getKey().startsWith("2")) {
					assertThat(response.getValue().path("content").has("*/*"))
						.as("media type of %s %s", operation.pointer(), response.getKey())
						.isFalse();
				}
			});
		}
	}

	@Test
	void everyDocumentedExampleValidatesAgainstItsSchema() {
		List<String> checked = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		JsonNode document = contract().document();
		document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			String pointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
			examplesOf(op.getValue().path("requestBody").path("content"), pointer + "/requestBody/content",
					checked, violations);
			op.getValue().path("responses").properties().forEach(response -> examplesOf(
					response.getValue().path("content"),
					pointer + "/responses/" + escape(response.getKey()) + "/content", checked, violations));
		}));
		document.at("/components/schemas").properties().forEach(schema -> {
			JsonNode examples = schema.getValue().path("examples");
			for (int i = 0; i < examples.size(); i++) {
				checked.add("/components/schemas/" + schema.getKey());
				violations.addAll(contract().validate("/components/schemas/" + escape(schema.getKey()),
						examples.get(i)));
			}
		});
		assertThat(violations).isEmpty();
		// The main request bodies come with an example: conversion, batch, settings, promo code, event type,
		// promo code request.
		assertThat(checked).as("examples checked").hasSizeGreaterThanOrEqualTo(6);
	}

	private void examplesOf(JsonNode content, String pointer, List<String> checked, List<String> violations) {
		content.properties().forEach(media -> {
			String schema = pointer + "/" + escape(media.getKey()) + "/schema";
			JsonNode example = media.getValue().path("example");
			if (!example.isMissingNode()) {
				checked.add(schema);
				violations.addAll(contract().validate(schema, example));
			}
			media.getValue().path("examples").properties().forEach(named -> {
				checked.add(schema + " " + named.getKey());
				violations.addAll(contract().validate(schema, named.getValue().path("value")));
			});
		});
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	/** What the fuzz test found the document did not say, and the API refuses. */
	@Test
	void theDocumentSaysWhatTheApiRefusesBeyondTypes() {
		ApiContract contract = contract();
		String json = "application/json";
		assertThat(contract.requestViolations("POST", "/api/programs/1/promo-code-requests/1/decision", json,
				"{\"decision\": \"reject\"}")).as("a rejection without a comment").isNotEmpty();
		assertThat(contract.requestViolations("POST", "/api/programs/1/promo-code-requests/1/decision", json,
				"{\"decision\": \"approve\"}")).as("an approval without a comment").isEmpty();
		assertThat(contract.requestViolations("PUT", "/api/programs/1/promo-code-settings", json,
				"{\"promoCodeTrackingEnabled\": null, \"partnerPromoCodeRequestsAllowed\": false}"))
			.as("a setting sent as null")
			.isNotEmpty();
		assertThat(contract.requestViolations("POST", "/api/programs/1/promo-code-requests", json,
				"{\"suggestedCodes\": []}")).as("a request without codes").isNotEmpty();
		assertThat(contract.requestViolations("POST", "/api/programs/1/promo-codes", json,
				"{\"partnerId\": 1, \"code\": \"X1\", \"startsAt\": \"soon\"}")).as("a start that is no date")
			.isNotEmpty();
		assertThat(contract.requestViolations("POST", "/api/programs/1/promo-codes", json,
				"{\"partnerId\": 1, \"code\": \"X1\", \"startsAt\": \"2026-06-01\", \"endsAt\": \"2026-08-31T23:59\"}"))
			.as("a day and a wall-clock time")
			.isEmpty();
		assertThat(contract.requestViolations("POST", "/api/programs/1/event-types/1/test-actions", json,
				"{\"orderId\": \"T1\", \"amount\": 1, \"currency\": \"usd\"}")).as("a currency in lower case")
			.isNotEmpty();
		assertThat(contract.requestViolations("GET", "/api/programs/1/conversions?size=0", null, null))
			.as("an empty page")
			.isNotEmpty();
		assertThat(contract.requestViolations("GET", "/api/programs/1/conversions?from=1999-12-31T00:00:00Z", null,
				null)).as("a date before the supported years").isNotEmpty();
		assertThat(contract.document().at("/components/schemas/TestActionResponse/properties/payload/type").isMissingNode())
			.as("a test action's payload is any JSON value")
			.isTrue();
	}

	@Test
	void theDocumentAndSwaggerUiAreOpenWithoutLoginAndWriteNoSession() {
		int sessionsBefore = sessions();
		Http http = http();
		for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
			Response reply = http.get(http.anonymous(), path);
			assertThat(reply.status()).as(path).isEqualTo(200);
			assertThat(reply.headers().allValues("Set-Cookie")).as("cookies of %s", path).isEmpty();
			assertThat(reply.header("Content-Security-Policy")).as("CSP of %s", path).isPresent();
		}
		assertThat(http.get(http.anonymous(), "/swagger-ui/index.html").body()).contains("swagger-ui");
		assertThat(sessions()).isEqualTo(sessionsBefore);
	}

	@Test
	void everyReferenceOfTheDocumentResolves() {
		List<String> unresolved = new ArrayList<>();
		JsonNode document = contract().document();
		references(document, document, unresolved);
		assertThat(unresolved).isEmpty();
	}

	private static void references(JsonNode document, JsonNode node, List<String> unresolved) {
		if (node.isObject() && node.path("$ref").isString()) {
			String ref = node.path("$ref").asString();
			if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
				unresolved.add(ref);
			}
		}
		node.forEach(child -> references(document, child, unresolved));
	}

	@Test
	void theDocumentDescribesTheApiOnly() {
		assertThat(contract().document().path("paths").propertyNames()).isNotEmpty()
			.allSatisfy(path -> assertThat(path).startsWith("/api/"));
	}

	private int sessions() {
		Integer count = this.jdbc.queryForObject("select count(*) from SPRING_SESSION", Integer.class);
		return (count != null) ? count : 0;
	}

}
