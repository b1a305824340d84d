package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The program already has an event type with that name. */
class DuplicateEventType extends DomainException {

	DuplicateEventType() {
		super("duplicate-event-type", HttpStatus.CONFLICT);
	}

}
