package com.promotracking.promocodes;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A code to create. Its dates are read in {@code timeZone} when they carry no offset; a null start is "now", a
 * null end "never", a null time zone UTC.
 */
public record NewPromoCode(@Nullable Long partnerId, @Nullable String code, @Nullable Moment startsAt,
		@Nullable Moment endsAt, @Nullable ZoneId timeZone, @Nullable CreditPolicy creditPolicy,
		@Nullable MatchType matchType) {

	/** What approving a partner's request creates: an exact code for that partner, live now, for good. */
	public static NewPromoCode forPartner(long partnerId, String code) {
		return new NewPromoCode(partnerId, code, null, null, null, CreditPolicy.ALWAYS, MatchType.EXACT);
	}

}
