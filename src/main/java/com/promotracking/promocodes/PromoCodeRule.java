package com.promotracking.promocodes;

import java.time.Instant;

/**
 * A code as attribution needs it: who it credits, how it matches, when it is live. Plain data, so matching
 * can run anywhere (no Spring, no JPA).
 */
public record PromoCodeRule(long id, long partnerId, String code, MatchType matchType, CreditPolicy creditPolicy,
		Instant startsAt, Instant endsAt, Instant deactivatedAt) {

	/** Live at {@code at}: started, not ended, and not deactivated by then. */
	public boolean liveAt(Instant at) {
		return !this.startsAt.isAfter(at) && (this.endsAt == null || at.isBefore(this.endsAt))
				&& (this.deactivatedAt == null || at.isBefore(this.deactivatedAt));
	}

}
