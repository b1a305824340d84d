package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The preview is older than its 24 hours: its rows are gone, the file must be imported again. */
public class ImportExpired extends DomainException {

	ImportExpired() {
		super("import-expired", HttpStatus.GONE);
	}

}
