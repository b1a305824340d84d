package com.promotracking.settings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the two settings allow, for the features they switch on. Callers have checked access. */
@Service
@Transactional(readOnly = true)
public class TrackingSettings {

	private final PromoCodeSettingsRepository settings;

	TrackingSettings(PromoCodeSettingsRepository settings) {
		this.settings = settings;
	}

	/** Tracking promo codes may be created only while this is true. */
	public boolean trackingEnabled(long programId) {
		return this.settings.findById(programId).map(PromoCodeSettings::trackingEnabled).orElse(false);
	}

	/** Partners may request promo codes only while this is true (which needs tracking on too). */
	public boolean partnerRequestsAllowed(long programId) {
		return this.settings.findById(programId)
			.map(saved -> saved.trackingEnabled() && saved.partnerRequestsAllowed())
			.orElse(false);
	}

}
