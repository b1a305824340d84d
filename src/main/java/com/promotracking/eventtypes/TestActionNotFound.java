package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The test action does not exist in this program, or you may not see it. */
class TestActionNotFound extends DomainException {

	TestActionNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
