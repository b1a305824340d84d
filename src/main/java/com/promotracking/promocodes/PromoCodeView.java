package com.promotracking.promocodes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A tracking promo code as pages and the API show it. */
public record PromoCodeView(long id, long programId, long partnerId, String partnerName, String code,
		MatchType matchType, CreditPolicy creditPolicy, Instant startsAt, @Nullable Instant endsAt, String timeZone,
		PromoCodeState state, Instant createdAt, String createdBy, @Nullable Instant deactivatedAt, @Nullable String deactivatedBy,
		@Nullable Long importId) {
}
