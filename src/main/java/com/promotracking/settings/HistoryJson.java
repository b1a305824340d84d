package com.promotracking.settings;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.audit.HistoryPage;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.kernel.RecentlyUsed;

/**
 * The history API's answer: a JSON array of a page of entries ({@link HistoryEntryResponse}).
 * <p>
 * A history entry never changes once written, so its JSON is written once and kept (the {@value #KEPT} most
 * recently sent): a page then costs the API one lookup per entry instead of writing each one again, and a
 * program with a long history answers about as fast as one without.
 */
@Component
class HistoryJson {

	/** About 1 MB of JSON: many programs' latest pages. */
	static final int KEPT = 2000;

	private final JsonMapper json;

	private final RecentlyUsed<Long, String> written = new RecentlyUsed<>(KEPT);

	HistoryJson(JsonMapper json) {
		this.json = json;
	}

	String of(HistoryPage page) {
		StringBuilder array = new StringBuilder(512 * page.entries().size() + 2).append('[');
		for (HistoryRecord entry : page.entries()) {
			String one = this.written.get(entry.id());
			if (one == null) {
				// Two requests may both write a new entry, and both get the same.
				one = this.json.writeValueAsString(HistoryEntryResponse.of(entry));
				this.written.put(entry.id(), one);
			}
			array.append((array.length() > 1) ? "," : "").append(one);
		}
		return array.append(']').toString();
	}

	int kept() {
		return this.written.size();
	}

}
