package com.promotracking.eventtypes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an approval is withdrawn, from the page's form or the API's JSON: a reason is required. */
record WithdrawApproval(
		@NotBlank(message = "{testAction.withdraw.commentRequired}")
		@Size(max = ReviewTestAction.MAX_COMMENT, message = "{testAction.commentTooLong}") String comment) {
}
