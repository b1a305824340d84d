package com.promotracking.settings;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** Tracking was asked for before any promo code of the program passed event-type validation. */
class PromoCodeNotValidated extends DomainException {

	PromoCodeNotValidated() {
		super("promo-code-not-validated", HttpStatus.UNPROCESSABLE_CONTENT);
	}

}
