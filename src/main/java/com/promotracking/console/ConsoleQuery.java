package com.promotracking.console;

import org.jspecify.annotations.Nullable;

/** What the console shows: the filters, the sort and the page (from 0), read and checked from the request. */
record ConsoleQuery(@Nullable Long brandId, @Nullable ConsoleState state, @Nullable String text,
		ConsoleSort.Order order, int page, int size) {

	/** The text search, or none when blank. */
	ConsoleQuery {
		text = (text == null || text.isBlank()) ? null : text.strip();
	}

	static ConsoleQuery of(@Nullable Long brandId, @Nullable String state, @Nullable String text,
			@Nullable String sort, int page, int size) {
		return new ConsoleQuery(brandId, ConsoleState.filter(state), text, ConsoleSort.Order.of(sort), page, size);
	}

}
