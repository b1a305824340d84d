package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** Only an approved test action's approval can be withdrawn. */
class NotApproved extends DomainException {

	NotApproved() {
		super("not-approved", HttpStatus.CONFLICT);
	}

}
