package com.promotracking.kernel;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A field's value broke a business rule that only the domain can check (a regex that matches another
 * partner's code, an end before the start): a 400 {@code invalid-request} naming the field, like a
 * constraint violation, with the reason in the user's language.
 */
public class InvalidField extends DomainException {

	private final FieldReason reason;

	public InvalidField(String field, String reasonKey) {
		super("invalid-request", HttpStatus.BAD_REQUEST, field);
		this.reason = new FieldReason(field, reasonKey);
	}

	public String field() {
		return this.reason.field();
	}

	/** Key of the reason, phrased to follow the field's name ("must be after the start"). */
	public String reasonKey() {
		return this.reason.reasonKey();
	}

	@Override
	public List<FieldReason> fieldReasons() {
		return List.of(this.reason);
	}

}
