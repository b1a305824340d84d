package com.promotracking.requests;

import java.util.Locale;

/** Open → Approved or Rejected → Completed. */
public enum RequestState {

	OPEN, APPROVED, REJECTED, COMPLETED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "request.state." + name();
	}

	static RequestState of(String value) {
		for (RequestState state : values()) {
			if (state.value().equals(value)) {
				return state;
			}
		}
		return null;
	}

}
