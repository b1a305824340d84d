package com.promotracking.eventtypes;

import java.util.Locale;

public enum ReviewState {

	PENDING, APPROVED, REJECTED,
	/** Was approved; the approval was taken back. Final: to validate again, send and approve a new test. */
	WITHDRAWN;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "testAction.state." + name();
	}

}
