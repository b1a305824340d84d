package com.promotracking.console;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.promotracking.console.ConsoleRow.LastChange;
import com.promotracking.console.ConsoleRow.Validation;
import com.promotracking.console.ConsoleService.ConsolePage;
import com.promotracking.kernel.ApiValues;
import com.promotracking.settings.BulkSettingsService;
import com.promotracking.settings.BulkSettingsService.Result;
import com.promotracking.settings.BulkSettingsService.Target;
import com.promotracking.users.CurrentUser;

/** The console over JSON: the programs a user manages with their tracking state, and tracking switched in bulk. */
@RestController
class ConsoleApiController {

	private final ConsoleService console;

	ConsoleApiController(ConsoleService console) {
		this.console = console;
	}

	/** {@code sort}: a column's name ({@code program}, {@code live-codes}...), {@code -} first for descending. */
	@GetMapping("/api/console/programs")
	ProgramsResponse programs(@RequestParam(required = false) @Nullable Long brandId,
			@RequestParam(required = false) @ApiValues(ConsoleState.class) @Nullable String state,
			@RequestParam(required = false) @Size(max = 200) @Nullable String q,
			@RequestParam(required = false) @ApiValues(value = ConsoleSort.class, descending = true) @Nullable String sort,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "" + ConsoleService.PAGE_SIZE) @Min(1) @Max(ConsoleService.MAX_PAGE_SIZE) int size,
			CurrentUser user) {
		ConsolePage found = this.console.list(user, ConsoleQuery.of(brandId, state, q, sort, page, size));
		return new ProgramsResponse(found.total(), found.page(), found.size(),
				found.rows().stream().map(ProgramItem::of).toList());
	}

	/**
	 * Tracking on or off for each program named, each its own change: 200 with one result per program, in the
	 * order given. {@code partnerPromoCodeRequestsAllowed} left out keeps each program's own; asked for with
	 * tracking off, 422 and nothing changes.
	 */
	@PostMapping("/api/console/promo-code-tracking")
	ResultsResponse change(@RequestBody @Valid BulkChange change, CurrentUser user) {
		boolean on = Boolean.TRUE.equals(change.promoCodeTrackingEnabled());
		List<Target> targets = change.programIds().stream().map(id -> new Target(id, null)).toList();
		return new ResultsResponse(this.console.change(user, targets, on, change.partnerPromoCodeRequestsAllowed())
			.stream()
			.map(ResultItem::of)
			.toList());
	}

	record BulkChange(
			@NotEmpty(message = "{console.error.programIds}") @Size(max = ConsoleService.MAX_BULK,
					message = "{console.error.tooManyPrograms}") List<@NotNull Long> programIds,
			@NotNull Boolean promoCodeTrackingEnabled, @Nullable Boolean partnerPromoCodeRequestsAllowed) {
	}

	record ProgramsResponse(long total, int page, int size, List<ProgramItem> items) {
	}

	record ProgramItem(long programId, String programName, long brandId, String brandName, boolean promoCodeValidated,
			@Nullable Validation validation, boolean promoCodeTrackingEnabled, boolean partnerPromoCodeRequestsAllowed,
			long version, long openRequests, @Nullable Instant oldestOpenRequestAt, long liveCodes,
			Conversions conversions, @Nullable LastChange lastChange) {

		static ProgramItem of(ConsoleRow row) {
			return new ProgramItem(row.programId(), row.programName(), row.brandId(), row.brandName(),
					row.promoCodeValidated(), row.validation(), row.promoCodeTrackingEnabled(),
					row.partnerPromoCodeRequestsAllowed(), row.version(), row.openRequests(),
					row.oldestOpenRequestAt(), row.liveCodes(), new Conversions(ConsoleService.CONVERSION_DAYS,
							row.credited(), row.codeUnknown(), row.policyNotMet(), row.codeInactive()),
					row.lastChange());
		}

	}

	/** The conversions of the last {@code days}: credited by a code, and not credited, by flag. */
	record Conversions(int days, long credited, long codeUnknown, long policyNotMet, long codeInactive) {
	}

	record ResultsResponse(List<ResultItem> results) {
	}

	record ResultItem(long programId, @ApiValues(BulkSettingsService.Outcome.class) String outcome,
			@Nullable String problem) {

		static ResultItem of(Result result) {
			return new ResultItem(result.programId(), result.outcome().value(), result.problem());
		}

	}

}
