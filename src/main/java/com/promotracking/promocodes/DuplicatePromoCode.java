package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The program already has this code (exact codes are compared without case). */
public class DuplicatePromoCode extends DomainException {

	DuplicatePromoCode() {
		super("duplicate-promo-code", HttpStatus.CONFLICT);
	}

}
