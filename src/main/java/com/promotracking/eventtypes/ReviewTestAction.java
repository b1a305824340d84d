package com.promotracking.eventtypes;

import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A reviewer's decision on a test action, from the page's buttons or the API's JSON. */
record ReviewTestAction(
		@NotNull(message = "{testAction.review.decisionRequired}")
		@Pattern(regexp = "approve|reject", message = "{testAction.review.decisionRequired}") String decision,
		@Size(max = ReviewTestAction.MAX_COMMENT, message = "{testAction.commentTooLong}") String comment) {

	static final int MAX_COMMENT = 1000;

	/** The decision, once validated. */
	Decision chosenDecision() {
		return Decision.valueOf(this.decision.toUpperCase(Locale.ROOT));
	}

}
