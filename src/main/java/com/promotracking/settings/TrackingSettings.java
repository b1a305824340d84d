package com.promotracking.settings;

import org.springframework.stereotype.Service;

import com.promotracking.kernel.PlainSqlRead;

/** What the two settings allow, for the features they switch on. Callers have checked access. */
@Service
@PlainSqlRead
public class TrackingSettings {

	private final PromoCodeSettingsStore settings;

	TrackingSettings(PromoCodeSettingsStore settings) {
		this.settings = settings;
	}

	/** Tracking promo codes may be created only while this is true. */
	public boolean trackingEnabled(long programId) {
		return this.settings.find(programId).trackingEnabled();
	}

	/** Partners may request promo codes only while this is true (which needs tracking on too). */
	public boolean partnerRequestsAllowed(long programId) {
		PromoCodeSettingsStore.SavedSettings saved = this.settings.find(programId);
		return saved.trackingEnabled() && saved.partnerRequestsAllowed();
	}

}
