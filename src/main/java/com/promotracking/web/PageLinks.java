package com.promotracking.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import com.promotracking.kernel.PageOf;

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

	/**
	 * The pager of a list page, as the templates read it: {@code pageNumber} (from 1) and {@code previousUrl} and
	 * {@code nextUrl}, each null when there is no such page. {@code url} gives the address of a page (from 0) of the
	 * same view. A list that was not read (its filters were refused) is an empty first page: no links.
	 */
	public static void addPager(Model model, PageOf<?> shown, IntFunction<String> url) {
		model.addAttribute("pageNumber", (long) shown.page() + 1);
		model.addAttribute("previousUrl", shown.hasPrevious() ? url.apply(shown.page() - 1) : null);
		model.addAttribute("nextUrl", shown.hasNext() ? url.apply(shown.page() + 1) : null);
	}

	@Override
	public String toString() {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(this.path);
		this.parameters.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
		return url.encode().buildAndExpand(this.parameters).toUriString();
	}

}
