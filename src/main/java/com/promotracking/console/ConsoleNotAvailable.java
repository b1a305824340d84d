package com.promotracking.console;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The console is for brand admins and CSMs: a partner, an operator or an API key has no programs to oversee. */
class ConsoleNotAvailable extends DomainException {

	ConsoleNotAvailable() {
		super("console-not-available", HttpStatus.FORBIDDEN);
	}

}
