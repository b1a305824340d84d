package com.promotracking.eventtypes;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which event types of a program take real conversions (the Active ones), and what each is called. Callers have
 * checked access.
 */
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

	/** The name of each of the program's event types, active or not, by id: a stored conversion names its own. */
	public Map<Long, String> namesOf(long programId) {
		return this.eventTypes.namesOf(programId)
			.stream()
			.collect(Collectors.toUnmodifiableMap(EventTypeRepository.EventTypeName::getId,
					EventTypeRepository.EventTypeName::getName));
	}

}
