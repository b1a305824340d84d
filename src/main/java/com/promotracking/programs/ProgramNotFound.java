package com.promotracking.programs;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The program does not exist, or the user may not see it: the two look the same from outside. */
public class ProgramNotFound extends DomainException {

	public ProgramNotFound() {
		super("not-found", HttpStatus.NOT_FOUND);
	}

}
