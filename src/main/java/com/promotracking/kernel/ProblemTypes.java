package com.promotracking.kernel;

import java.net.URI;

/** Problem type URIs share one base so clients can match on the last path segment. */
public final class ProblemTypes {

	public static final String BASE = "https://promotracking.example/problems/";

	private ProblemTypes() {
	}

	public static URI of(String slug) {
		return URI.create(BASE + slug);
	}

}
