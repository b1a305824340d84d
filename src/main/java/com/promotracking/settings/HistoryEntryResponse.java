package com.promotracking.settings;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.promotracking.audit.FieldChange;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.system.ProblemTypes;

/** A history entry as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryEntryResponse(Instant at, String actor, String actorRole, BrandRef actingForBrand, String channel,
		String outcome, Map<String, FieldChange> changes, String type) {

	record BrandRef(long id, String name) {
	}

	static HistoryEntryResponse of(HistoryRecord entry) {
		return new HistoryEntryResponse(entry.at(), entry.actor(), entry.actorRole().value(),
				new BrandRef(entry.actingForBrandId(), entry.actingForBrandName()), entry.channel().value(),
				entry.outcome().value(), entry.changes(),
				(entry.problemType() != null) ? ProblemTypes.of(entry.problemType()).toString() : null);
	}

}
