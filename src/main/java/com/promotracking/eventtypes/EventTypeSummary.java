package com.promotracking.eventtypes;

/** An event type in a list: Active once one of its test actions was approved, otherwise Pending validation. */
public record EventTypeSummary(long id, String name, EventTypeKind kind, boolean active) {

	public String stateKey() {
		return this.active ? "eventType.state.ACTIVE" : "eventType.state.PENDING_VALIDATION";
	}

}
