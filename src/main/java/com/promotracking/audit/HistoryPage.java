package com.promotracking.audit;

import java.util.List;

/** A page of history, newest first. */
public record HistoryPage(List<HistoryRecord> entries, int page, int size, boolean hasNext) {

	public boolean hasPrevious() {
		return this.page > 0;
	}

}
