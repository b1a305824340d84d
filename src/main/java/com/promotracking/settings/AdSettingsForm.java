package com.promotracking.settings;

import com.promotracking.audit.Channel;

/**
 * What the Ad settings form posts. An unticked checkbox sends nothing, which arrives as null and means
 * false; {@code version} is the version the page was rendered with.
 */
record AdSettingsForm(Boolean promoCodeTrackingEnabled, Boolean partnerPromoCodeRequestsAllowed, Long version) {

	AdSettingsForm {
		promoCodeTrackingEnabled = Boolean.TRUE.equals(promoCodeTrackingEnabled);
		partnerPromoCodeRequestsAllowed = Boolean.TRUE.equals(partnerPromoCodeRequestsAllowed);
	}

	static AdSettingsForm of(PromoCodeSettingsState state) {
		return new AdSettingsForm(state.promoCodeTrackingEnabled(), state.partnerPromoCodeRequestsAllowed(),
				state.version());
	}

	ChangePromoCodeSettings toChange() {
		return new ChangePromoCodeSettings(this.promoCodeTrackingEnabled, this.partnerPromoCodeRequestsAllowed,
				this.version, Channel.PAGE);
	}

}
