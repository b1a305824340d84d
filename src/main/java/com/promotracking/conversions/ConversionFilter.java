package com.promotracking.conversions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.users.CurrentUser;

/** Which conversions a list shows: occurred in [from, to), credited to a partner, matching a code, by what. */
record ConversionFilter(Instant from, Instant to, Long partnerId, Long promoCodeId, By by) {

	/**
	 * The filter as {@code user} may apply it: a partner's is narrowed to the conversions credited to them, and a
	 * partner asking for another partner's gets nothing (null).
	 */
	@Nullable ConversionFilter seenBy(CurrentUser user) {
		if (!user.isPartner()) {
			return this;
		}
		if (this.partnerId != null && !this.partnerId.equals(user.partnerId())) {
			return null;
		}
		return new ConversionFilter(this.from, this.to, user.partnerId(), this.promoCodeId, this.by);
	}

	/** The same filter, on the conversions that matched the code {@code promoCodeId}. */
	ConversionFilter withPromoCode(long promoCodeId) {
		return new ConversionFilter(this.from, this.to, this.partnerId, promoCodeId, this.by);
	}

}
