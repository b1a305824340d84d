package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The code does not exist in this program, or you may not see it. */
public class PromoCodeNotFound extends DomainException {

	PromoCodeNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
