package com.promotracking.settings;

import java.time.Instant;

import com.promotracking.eventtypes.PromoCodeValidation;
import com.promotracking.programs.ProgramView;

/** What a program's settings are now, and whether its promo code is validated (null when not). */
record PromoCodeSettingsState(ProgramView program, boolean promoCodeTrackingEnabled,
		boolean partnerPromoCodeRequestsAllowed, long version, Instant updatedAt, String updatedBy,
		PromoCodeValidation validation) {

	public boolean promoCodeValidated() {
		return this.validation != null;
	}

}
