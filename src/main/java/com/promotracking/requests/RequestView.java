package com.promotracking.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A partner's promo code request as pages and the API show it. */
public record RequestView(long id, long programId, long partnerId, String partnerName, List<String> suggestedCodes,
		LocalDate dateNeeded, String instructions, RequestState state, Instant createdAt, String createdBy,
		Instant decidedAt, String decidedBy, String decisionComment, String approvedCode, Long promoCodeId,
		Instant completedAt, String completedBy) {
}
