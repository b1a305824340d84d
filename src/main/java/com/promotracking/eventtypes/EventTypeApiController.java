package com.promotracking.eventtypes;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.annotation.JsonSerialize;

import com.promotracking.audit.Channel;
import com.promotracking.eventtypes.EventTypeService.Reviewed;
import com.promotracking.kernel.AnyJsonValue;
import com.promotracking.kernel.ApiValues;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.VisibleText;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.JsonBodies;

/** Event types and their test conversions over JSON. */
@RestController
class EventTypeApiController {

	private static final String PROGRAM = "/api/programs/{programId}";

	static final int DEFAULT_PAGE_SIZE = 100;

	/** The most test actions one answer holds (testAction.error.size says it too). */
	static final int MAX_PAGE_SIZE = 500;

	private final EventTypeService service;

	EventTypeApiController(EventTypeService service) {
		this.service = service;
	}

	@GetMapping(PROGRAM + "/event-types")
	List<EventTypeResponse> eventTypes(@PathVariable long programId, CurrentUser user) {
		return this.service.list(user, programId).stream().map(EventTypeResponse::of).toList();
	}

	@PostMapping(PROGRAM + "/event-types")
	ResponseEntity<EventTypeResponse> create(@PathVariable long programId,
			@RequestBody @Valid NewEventType request, CurrentUser user) {
		EventTypeSummary created = this.service.create(user, programId, request, Channel.API);
		return ResponseEntity.created(URI.create("/api/programs/" + programId + "/event-types/" + created.id()))
			.body(EventTypeResponse.of(created));
	}

	@GetMapping(PROGRAM + "/event-types/{eventTypeId}")
	EventTypeResponse eventType(@PathVariable long programId, @PathVariable long eventTypeId, CurrentUser user) {
		return EventTypeResponse.of(this.service.eventType(user, programId, eventTypeId));
	}

	@DeleteMapping(PROGRAM + "/event-types/{eventTypeId}")
	ResponseEntity<Void> deleteEventType(@PathVariable long programId, @PathVariable long eventTypeId,
			CurrentUser user) {
		this.service.deleteEventType(user, programId, eventTypeId, Channel.API);
		return ResponseEntity.noContent().build();
	}

	/**
	 * One page of the event type's test actions, newest first: an event type may hold ten thousand, each with its
	 * payload, and one answer of them all would hold them all in memory at once.
	 */
	@GetMapping(PROGRAM + "/event-types/{eventTypeId}/test-actions")
	List<TestActionResponse> testActions(@PathVariable long programId, @PathVariable long eventTypeId,
			@RequestParam(defaultValue = "0") @Schema(minimum = "0") int page,
			@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Schema(minimum = "1",
					maximum = "" + MAX_PAGE_SIZE) int size,
			CurrentUser user) {
		// Refused before anything is looked up, whoever asks.
		if (page < 0) {
			throw new InvalidField("page", "testAction.error.page");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidField("size", "testAction.error.size");
		}
		return this.service.testActions(user, programId, eventTypeId, page, size)
			.items()
			.stream()
			.map(TestActionResponse::of)
			.toList();
	}

	/** A test conversion arrives. Its whole body is kept as the payload received, as text decoded strictly. */
	@PostMapping(PROGRAM + "/event-types/{eventTypeId}/test-actions")
	ResponseEntity<TestActionResponse> receive(@PathVariable long programId, @PathVariable long eventTypeId,
			@RequestBody @Valid TestConversionRequest request, HttpServletRequest http, CurrentUser user) {
		TestActionView action = this.service.receive(user, programId, eventTypeId, request.toConversion(),
				JsonBodies.receivedText(http));
		return ResponseEntity.created(URI.create("/api/programs/" + programId + "/test-actions/" + action.id()))
			.body(TestActionResponse.of(action));
	}

	@GetMapping(PROGRAM + "/test-actions/{testActionId}")
	TestActionResponse testAction(@PathVariable long programId, @PathVariable long testActionId, CurrentUser user) {
		return TestActionResponse.of(this.service.testAction(user, programId, testActionId));
	}

	@PostMapping(PROGRAM + "/test-actions/{testActionId}/review")
	ReviewResponse review(@PathVariable long programId, @PathVariable long testActionId,
			@RequestBody @Valid ReviewTestAction request, CurrentUser user) {
		return ReviewResponse.of(this.service.review(user, programId, testActionId, request.chosenDecision(),
				request.comment(), Channel.API));
	}

	@PostMapping(PROGRAM + "/test-actions/{testActionId}/withdrawal")
	ReviewResponse withdraw(@PathVariable long programId, @PathVariable long testActionId,
			@RequestBody @Valid WithdrawApproval request, CurrentUser user) {
		return ReviewResponse
			.of(this.service.withdraw(user, programId, testActionId, request.comment().strip(), Channel.API));
	}

	@DeleteMapping(PROGRAM + "/test-actions/{testActionId}")
	ResponseEntity<Void> deleteTestAction(@PathVariable long programId, @PathVariable long testActionId,
			CurrentUser user) {
		this.service.deleteTestAction(user, programId, testActionId, Channel.API);
		return ResponseEntity.noContent().build();
	}

	record TestConversionRequest(@NotBlank @Size(max = 100) @VisibleText String orderId,
			@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
			@NotNull @CurrencyCode @Schema(pattern = CurrencyCode.PATTERN) String currency,
			@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String promoCode) {

		TestConversion toConversion() {
			return new TestConversion(this.orderId.strip(), this.amount, this.currency, this.promoCode);
		}

	}

	record EventTypeResponse(long id, String name, @ApiValues(EventTypeKind.class) String kind,
			@Schema(allowableValues = { "active", "pending-validation" }) String state) {

		static EventTypeResponse of(EventTypeSummary summary) {
			return new EventTypeResponse(summary.id(), summary.name(), summary.kind().value(),
					summary.active() ? "active" : "pending-validation");
		}

	}

	record TestActionResponse(long id, long eventTypeId, String orderId, BigDecimal amount, String currency,
			@Nullable String promoCode, Instant receivedAt, @ApiValues(ReviewState.class) String reviewState,
			@Nullable Instant reviewedAt, @Nullable String reviewedBy, @Nullable String reviewComment,
			@Nullable Instant withdrawnAt, @Nullable String withdrawnBy, @Nullable String withdrawalComment,
			@AnyJsonValue @JsonSerialize(using = PayloadJson.class) String payload) {

		static TestActionResponse of(TestActionView view) {
			return new TestActionResponse(view.id(), view.eventTypeId(), view.orderId(), view.amount(),
					view.currency(), view.promoCode(), view.receivedAt(), view.reviewState().value(),
					view.reviewedAt(), view.reviewedBy(), view.reviewComment(), view.withdrawnAt(), view.withdrawnBy(),
					view.withdrawalComment(), view.payload());
		}

	}

	record ReviewResponse(TestActionResponse testAction, boolean promoCodeValidated) {

		static ReviewResponse of(Reviewed reviewed) {
			return new ReviewResponse(TestActionResponse.of(reviewed.action()), reviewed.promoCodeValidated());
		}

	}

}
