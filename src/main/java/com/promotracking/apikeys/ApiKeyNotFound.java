package com.promotracking.apikeys;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/**
 * The key, or the brand asked for, does not exist or the caller may not act for its brand: the two look the same
 * from outside, as for programs.
 */
class ApiKeyNotFound extends DomainException {

	ApiKeyNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
