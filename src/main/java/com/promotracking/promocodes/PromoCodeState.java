package com.promotracking.promocodes;

import java.util.Locale;

public enum PromoCodeState {

	FUTURE, ACTIVE, EXPIRED, DEACTIVATED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "promoCode.state." + name();
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
