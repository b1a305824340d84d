package com.promotracking.settings;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.jspecify.annotations.Nullable;

import com.promotracking.eventtypes.PromoCodeValidation;
import com.promotracking.programs.ProgramView;

/**
 * What a program's settings are now, and whether its promo code is validated ({@code validation} is null when not):
 * what the pages show, and, as JSON, what the API answers.
  * Public because pages read it: SpEL compiles reads of public types only (TemplateExpressionsCompileIT).
 */
@JsonPropertyOrder({ "programId", "promoCodeTrackingEnabled", "partnerPromoCodeRequestsAllowed", "promoCodeValidated",
		"version", "updatedAt", "updatedBy" })
public record PromoCodeSettingsState(@JsonIgnore ProgramView program, boolean promoCodeTrackingEnabled,
		boolean partnerPromoCodeRequestsAllowed, long version, @Nullable Instant updatedAt, @Nullable String updatedBy,
		@JsonIgnore @Nullable PromoCodeValidation validation) {

	@JsonProperty
	long programId() {
		return this.program.id();
	}

	@JsonProperty
	public boolean promoCodeValidated() {
		return this.validation != null;
	}

}
