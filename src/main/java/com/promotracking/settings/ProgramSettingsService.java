package com.promotracking.settings;

import java.time.Clock;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.eventtypes.PromoCodeValidation;
import com.promotracking.eventtypes.PromoCodeValidations;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;

/**
 * Reads and changes a program's promo code tracking settings, enforcing what the platforms only warn about:
 * tracking is turned on only once the program's promo code passed event-type validation, and partners may
 * request codes only while tracking is on. Turning things off is always allowed.
 */
@Service
class ProgramSettingsService {

	private final ProgramCatalog catalog;

	private final PromoCodeValidations validations;

	private final PromoCodeSettingsRepository settings;

	private final Clock clock;

	ProgramSettingsService(ProgramCatalog catalog, PromoCodeValidations validations,
			PromoCodeSettingsRepository settings, Clock clock) {
		this.catalog = catalog;
		this.validations = validations;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PromoCodeSettingsState current(CurrentUser user, long programId) {
		ProgramView program = this.catalog.require(user, programId);
		PromoCodeSettings saved = this.settings.findById(programId).orElseGet(() -> new PromoCodeSettings(programId));
		return state(program, saved, this.validations.of(programId).orElse(null));
	}

	/**
	 * Sets both flags at once, or neither. A request that changes nothing succeeds without writing.
	 * @throws SettingsChangedMeanwhile when the user's version is not the current one
	 * @throws PartnerRequestsRequireTracking when partner requests are asked for with tracking off
	 * @throws PromoCodeNotValidated when tracking is turned on before the promo code passed validation
	 */
	@Transactional
	public PromoCodeSettingsState change(CurrentUser user, long programId, ChangePromoCodeSettings change) {
		ProgramView program = this.catalog.require(user, programId);
		PromoCodeSettings saved = this.settings.findForUpdate(programId)
			.orElseGet(() -> new PromoCodeSettings(programId));
		PromoCodeValidation validation = this.validations.of(programId).orElse(null);

		if (change.expectedVersion() != null && !Objects.equals(change.expectedVersion(), saved.version())) {
			throw new SettingsChangedMeanwhile(state(program, saved, validation));
		}
		boolean tracking = change.promoCodeTrackingEnabled();
		boolean requests = change.partnerPromoCodeRequestsAllowed();
		if (requests && !tracking) {
			throw new PartnerRequestsRequireTracking();
		}
		// Only turning tracking on needs the validation: tracking that is already live stays live.
		if (tracking && !saved.trackingEnabled() && validation == null) {
			throw new PromoCodeNotValidated();
		}
		if (saved.differsFrom(tracking, requests)) {
			saved.change(tracking, requests, user.username(), this.clock.instant());
			// Flushed here so the returned state carries the new version.
			saved = this.settings.saveAndFlush(saved);
		}
		return state(program, saved, validation);
	}

	private static PromoCodeSettingsState state(ProgramView program, PromoCodeSettings saved,
			PromoCodeValidation validation) {
		return new PromoCodeSettingsState(program, saved.trackingEnabled(), saved.partnerRequestsAllowed(),
				saved.version(), saved.updatedAt(), saved.updatedBy(), validation);
	}

}
