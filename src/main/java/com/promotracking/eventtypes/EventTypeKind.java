package com.promotracking.eventtypes;

public enum EventTypeKind {

	SALE, LEAD;

	public String messageKey() {
		return "eventType.kind." + name();
	}

}
