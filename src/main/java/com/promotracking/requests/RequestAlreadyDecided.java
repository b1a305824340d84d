package com.promotracking.requests;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The request was already approved or rejected. */
class RequestAlreadyDecided extends DomainException {

	RequestAlreadyDecided() {
		super("request-already-decided", HttpStatus.CONFLICT);
	}

}
