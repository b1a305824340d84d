package com.promotracking.conversions;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** The program stored a conversion of that order id with other content; a retry must send the same. */
class OrderIdConflict extends DomainException {

	private final List<FieldReason> items;

	OrderIdConflict() {
		this(List.of());
	}

	/** In a batch: the items whose order id was stored with other content. */
	OrderIdConflict(List<FieldReason> items) {
		super("order-id-conflict", HttpStatus.CONFLICT);
		this.items = List.copyOf(items);
	}

	@Override
	public List<FieldReason> fieldReasons() {
		return this.items;
	}

}
