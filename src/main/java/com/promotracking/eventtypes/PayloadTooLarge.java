package com.promotracking.eventtypes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** A test conversion is at most 4000 characters of JSON. */
class PayloadTooLarge extends DomainException {

	PayloadTooLarge() {
		super("payload-too-large", HttpStatus.CONTENT_TOO_LARGE);
	}

}
