package com.promotracking.conversions;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/**
 * Values only the domain can judge (a click of someone outside the program, a click after the conversion, an
 * inactive event type in a batch): a 400 {@code invalid-request} naming every field, e.g.
 * {@code conversions[3].clicks[0].partnerId}, so a batch is corrected in one go.
 */
class InvalidConversions extends DomainException {

	private final List<FieldReason> reasons;

	InvalidConversions(List<FieldReason> reasons) {
		super("invalid-request", HttpStatus.BAD_REQUEST,
				String.join(", ", reasons.stream().map(FieldReason::field).distinct().toList()));
		this.reasons = List.copyOf(reasons);
	}

	@Override
	public List<FieldReason> fieldReasons() {
		return this.reasons;
	}

}
