package com.promotracking.promocodes;

import java.util.Locale;

/** When a conversion carrying the code credits its partner. */
public enum CreditPolicy {

	/** Always. */
	ALWAYS,
	/** Only if the partner drove some click of the journey. */
	IF_INVOLVED,
	/** Only if the partner drove the winning click. */
	IF_WINNER;

	/** As the API writes it: {@code always}, {@code if-involved}, {@code if-winner}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String messageKey() {
		return "promoCode.creditPolicy." + name();
	}

	static CreditPolicy of(String value) {
		for (CreditPolicy policy : values()) {
			if (policy.value().equalsIgnoreCase(value) || policy.name().equalsIgnoreCase(value)) {
				return policy;
			}
		}
		return null;
	}

}
