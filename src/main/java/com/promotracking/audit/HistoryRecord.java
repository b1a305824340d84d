package com.promotracking.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.promotracking.users.Role;

/**
 * One entry of a program's history, as pages and the API show it. {@code changes} maps each field to its value
 * before and after (asked for, when refused), in the order they were recorded; {@code problemType} and
 * {@code comment} are null when the entry has none.
 */
public record HistoryRecord(long id, Instant at, String actor, Role actorRole, long actingForBrandId,
		String actingForBrandName, Channel channel, Subject subject, Outcome outcome, Map<String, FieldChange> changes,
		@Nullable String problemType, @Nullable String comment) {
}
