package com.promotracking.conversions;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** Real conversions go to an Active event type of the program only: one whose test passed. */
class EventTypeNotActive extends DomainException {

	EventTypeNotActive() {
		super("event-type-not-active", HttpStatus.UNPROCESSABLE_CONTENT);
	}

}
