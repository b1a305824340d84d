package com.promotracking.eventtypes;

import java.math.BigDecimal;
import java.time.Instant;

/** A test action as pages and the API show it. */
public record TestActionView(long id, long eventTypeId, String eventTypeName, String orderId, BigDecimal amount,
		String currency, String promoCode, String payload, Instant receivedAt, ReviewState reviewState,
		Instant reviewedAt, String reviewedBy, String reviewComment, Instant withdrawnAt, String withdrawnBy,
		String withdrawalComment) {

	public boolean carriesPromoCode() {
		return this.promoCode != null && !this.promoCode.isBlank();
	}

}
