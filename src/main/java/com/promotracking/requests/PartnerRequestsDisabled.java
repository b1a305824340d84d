package com.promotracking.requests;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The program does not allow partners to request promo codes (or its tracking is off). */
class PartnerRequestsDisabled extends DomainException {

	PartnerRequestsDisabled() {
		super("partner-requests-disabled", HttpStatus.CONFLICT);
	}

}
