package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The import was accepted already: its codes exist, and accepting again creates nothing. */
public class ImportAlreadyAccepted extends DomainException {

	ImportAlreadyAccepted() {
		super("import-already-accepted", HttpStatus.CONFLICT);
	}

}
