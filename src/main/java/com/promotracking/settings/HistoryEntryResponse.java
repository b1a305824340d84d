package com.promotracking.settings;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.Outcome;
import com.promotracking.kernel.ApiValues;
import com.promotracking.kernel.ProblemTypes;

/**
 * A history entry as the API shows it: {@code changes} maps each field to {@code {"from", "to"}}; an entry
 * without a comment or a problem has no {@code comment} or {@code type}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryEntryResponse(Instant at, String actor, String actorRole, BrandRef actingForBrand,
		@ApiValues(Channel.class) String channel, SubjectRef subject, @ApiValues(Outcome.class) String outcome,
		Map<String, FieldChange> changes, @Nullable String comment, @Nullable String type) {

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
