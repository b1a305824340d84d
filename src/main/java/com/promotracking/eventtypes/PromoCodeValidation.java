package com.promotracking.eventtypes;

import java.time.Instant;

/** The approved test action that validated a program's promo code. */
public record PromoCodeValidation(long testActionId, String orderId, String promoCode, long eventTypeId,
		String eventTypeName, Instant approvedAt, String approvedBy) {
}
