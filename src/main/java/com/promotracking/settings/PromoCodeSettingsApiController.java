package com.promotracking.settings;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.promotracking.audit.Channel;
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
				request.partnerPromoCodeRequestsAllowed(), ETags.expectedVersion(ifMatch), Channel.API);
		return respond(this.service.change(user, programId, change));
	}

	/** Newest first; {@code page} counts from 0 and a page past the end is empty. */
	@GetMapping(path = PATH + "/history", produces = MediaType.APPLICATION_JSON_VALUE)
	List<HistoryEntryResponse> history(@PathVariable long programId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(HistoryPages.MAX_SIZE) int size, CurrentUser user) {
		return this.service.history(user, programId, page, size).entries().stream().map(HistoryEntryResponse::of)
			.toList();
	}

	private static ResponseEntity<PromoCodeSettingsResponse> respond(PromoCodeSettingsState state) {
		return ResponseEntity.ok().eTag(ETags.of(state.version())).body(PromoCodeSettingsResponse.of(state));
	}

}
