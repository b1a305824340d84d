package com.promotracking.promocodes;

import java.time.Instant;

/** A tracking promo code as pages and the API show it. */
public record PromoCodeView(long id, long programId, long partnerId, String partnerName, String code,
		MatchType matchType, CreditPolicy creditPolicy, Instant startsAt, Instant endsAt, String timeZone,
		PromoCodeState state, Instant createdAt, String createdBy, Instant deactivatedAt, String deactivatedBy) {
}
