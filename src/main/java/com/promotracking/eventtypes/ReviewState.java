package com.promotracking.eventtypes;

public enum ReviewState {

	PENDING, APPROVED, REJECTED;

	public String messageKey() {
		return "testAction.state." + name();
	}

}
