package com.promotracking.requests;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The brand's decision on a request, from the page's buttons or the API's JSON. {@code approvedCode} (blank:
 * the first suggested code) and {@code comment} are checked by the service, with the code it creates.
 */
record DecideRequest(
		@NotNull(message = "{request.error.decisionRequired}")
		@Pattern(regexp = "approve|reject", message = "{request.error.decisionRequired}") String decision,
		String approvedCode,
		@Schema(maxLength = PromoCodeRequestService.MAX_COMMENT, description = "Required to reject: the partner sees it.") String comment) {

	boolean approves() {
		return "approve".equals(this.decision);
	}

}
