package com.promotracking.requests;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.media.Schema;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.promotracking.audit.Channel;
import com.promotracking.kernel.ApiValues;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;

/** Partner promo code requests over JSON: partners submit and read their own; the brand reads and decides. */
@RestController
class RequestApiController {

	private static final String PATH = "/api/programs/{programId}/promo-code-requests";

	static final int DEFAULT_PAGE_SIZE = 100;

	/** The most requests one answer holds (request.error.size says it too). */
	static final int MAX_PAGE_SIZE = 500;

	private final PromoCodeRequestService requests;

	RequestApiController(PromoCodeRequestService requests) {
		this.requests = requests;
	}

	@PostMapping(PATH)
	ResponseEntity<RequestResponse> submit(@PathVariable long programId, @RequestBody @Valid NewRequest body,
			CurrentUser user) {
		RequestView created = this.requests.submit(user, programId, body, Channel.API);
		return ResponseEntity.created(URI.create("/api/programs/" + programId + "/promo-code-requests/" + created.id()))
			.body(RequestResponse.of(created));
	}

	/**
	 * One page of the requests, newest first: a program may hold a hundred thousand, and one answer of them all would
	 * hold them all in memory at once. A partner gets their own.
	 */
	@GetMapping(PATH)
	List<RequestResponse> list(@PathVariable long programId,
			@RequestParam(required = false) @ApiValues(RequestState.class) String state,
			@RequestParam(required = false) Long partnerId,
			@RequestParam(defaultValue = "0") @Schema(minimum = "0") int page,
			@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Schema(minimum = "1",
					maximum = "" + MAX_PAGE_SIZE) int size,
			CurrentUser user) {
		// One rule for every caller: a state that is none (an empty one too) is refused before anything is looked up.
		RequestState filter = null;
		if (state != null) {
			filter = RequestState.of(state);
			if (filter == null) {
				throw new InvalidField("state", "request.error.state");
			}
		}
		if (page < 0) {
			throw new InvalidField("page", "request.error.page");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidField("size", "request.error.size");
		}
		PageOf<RequestView> found = user.isPartner() ? this.requests.ownIn(user, programId, page, size)
				: this.requests.forBrand(user, programId, filter, partnerId, page, size);
		return found.items().stream().map(RequestResponse::of).toList();
	}

	@GetMapping(PATH + "/{requestId}")
	RequestResponse get(@PathVariable long programId, @PathVariable long requestId, CurrentUser user) {
		return RequestResponse.of(this.requests.get(user, programId, requestId));
	}

	@PostMapping(PATH + "/{requestId}/decision")
	RequestResponse decide(@PathVariable long programId, @PathVariable long requestId,
			@RequestBody @Valid DecideRequest body, CurrentUser user) {
		return RequestResponse.of(this.requests.decide(user, programId, requestId, body.approves(),
				body.approvedCode(), body.comment(), Channel.API));
	}

	@PostMapping(PATH + "/{requestId}/completion")
	RequestResponse complete(@PathVariable long programId, @PathVariable long requestId, CurrentUser user) {
		return RequestResponse.of(this.requests.complete(user, programId, requestId, Channel.API));
	}

	record RequestResponse(long id, long programId, long partnerId, String partnerName, List<String> suggestedCodes,
			@Nullable LocalDate dateNeeded, @Nullable String instructions, @ApiValues(RequestState.class) String state,
			Instant createdAt, String createdBy, @Nullable Instant decidedAt, @Nullable String decidedBy,
			@Nullable String comment, @Nullable String approvedCode, @Nullable Long promoCodeId,
			@Nullable Instant completedAt, @Nullable String completedBy) {

		static RequestResponse of(RequestView view) {
			return new RequestResponse(view.id(), view.programId(), view.partnerId(), view.partnerName(),
					view.suggestedCodes(), view.dateNeeded(), view.instructions(), view.state().value(),
					view.createdAt(), view.createdBy(), view.decidedAt(), view.decidedBy(), view.decisionComment(),
					view.approvedCode(), view.promoCodeId(), view.completedAt(), view.completedBy());
		}

	}

}
