package com.promotracking.apikeys;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** A key is revoked once: revoking it again is a conflict, as deactivating a promo code twice is. */
class ApiKeyAlreadyRevoked extends DomainException {

	ApiKeyAlreadyRevoked() {
		super("api-key-already-revoked", HttpStatus.CONFLICT);
	}

}
