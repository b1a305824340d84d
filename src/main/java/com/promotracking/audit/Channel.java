package com.promotracking.audit;

import java.util.Locale;

/** Where a change came from. */
public enum Channel {

	PAGE, API, CONSOLE;

	/** As the API writes it: {@code page}, {@code api}, {@code console}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "history.channel." + name();
	}

}
