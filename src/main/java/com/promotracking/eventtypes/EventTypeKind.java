package com.promotracking.eventtypes;

import java.util.Locale;

public enum EventTypeKind {

	SALE, LEAD;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "eventType.kind." + name();
	}

}
