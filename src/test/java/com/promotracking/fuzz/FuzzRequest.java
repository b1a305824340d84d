package com.promotracking.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

import com.promotracking.support.ApiContract.Operation;

/**
 * One request the fuzzer sends: to which documented operation, as whom, made how, what the API must do with it,
 * and what goes on the wire. {@code raw} requests are written byte for byte on a socket (what no HTTP client
 * sends); the others go through {@code java.net.http}.
 */
record FuzzRequest(Operation operation, Role role, String kind, Expect expect, String method, String path,
		Map<String, String> headers, String body, boolean raw) {

	/** Who sends it. */
	enum Role {

		BRAND_ADMIN("alice"), CSM("carol"), PARTNER("pat"), API_KEY("api-key");

		final String label;

		Role(String label) {
			this.label = label;
		}

	}

	/** What the API must do with it. */
	enum Expect {

		/** Valid by the document: accepted, or refused only for the state of the data or the caller's role. */
		POSITIVE,
		/** Broken by the document or below it: refused with a 4xx. */
		NEGATIVE,
		/** An id of another brand in the path: 403 or 404, never data. */
		OTHER_BRAND,
		/** The document cannot tell (a megabyte of text where it sets no length): no 5xx, a documented answer. */
		EITHER

	}

	FuzzRequest with(String kind, Expect expect, String path, Map<String, String> headers, String body,
			boolean raw) {
		return new FuzzRequest(this.operation, this.role, kind, expect, this.method, path, headers, body, raw);
	}

	Map<String, String> headersWith(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		if (value == null) {
			copy.remove(name);
		}
		else {
			copy.put(name, value);
		}
		return copy;
	}

	/** The request as a failure message shows it: credentials by role, long bodies cut. */
	String describe() {
		StringBuilder text = new StringBuilder();
		text.append(this.method).append(' ').append(cut(this.path, 300)).append(" as ").append(this.role.label)
			.append(" [").append(this.kind).append(", ").append(this.expect).append(raw ? ", raw socket" : "")
			.append("]");
		this.headers.forEach((name, value) -> {
			if (!name.equalsIgnoreCase("Authorization")) {
				text.append("\n    ").append(name).append(": ").append(cut(value, 120));
			}
		});
		if (this.body != null) {
			text.append("\n    body (").append(this.body.length()).append(" chars): ").append(cut(this.body, 300));
		}
		return text.toString();
	}

	static String cut(String text, int max) {
		String visible = text.replace("\u0000", "\\u0000");
		return (visible.length() <= max) ? visible : visible.substring(0, max) + "...";
	}

}
