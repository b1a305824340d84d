package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The test action was already reviewed. */
class AlreadyReviewed extends DomainException {

	AlreadyReviewed() {
		super("already-reviewed", HttpStatus.CONFLICT);
	}

}
