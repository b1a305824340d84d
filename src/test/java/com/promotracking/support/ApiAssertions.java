package com.promotracking.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import com.promotracking.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions and small readers the JSON API integration tests share. */
public final class ApiAssertions {

	private ApiAssertions() {
	}

	/** An RFC 9457 problem answer: that status, {@value Http#PROBLEM_JSON}, and a type ending in that slug. */
	public static void assertProblem(Response reply, int status, String type) {
		assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
		assertThat(reply.contentType()).as("Content-Type of %s", reply).startsWith(Http.PROBLEM_JSON);
		assertThat(reply.problemType()).as("problem type of %s", reply).isEqualTo(type);
	}

	/** A 400 invalid-request whose errors name exactly that field. */
	public static void assertInvalid(Response reply, String field) {
		assertProblem(reply, 400, "invalid-request");
		List<String> fields = new ArrayList<>();
		reply.json().path("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).as(reply.body()).containsExactly(field);
	}

	/** The elements of a JSON array, which it must be. */
	public static List<JsonNode> elements(JsonNode array) {
		assertThat(array.isArray()).as(String.valueOf(array)).isTrue();
		List<JsonNode> elements = new ArrayList<>();
		array.forEach(elements::add);
		return elements;
	}

	/** The {@code id} of each item, in order. */
	public static List<Long> ids(List<JsonNode> items) {
		return items.stream().map(item -> item.get("id").asLong()).toList();
	}

	/** Whether the field is left out or null. */
	public static boolean absent(JsonNode node, String field) {
		return node.path(field).isMissingNode() || node.path(field).isNull();
	}

}
