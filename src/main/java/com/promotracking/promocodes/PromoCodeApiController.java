package com.promotracking.promocodes;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.annotation.JsonDeserialize;

import com.promotracking.audit.Channel;
import com.promotracking.kernel.ApiValues;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;

/** A program's tracking promo codes over JSON. A partner reads only their own. */
@RestController
class PromoCodeApiController {

	private static final String PATH = "/api/programs/{programId}/promo-codes";

	static final int DEFAULT_PAGE_SIZE = 100;

	/** The most codes one answer holds (promoCode.error.size says it too). */
	static final int MAX_PAGE_SIZE = 500;

	private final PromoCodeService codes;

	PromoCodeApiController(PromoCodeService codes) {
		this.codes = codes;
	}

	/**
	 * One page of the codes, newest first: a program may hold a hundred thousand, and one answer of them all would
	 * hold them all in memory at once. A partner gets their own, whatever {@code partnerId} says.
	 */
	@GetMapping(PATH)
	List<PromoCodeResponse> list(@PathVariable long programId, @RequestParam(required = false) Long partnerId,
			@RequestParam(required = false) @ApiValues(PromoCodeState.class) String state,
			@RequestParam(defaultValue = "0") @Schema(minimum = "0") int page,
			@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Schema(minimum = "1",
					maximum = "" + MAX_PAGE_SIZE) int size,
			CurrentUser user) {
		// One rule for every caller, and an empty value is no state: refused before anything is looked up.
		PromoCodeState filter = PromoCodeState.filter(state);
		if (page < 0) {
			throw new InvalidField("page", "promoCode.error.page");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidField("size", "promoCode.error.size");
		}
		PageOf<PromoCodeView> found = user.isPartner() ? this.codes.ownCodes(user, programId, filter, page, size)
				: this.codes.list(user, programId, partnerId, filter, page, size);
		return found.items().stream().map(PromoCodeResponse::of).toList();
	}

	@PostMapping(PATH)
	ResponseEntity<PromoCodeResponse> create(@PathVariable long programId,
			@RequestBody @Valid PromoCodeRequest request, CurrentUser user) {
		PromoCodeView created = this.codes.create(user, programId, request.toCommand(), Channel.API);
		return ResponseEntity.created(URI.create("/api/programs/" + programId + "/promo-codes/" + created.id()))
			.body(PromoCodeResponse.of(created));
	}

	@GetMapping(PATH + "/{codeId}")
	PromoCodeResponse get(@PathVariable long programId, @PathVariable long codeId, CurrentUser user) {
		return PromoCodeResponse.of(this.codes.get(user, programId, codeId));
	}

	@PostMapping(PATH + "/{codeId}/deactivation")
	PromoCodeResponse deactivate(@PathVariable long programId, @PathVariable long codeId, CurrentUser user) {
		return PromoCodeResponse.of(this.codes.deactivate(user, programId, codeId, Channel.API));
	}

	/** Dates and time zone are read by their types ({@link Moment}, {@link TimeZones.Json}): no text reaches the service. */
	record PromoCodeRequest(@NotNull Long partnerId, @NotNull String code,
			@Schema(pattern = Moment.PATTERN, description = Moment.DESCRIPTION) Moment startsAt,
			@Schema(pattern = Moment.PATTERN, description = Moment.DESCRIPTION) Moment endsAt,
			@JsonDeserialize(using = TimeZones.Json.class) ZoneId timeZone,
			@Pattern(regexp = "always|if-involved|if-winner") String creditPolicy,
			@Pattern(regexp = "exact|regex") String matchType) {

		NewPromoCode toCommand() {
			return new NewPromoCode(this.partnerId, this.code, this.startsAt, this.endsAt, this.timeZone,
					(this.creditPolicy != null) ? CreditPolicy.of(this.creditPolicy) : null,
					(this.matchType != null) ? MatchType.of(this.matchType) : null);
		}

	}

	record PromoCodeResponse(long id, long partnerId, String partnerName, String code,
			@ApiValues(MatchType.class) String matchType, @ApiValues(CreditPolicy.class) String creditPolicy,
			Instant startsAt, @Nullable Instant endsAt, String timeZone, @ApiValues(PromoCodeState.class) String state,
			Instant createdAt, String createdBy, @Nullable Instant deactivatedAt, @Nullable String deactivatedBy,
			@Nullable Long importId) {

		static PromoCodeResponse of(PromoCodeView view) {
			return new PromoCodeResponse(view.id(), view.partnerId(), view.partnerName(), view.code(),
					view.matchType().value(), view.creditPolicy().value(), view.startsAt(), view.endsAt(),
					view.timeZone(), view.state().value(), view.createdAt(), view.createdBy(), view.deactivatedAt(),
					view.deactivatedBy(), view.importId());
		}

	}

}
