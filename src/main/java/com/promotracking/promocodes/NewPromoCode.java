package com.promotracking.promocodes;

import java.time.ZoneId;

/**
 * A code to create. Its dates are read in {@code timeZone} when they carry no offset; a null start is "now", a
 * null end "never", a null time zone UTC.
 */
public record NewPromoCode(Long partnerId, String code, Moment startsAt, Moment endsAt, ZoneId timeZone,
		CreditPolicy creditPolicy, MatchType matchType) {

	/** What approving a partner's request creates: an exact code for that partner, live now, for good. */
	public static NewPromoCode forPartner(long partnerId, String code) {
		return new NewPromoCode(partnerId, code, null, null, null, CreditPolicy.ALWAYS, MatchType.EXACT);
	}

}
