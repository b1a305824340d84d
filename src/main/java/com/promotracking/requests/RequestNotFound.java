package com.promotracking.requests;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The request does not exist in this program, or you may not see it. */
class RequestNotFound extends DomainException {

	RequestNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
