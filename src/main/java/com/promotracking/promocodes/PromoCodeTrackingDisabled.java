package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** Codes can be created only while the program's promo code tracking is enabled. */
public class PromoCodeTrackingDisabled extends DomainException {

	PromoCodeTrackingDisabled() {
		super("promo-code-tracking-disabled", HttpStatus.CONFLICT);
	}

}
