package com.promotracking.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.promotracking.audit.HistoryPage;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.HistoryText;
import com.promotracking.kernel.RecentlyUsed;

/**
 * The rows of the Ad settings page's history table, as HTML from the {@code settings/history-row} template.
 * <p>
 * A history entry never changes once written, so its row is rendered once per language and kept: a page of
 * history then costs the page one lookup per row instead of a dozen template expressions, and a program with a
 * long history renders as fast as one with a few entries. The template escapes every text, so the page inserts
 * the rows as they are. The most recently shown rows are kept, up to {@link #KEPT}; a restart starts afresh.
 */
@Component
class HistoryRows {

	/** About 1.5 MB of rows: many programs' latest pages in both languages. */
	static final int KEPT = 2000;

	private record Key(long entryId, Locale locale) {
	}

	private final ITemplateEngine templates;

	private final HistoryText text;

	private final RecentlyUsed<Key, String> rendered = new RecentlyUsed<>(KEPT);

	HistoryRows(ITemplateEngine templates, HistoryText text) {
		this.templates = templates;
		this.text = text;
	}

	/** The page's rows, newest first, in the language of the current request. */
	List<String> of(HistoryPage page) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> rows = new ArrayList<>(page.entries().size());
		for (HistoryRecord entry : page.entries()) {
			Key key = new Key(entry.id(), locale);
			String row = this.rendered.get(key);
			if (row == null) {
				// Two requests may both render a new row, and both get the same.
				row = render(entry, locale);
				this.rendered.put(key, row);
			}
			rows.add(row);
		}
		return rows;
	}

	int kept() {
		return this.rendered.size();
	}

	private String render(HistoryRecord entry, Locale locale) {
		return this.templates.process("settings/history-row",
				new Context(locale, Map.of("row", this.text.row(entry, locale))));
	}

}
