package com.promotracking.settings;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** Partner promo code requests were asked for while tracking stays off. */
class PartnerRequestsRequireTracking extends DomainException {

	PartnerRequestsRequireTracking() {
		super("partner-requests-require-tracking", HttpStatus.UNPROCESSABLE_CONTENT);
	}

}
