package com.promotracking.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Addresses of a list page with its filters in the query, for links to other pages and orders of the same view.
 * Each value is encoded strictly, as a form would send it: a typed search or code may hold {@code +}, {@code &}
 * or {@code #}, which a value added as a literal would leave as they are (a {@code +} comes back as a space).
 */
public final class PageLinks {

	private final String path;

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private PageLinks(String path) {
		this.path = path;
	}

	/** A link to {@code path}, already expanded (ids in it are numbers). */
	public static PageLinks to(String path) {
		return new PageLinks(path);
	}

	/** Adds the parameter, unless the value is null or empty: only the filters given, so the address stays short. */
	public PageLinks with(String name, @Nullable Object value) {
		if (value != null && !value.toString().isEmpty()) {
			this.parameters.put(name, value);
		}
		return this;
	}

	@Override
	public String toString() {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(this.path);
		this.parameters.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
		return url.encode().buildAndExpand(this.parameters).toUriString();
	}

}
