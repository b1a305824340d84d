package com.promotracking.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One history entry put into words in the reader's language, ready for a page to print: every text is worked out
 * once in Java, so a page of history costs the template a plain read per cell rather than a message lookup.
 * {@code problem} and {@code comment} are null when the entry has none.
 */
public record HistoryRow(String when, String actor, String role, String actingFor, String channel, String outcome,
		String about, List<String> changes, @Nullable String problem, @Nullable String comment, boolean refused) {
}
