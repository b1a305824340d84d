package com.promotracking.audit;

import java.util.Locale;

/** Where a change came from. */
public enum Channel {

	PAGE, API;

	/** As the API writes it: {@code page}, {@code api}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "history.channel." + name();
	}

}
