package com.promotracking.eventtypes;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.promotracking.kernel.VisibleText;

/**
 * An event type to create, as the page's form and the API's JSON send it: the same checks behind both. The
 * messages are what the page shows next to the field; the API names the field with its own generic reason.
 * {@code kind} stays text until it is valid, so that a wrong kind is reported with the other fields' errors
 * instead of failing the whole body.
 */
record NewEventType(
		@NotBlank(message = "{eventTypes.create.nameRequired}")
		@Size(max = NewEventType.MAX_NAME, message = "{eventTypes.create.nameTooLong}") @VisibleText String name,
		@NotNull(message = "{eventTypes.create.kindRequired}")
		@Pattern(regexp = "sale|lead", flags = Pattern.Flag.CASE_INSENSITIVE,
				message = "{eventTypes.create.kindRequired}") String kind) {

	static final int MAX_NAME = 120;

	/** The empty form of the page. */
	static NewEventType blank() {
		return new NewEventType("", EventTypeKind.SALE.name());
	}

	/** The kind, once validated. */
	EventTypeKind chosenKind() {
		return EventTypeKind.valueOf(this.kind.toUpperCase(Locale.ROOT));
	}

}
