package com.promotracking.requests;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/**
 * A partner's request as typed, from the page's form or the API's JSON: codes they suggest (the page's one
 * text box is split by {@link CodeList}), when they need it (ISO date, optional), instructions. Which codes are
 * valid is the service's rule.
 */
record NewRequest(@NotNull(message = "{request.error.codesRequired}") @CodeList List<String> suggestedCodes,
		String dateNeeded, String instructions) {

	/** The empty form of the page. */
	static NewRequest blank() {
		return new NewRequest(List.of(), "", "");
	}

}
