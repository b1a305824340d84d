package com.promotracking.support;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract checker on a small hand-written document: it finds what breaks it and passes what keeps it. */
class ApiContractTest {

	private static final String DOCUMENT = """
			{
			  "openapi": "3.1.0",
			  "info": {"title": "t", "version": "1"},
			  "paths": {
			    "/api/programs/{programId}/things/{id}": {
			      "get": {
			        "operationId": "getThing",
			        "parameters": [
			          {"name": "programId", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64", "minimum": 1}},
			          {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64", "minimum": 1}}
			        ],
			        "responses": {
			          "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
			          "404": {"$ref": "#/components/responses/Problem"}
			        }
			      }
			    },
			    "/api/programs/{programId}/things/batch": {
			      "post": {
			        "operationId": "postBatch",
			        "parameters": [
			          {"name": "programId", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}},
			          {"name": "dryRun", "in": "query", "schema": {"type": "boolean"}}
			        ],
			        "requestBody": {"required": true, "content": {"application/json": {"schema": {
			          "type": "array", "items": {"$ref": "#/components/schemas/NewThing"}}}}},
			        "responses": {
			          "204": {"description": "done"},
			          "default": {"$ref": "#/components/responses/Problem"}
			        }
			      }
			    }
			  },
			  "components": {
			    "responses": {
			      "Problem": {"description": "problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
			    },
			    "schemas": {
			      "Thing": {"type": "object", "required": ["id", "name", "at", "kind"], "additionalProperties": false,
			        "properties": {"id": {"type": "integer", "format": "int64"}, "name": {"type": "string"},
			          "at": {"type": "string", "format": "date-time"}, "kind": {"type": "string", "enum": ["A", "B"]},
			          "note": {"type": ["string", "null"]}}},
			      "NewThing": {"type": "object", "required": ["name"], "additionalProperties": false,
			        "properties": {"name": {"type": "string", "minLength": 1}}},
			      "Problem": {"type": "object", "required": ["type", "status"],
			        "properties": {"type": {"type": "string", "format": "uri-reference"}, "status": {"type": "integer"}}}
			    }
			  }
			}
			""";

	private static final String THING = """
			{"id": 4, "name": "n", "at": "2026-01-02T03:04:05Z", "kind": "A", "note": null}""";

	private final ApiContract contract = ApiContract.fromJson(DOCUMENT);

	@Test
	void aConformingExchangeHasNoViolation() {
		assertThat(this.contract.violations("GET", "/api/programs/3/things/4?x=1", 200, "application/json", THING))
			.isEmpty();
		assertThat(this.contract.violations("GET", "/api/programs/3/things/4", 404,
				"application/problem+json;charset=UTF-8", "{\"type\": \"about:blank\", \"status\": 404}"))
			.isEmpty();
		assertThat(this.contract.violations("POST", "/api/programs/3/things/batch", 204, "", "")).isEmpty();
	}

	@Test
	void aLiteralSegmentWinsOverAPathVariable() {
		assertThat(this.contract.operation("POST", "/api/programs/3/things/batch").orElseThrow().operationId())
			.isEqualTo("postBatch");
		assertThat(this.contract.operation("GET", "/api/programs/3/things/9").orElseThrow().pathValues())
			.containsEntry("programId", "3")
			.containsEntry("id", "9");
	}

	@Test
	void anUndocumentedOperationStatusOrContentTypeIsAViolation() {
		assertThat(this.contract.violations("DELETE", "/api/programs/3/things/4", 204, "", ""))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("no operation documented");
		assertThat(this.contract.violations("GET", "/api/nothing", 200, "application/json", "{}")).hasSize(1);
		// Refused, an address or method the API does not have is fine, as long as the refusal is a problem.
		assertThat(this.contract.violations("GET", "/api/nothing", 404, "application/problem+json",
				"{\"type\": \"x\", \"status\": 404}"))
			.isEmpty();
		assertThat(this.contract.violations("DELETE", "/api/programs/3/things/4", 405, "text/html", "<h1>405</h1>"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("not application/problem+json");
		assertThat(this.contract.violations("DELETE", "/api/programs/3/things/4", 405, "application/problem+json",
				"{\"title\": \"no type\"}"))
			.hasSize(2);
		assertThat(this.contract.violations("GET", "/api/programs/3/things/4", 409, "application/problem+json",
				"{\"type\": \"x\", \"status\": 409}"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("status 409 not documented");
		assertThat(this.contract.violations("GET", "/api/programs/3/things/4", 200, "text/html", "<p>hi</p>"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("content type 'text/html' not documented");
		assertThat(this.contract.violations("GET", "/api/programs/3/things/4", 404, "application/json",
				"{\"type\": \"x\", \"status\": 404}"))
			.hasSize(1);
	}

	@Test
	void aBodyThatBreaksItsSchemaIsAViolation() {
		List<String> violations = this.contract.violations("GET", "/api/programs/3/things/4", 200,
				"application/json", """
						{"id": "4", "name": "n", "at": "yesterday", "kind": "C", "extra": 1}""");
		assertThat(violations).hasSize(4);
		assertThat(String.join("\n", violations)).contains("/id", "/at", "/kind", "extra");
		assertThat(this.contract.violations("GET", "/api/programs/3/things/4", 200, "application/json",
				"{\"id\": 4"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("not JSON");
		assertThat(this.contract.violations("GET", "/api/programs/3/things/4", 404, "application/problem+json",
				"{\"title\": \"no type\"}"))
			.hasSize(2);
		assertThat(this.contract.violations("POST", "/api/programs/3/things/batch", 204, "text/plain", "body"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("a body");
	}

	@Test
	void requestsAreCheckedAgainstParametersAndTheRequestSchema() {
		assertThat(this.contract.requestViolations("POST", "/api/programs/3/things/batch?dryRun=true",
				"application/json", "[{\"name\": \"a\"}]"))
			.isEmpty();
		assertThat(this.contract.requestViolations("POST", "/api/programs/3/things/batch", "application/json",
				"[{\"name\": \"\"}, {\"nom\": \"a\"}]"))
			.hasSize(3);
		assertThat(this.contract.requestViolations("POST", "/api/programs/3/things/batch", "application/json",
				null))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("required");
		assertThat(this.contract.requestViolations("POST", "/api/programs/3/things/batch", "application/xml",
				"<a/>"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("not accepted");
		assertThat(this.contract.requestViolations("POST", "/api/programs/0/things/batch?dryRun=maybe",
				"application/json", "[]"))
			.hasSize(2);
		assertThat(this.contract.requestViolations("GET", "/api/programs/abc/things/4", null, null)).hasSize(1);
	}

}
