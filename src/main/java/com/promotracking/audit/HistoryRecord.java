package com.promotracking.audit;

import java.time.Instant;

import com.promotracking.users.Role;

/**
 * One entry of a program's history, as pages and the API show it. {@code changes} is the JSON object stored with
 * the entry, field → {@code {"from", "to"}}, as {@link History} wrote it: the API passes it on as it is, and
 * {@link HistoryText} reads it only for a row it has not put into words before.
 */
public record HistoryRecord(long id, Instant at, String actor, Role actorRole, long actingForBrandId,
		String actingForBrandName, Channel channel, Subject subject, Outcome outcome, String changes,
		String problemType, String comment) {
}
