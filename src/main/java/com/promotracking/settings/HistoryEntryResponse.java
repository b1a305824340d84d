package com.promotracking.settings;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.promotracking.audit.FieldChange;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.kernel.ProblemTypes;

/**
 * A history entry as the API shows it: {@code changes} maps each field to {@code {"from", "to"}}; an entry
 * without a comment or a problem has no {@code comment} or {@code type}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryEntryResponse(Instant at, String actor, String actorRole, BrandRef actingForBrand, String channel,
		SubjectRef subject, String outcome, Map<String, FieldChange> changes, String comment, String type) {

	record BrandRef(long id, String name) {
	}

	record SubjectRef(String type, long id, String label) {
	}

	static HistoryEntryResponse of(HistoryRecord entry) {
		return new HistoryEntryResponse(entry.at(), entry.actor(), entry.actorRole().value(),
				new BrandRef(entry.actingForBrandId(), entry.actingForBrandName()), entry.channel().value(),
				new SubjectRef(entry.subject().type().value(), entry.subject().id(), entry.subject().label()),
				entry.outcome().value(), entry.changes(), entry.comment(),
				(entry.problemType() != null) ? ProblemTypes.of(entry.problemType()).toString() : null);
	}

}
