package com.promotracking.eventtypes;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which event types of a program take real conversions: the Active ones. Callers have checked access. */
@Service
@Transactional(readOnly = true)
public class ActiveEventTypes {

	private final EventTypeRepository eventTypes;

	ActiveEventTypes(EventTypeRepository eventTypes) {
		this.eventTypes = eventTypes;
	}

	/** In one query, so a batch of conversions checks all its event types at once. */
	public Set<Long> of(long programId) {
		return Set.copyOf(this.eventTypes.activeIdsOf(programId));
	}

}
