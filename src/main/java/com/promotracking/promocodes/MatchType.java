package com.promotracking.promocodes;

import java.util.Locale;

public enum MatchType {

	/** The code as written, without case. */
	EXACT,
	/** A Java regular expression, with case. */
	REGEX;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "promoCode.matchType." + name();
	}

	static MatchType of(String value) {
		for (MatchType type : values()) {
			if (type.value().equalsIgnoreCase(value)) {
				return type;
			}
		}
		return null;
	}

}
