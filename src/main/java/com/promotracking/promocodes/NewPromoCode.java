package com.promotracking.promocodes;

/**
 * A code to create, as typed: dates are ISO 8601 text (a date, a local date-time read in {@code timeZone},
 * or an instant with an offset), blank for "now" and "never"; {@code timeZone} an IANA name, blank for UTC.
 */
public record NewPromoCode(Long partnerId, String code, String startsAt, String endsAt, String timeZone,
		CreditPolicy creditPolicy, MatchType matchType) {

	/** What approving a partner's request creates: an exact code for that partner, live now, for good. */
	public static NewPromoCode forPartner(long partnerId, String code) {
		return new NewPromoCode(partnerId, code, null, null, null, CreditPolicy.ALWAYS, MatchType.EXACT);
	}

}
