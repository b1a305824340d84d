package com.promotracking.settings;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.promotracking.users.CurrentUser;

/** The settings over JSON, with the version as ETag so clients can save without overwriting others. */
@RestController
class PromoCodeSettingsApiController {

	private static final String PATH = "/api/programs/{programId}/promo-code-settings";

	private final ProgramSettingsService service;

	PromoCodeSettingsApiController(ProgramSettingsService service) {
		this.service = service;
	}

	@GetMapping(PATH)
	ResponseEntity<PromoCodeSettingsResponse> get(@PathVariable long programId, CurrentUser user) {
		return respond(this.service.current(user, programId));
	}

	@PutMapping(PATH)
	ResponseEntity<PromoCodeSettingsResponse> put(@PathVariable long programId,
			@RequestBody @Validated PromoCodeSettingsRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user) {
		ChangePromoCodeSettings change = new ChangePromoCodeSettings(request.promoCodeTrackingEnabled(),
				request.partnerPromoCodeRequestsAllowed(), ETags.expectedVersion(ifMatch));
		return respond(this.service.change(user, programId, change));
	}

	private static ResponseEntity<PromoCodeSettingsResponse> respond(PromoCodeSettingsState state) {
		return ResponseEntity.ok().eTag(ETags.of(state.version())).body(PromoCodeSettingsResponse.of(state));
	}

}
