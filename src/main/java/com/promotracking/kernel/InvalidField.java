package com.promotracking.kernel;

import org.springframework.http.HttpStatus;

/**
 * A field's value broke a business rule that only the domain can check (a regex that matches another
 * partner's code, an end before the start): a 400 {@code invalid-request} naming the field, like a
 * constraint violation, with the reason in the user's language.
 */
public class InvalidField extends DomainException {

	private final String field;

	private final String reasonKey;

	public InvalidField(String field, String reasonKey) {
		super("invalid-request", HttpStatus.BAD_REQUEST);
		this.field = field;
		this.reasonKey = reasonKey;
	}

	public String field() {
		return this.field;
	}

	/** Key of the reason, phrased to follow the field's name ("must be after the start"). */
	public String reasonKey() {
		return this.reasonKey;
	}

}
