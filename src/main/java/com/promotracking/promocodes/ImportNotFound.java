package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The import does not exist in this program, or is not yours: a preview belongs to the user who uploaded it. */
public class ImportNotFound extends DomainException {

	ImportNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
