package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The code was already deactivated. */
public class AlreadyDeactivated extends DomainException {

	AlreadyDeactivated() {
		super("already-deactivated", HttpStatus.CONFLICT);
	}

}
