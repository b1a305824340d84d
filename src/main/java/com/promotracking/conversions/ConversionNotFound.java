package com.promotracking.conversions;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The conversion does not exist in this program, or you may not see it. */
class ConversionNotFound extends DomainException {

	ConversionNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
