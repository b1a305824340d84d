package com.promotracking.kernel;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatusCode;

/** Problem type URIs share one base so clients can match on the last path segment. */
public final class ProblemTypes {

	public static final String BASE = "https://promotracking.example/problems/";

	private ProblemTypes() {
	}

	public static URI of(String slug) {
		return URI.create(BASE + slug);
	}

	/** The type of a problem that only has its status: {@code 405} → {@code method-not-allowed}. */
	public static String slugOf(HttpStatusCode status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "error";
	}

	/** The last path segment of a problem's type, or null for none. */
	public static String slugOf(URI type) {
		String text = type.toString();
		return "about:blank".equals(text) ? null : text.substring(text.lastIndexOf('/') + 1);
	}

}
