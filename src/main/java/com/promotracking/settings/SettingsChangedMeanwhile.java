package com.promotracking.settings;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/** Somebody saved the settings after the user loaded them; saving now would overwrite unseen changes. */
class SettingsChangedMeanwhile extends DomainException {

	private final transient PromoCodeSettingsState current;

	SettingsChangedMeanwhile(PromoCodeSettingsState current) {
		super("settings-changed", HttpStatus.PRECONDITION_FAILED);
		this.current = current;
	}

	PromoCodeSettingsState current() {
		return this.current;
	}

}
