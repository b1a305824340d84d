package com.promotracking.audit;

import java.util.Locale;

public enum Outcome {

	CHANGED, REFUSED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "history.outcome." + name();
	}

}
