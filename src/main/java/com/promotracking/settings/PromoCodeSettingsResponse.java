package com.promotracking.settings;

import java.time.Instant;

/** The settings as the API shows them. */
record PromoCodeSettingsResponse(long programId, boolean promoCodeTrackingEnabled,
		boolean partnerPromoCodeRequestsAllowed, boolean promoCodeValidated, long version, Instant updatedAt,
		String updatedBy) {

	static PromoCodeSettingsResponse of(PromoCodeSettingsState state) {
		return new PromoCodeSettingsResponse(state.program().id(), state.promoCodeTrackingEnabled(),
				state.partnerPromoCodeRequestsAllowed(), state.promoCodeValidated(), state.version(),
				state.updatedAt(), state.updatedBy());
	}

}
