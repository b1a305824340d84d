package com.promotracking.requests;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** Only an approved or rejected request can be marked completed. */
class RequestNotDecided extends DomainException {

	RequestNotDecided() {
		super("request-not-decided", HttpStatus.CONFLICT);
	}

}
