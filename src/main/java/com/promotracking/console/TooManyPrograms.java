package com.promotracking.console;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** A bulk change of more programs than one call may change. */
class TooManyPrograms extends DomainException {

	TooManyPrograms() {
		super("too-many-programs", HttpStatus.BAD_REQUEST, ConsoleService.MAX_BULK);
	}

}
