package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** This event type already received a test action with that order id. */
class DuplicateOrderId extends DomainException {

	DuplicateOrderId() {
		super("duplicate-order-id", HttpStatus.CONFLICT);
	}

}
