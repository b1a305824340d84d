package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.system.DomainException;

/** This event type already received a test action with that order id. */
class DuplicateOrderId extends DomainException {

	DuplicateOrderId() {
		super("duplicate-order-id", HttpStatus.CONFLICT);
	}

}
