package com.promotracking.settings;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ETag;
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

	private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

	/** A version no row can have. */
	private static final long NO_VERSION = -1;

	private final ProgramSettingsService service;

	PromoCodeSettingsApiController(ProgramSettingsService service) {
		this.service = service;
	}

	@GetMapping(PATH)
	ResponseEntity<PromoCodeSettingsState> get(@PathVariable long programId, CurrentUser user) {
		return respond(this.service.current(user, programId));
	}

	@PutMapping(PATH)
	ResponseEntity<PromoCodeSettingsState> put(@PathVariable long programId,
			@RequestBody @Validated(PromoCodeSettingsChange.Api.class) PromoCodeSettingsChange change,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user) {
		return respond(this.service.change(user, programId, change.expecting(expectedVersion(ifMatch)), Channel.API));
	}

	/** Newest first; {@code page} counts from 0 and a page past the end is empty. */
	@GetMapping(path = PATH + "/history", produces = MediaType.APPLICATION_JSON_VALUE)
	List<HistoryEntryResponse> history(@PathVariable long programId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(HistoryPages.MAX_SIZE) int size, CurrentUser user) {
		return this.service.history(user, programId, page, size).items().stream().map(HistoryEntryResponse::of)
			.toList();
	}

	private static ResponseEntity<PromoCodeSettingsState> respond(PromoCodeSettingsState state) {
		return ResponseEntity.ok().eTag(Long.toString(state.version())).body(state);
	}

	/**
	 * The version an {@code If-Match} asks for: none when absent or {@code *}. If-Match compares strongly (RFC
	 * 9110), and a version is written one way only, so a weak tag, a list, or any other spelling of a number
	 * ({@code "+3"}, {@code "03"}) stands for a version no row has, and the save fails its precondition (412).
	 */
	private static Long expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		List<ETag> tags = ETag.parse(ifMatch);
		if (tags.size() == 1 && tags.get(0).isWildcard()) {
			return null;
		}
		boolean oneStrongVersion = tags.size() == 1 && !tags.get(0).weak() && ifMatch.strip().startsWith("\"")
				&& VERSION.matcher(tags.get(0).tag()).matches();
		return oneStrongVersion ? Long.valueOf(tags.get(0).tag()) : NO_VERSION;
	}

}
