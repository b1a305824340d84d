package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The event type does not exist in this program, or you may not see it. */
class EventTypeNotFound extends DomainException {

	EventTypeNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
