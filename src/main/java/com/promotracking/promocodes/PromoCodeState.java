package com.promotracking.promocodes;

import com.promotracking.kernel.InvalidField;

import java.util.Locale;

public enum PromoCodeState {

	FUTURE, ACTIVE, EXPIRED, DEACTIVATED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "promoCode.state." + name();
	}

	/** The state a client asked for by its value; none when none was asked, a refusal naming the field if unknown. */
	static PromoCodeState filter(String value) {
		if (value == null) {
			return null;
		}
		PromoCodeState state = of(value);
		if (state == null) {
			throw new InvalidField("state", "promoCode.error.state");
		}
		return state;
	}

	static PromoCodeState of(String value) {
		for (PromoCodeState state : values()) {
			if (state.value().equals(value)) {
				return state;
			}
		}
		return null;
	}

}
