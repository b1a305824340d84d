package com.promotracking.requests;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * A partner's request as typed, from the page's form or the API's JSON: codes they suggest (the page's one
 * text box is split by {@link CodeList}), when they need it (an ISO date, optional; one that is no date is a
 * binding error), instructions. Which codes are valid, and that the date is not past, are the service's rules.
 */
record NewRequest(
		@NotNull(message = "{request.error.codesRequired}") @CodeList @ArraySchema(minItems = 1,
				maxItems = PromoCodeRequestService.MAX_SUGGESTIONS) List<String> suggestedCodes,
		@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate dateNeeded,
		@Schema(maxLength = PromoCodeRequestService.MAX_INSTRUCTIONS) @Nullable String instructions) {

	/** The empty form of the page. */
	static NewRequest blank() {
		return new NewRequest(List.of(), null, "");
	}

}
