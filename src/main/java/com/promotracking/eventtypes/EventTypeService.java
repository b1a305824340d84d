package com.promotracking.eventtypes;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.Refusal;
import com.promotracking.audit.Subject;
import com.promotracking.audit.Subject.SubjectType;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.kernel.PageOf;
import com.promotracking.kernel.UniqueConstraint;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;

/**
 * Testing event types: creating them, receiving test conversions, and reviewing them. Approving a test action
 * that carried a promo code is what validates the program's promo code. Every decision (approval, rejection,
 * withdrawal, deletion, creation) goes into the program's history in the same transaction.
 */
@Service
class EventTypeService {

	private final ProgramCatalog catalog;

	private final EventTypeRepository eventTypes;

	private final TestActionRepository testActions;

	private final TestActionStore store;

	private final PromoCodeValidations validations;

	private final History history;

	private final ChangeTransactions changes;

	private final Clock clock;

	EventTypeService(ProgramCatalog catalog, EventTypeRepository eventTypes, TestActionRepository testActions,
			TestActionStore store, PromoCodeValidations validations, History history, ChangeTransactions changes,
			Clock clock) {
		this.catalog = catalog;
		this.eventTypes = eventTypes;
		this.testActions = testActions;
		this.store = store;
		this.validations = validations;
		this.history = history;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<EventTypeSummary> list(CurrentUser user, long programId) {
		this.catalog.require(user, programId);
		return this.eventTypes.summariesOf(programId);
	}

	/** The event type alone: none of its test actions is read. */
	@Transactional(readOnly = true)
	EventTypeSummary eventType(CurrentUser user, long programId, long eventTypeId) {
		this.catalog.require(user, programId);
		return this.eventTypes.summaryOf(eventType(programId, eventTypeId).id());
	}

	/** The event type and one page of its test actions, newest first. */
	@Transactional(readOnly = true)
	EventTypeDetails details(CurrentUser user, long programId, long eventTypeId, int page, int size) {
		this.catalog.require(user, programId);
		EventType eventType = eventType(programId, eventTypeId);
		return new EventTypeDetails(this.eventTypes.summaryOf(eventType.id()), page(eventType, page, size));
	}

	/**
	 * One page of the event type's test actions, newest first: an event type may hold ten thousand, and reading them
	 * all for each view held them all in memory at once.
	 */
	@Transactional(readOnly = true)
	PageOf<TestActionView> testActions(CurrentUser user, long programId, long eventTypeId, int page, int size) {
		this.catalog.require(user, programId);
		return page(eventType(programId, eventTypeId), page, size);
	}

	/** The name is unique in the program, without case; an attempt at a taken name is in the history. */
	public EventTypeSummary create(CurrentUser user, long programId, NewEventType command, Channel channel) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			String name = command.name().strip();
			Map<String, FieldChange> created = Map.of("eventType", new FieldChange(null, "created"));
			EventType existing = this.eventTypes.findByProgramIdAndNameIgnoreCase(programId, name).orElse(null);
			if (existing != null) {
				throw Refusal.of(new DuplicateEventType(), program, user, channel, subject(existing), created);
			}
			EventType saved;
			try {
				saved = this.eventTypes.save(new EventType(programId, name, command.chosenKind(), this.clock.instant()));
			}
			catch (DataIntegrityViolationException ex) {
				// Another request took the name since the check above; this one rolls back.
				throw UniqueConstraint.violatedBy(ex, "uk_event_type_program_name", DuplicateEventType::new);
			}
			this.history.record(HistoryEvent.changed(program, user, channel, subject(saved), null, created));
			return this.eventTypes.summaryOf(saved.id());
		});
	}

	/** Deletes the event type and its test actions; if one of them validated the promo code, it no longer does. */
	public void deleteEventType(CurrentUser user, long programId, long eventTypeId, Channel channel) {
		this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			EventType eventType = eventType(programId, eventTypeId);
			this.testActions.deleteByEventType(eventType);
			this.eventTypes.delete(eventType);
			this.history.record(HistoryEvent.changed(program, user, channel, subject(eventType), null,
					Map.of("eventType", new FieldChange("created", "deleted"))));
		});
	}

	/**
	 * Stores a test conversion; the same order id twice for one event type is refused. Neither refusal goes into
	 * the history: test conversions come from the brand's servers, which retry, and the sender is told.
	 */
	@Transactional
	public TestActionView receive(CurrentUser user, long programId, long eventTypeId, TestConversion conversion,
			String payload) {
		this.catalog.require(user, programId);
		EventType eventType = eventType(programId, eventTypeId);
		if (payload.length() > 4000) {
			throw new PayloadTooLarge();
		}
		if (this.testActions.existsByEventTypeAndOrderId(eventType, conversion.orderId())) {
			throw new DuplicateOrderId();
		}
		try {
			return this.testActions.save(new TestAction(eventType, conversion, payload, this.clock.instant())).toView();
		}
		catch (DataIntegrityViolationException ex) {
			// The same order id arrived twice at once; the later one rolls back.
			throw UniqueConstraint.violatedBy(ex, "uk_test_action_order", DuplicateOrderId::new);
		}
	}

	@Transactional(readOnly = true)
	public TestActionView testAction(CurrentUser user, long programId, long testActionId) {
		this.catalog.require(user, programId);
		return testAction(programId, testActionId).toView();
	}

	/** Approves or rejects a pending test action; a blank comment counts as none. */
	public Reviewed review(CurrentUser user, long programId, long testActionId, Decision decision, String comment,
			Channel channel) {
		String reason = (comment == null || comment.isBlank()) ? null : comment.strip();
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			TestAction action = lockedTestAction(programId, testActionId);
			String to = (decision == Decision.APPROVE) ? ReviewState.APPROVED.value() : ReviewState.REJECTED.value();
			Map<String, FieldChange> changes = Map.of("reviewState", new FieldChange(action.reviewState().value(), to));
			try {
				action.review(decision, user.username(), this.clock.instant(), reason);
			}
			catch (AlreadyReviewed refused) {
				throw Refusal.of(refused, program, user, channel, subject(action), changes);
			}
			this.history.record(HistoryEvent.changed(program, user, channel, subject(action), reason, changes));
			return reviewed(programId, action);
		});
	}

	/** Takes an approval back. Tracking that is already on stays on; the Ad settings page then warns. */
	public Reviewed withdraw(CurrentUser user, long programId, long testActionId, String comment, Channel channel) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			TestAction action = lockedTestAction(programId, testActionId);
			Map<String, FieldChange> changes = Map.of("reviewState",
					new FieldChange(action.reviewState().value(), ReviewState.WITHDRAWN.value()));
			try {
				action.withdrawApproval(user.username(), this.clock.instant(), comment);
			}
			catch (NotApproved refused) {
				throw Refusal.of(refused, program, user, channel, subject(action), changes);
			}
			this.history.record(HistoryEvent.changed(program, user, channel, subject(action), comment, changes));
			return reviewed(programId, action);
		});
	}

	/** Deletes the test action and returns the id of its event type, where the user goes back to. */
	public long deleteTestAction(CurrentUser user, long programId, long testActionId, Channel channel) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			TestAction action = testAction(programId, testActionId);
			this.testActions.delete(action);
			this.history.record(HistoryEvent.changed(program, user, channel, subject(action), null,
					Map.of("testAction", new FieldChange(action.reviewState().value(), "deleted"))));
			return action.eventType().id();
		});
	}

	/** Asks for one more than the page shows: whether another page follows is read, never counted. */
	private PageOf<TestActionView> page(EventType eventType, int page, int size) {
		List<TestActionView> found = this.store.slice(eventType, (long) page * size, size + 1);
		return PageOf.cut(found, page, size);
	}

	private Reviewed reviewed(long programId, TestAction action) {
		return new Reviewed(action.toView(), this.validations.of(programId).isPresent());
	}

	private EventType eventType(long programId, long eventTypeId) {
		return this.eventTypes.findInProgram(eventTypeId, programId).orElseThrow(EventTypeNotFound::new);
	}

	private TestAction lockedTestAction(long programId, long testActionId) {
		return this.testActions.findForUpdate(testActionId, programId).orElseThrow(TestActionNotFound::new);
	}

	private TestAction testAction(long programId, long testActionId) {
		return this.testActions.findInProgram(testActionId, programId).orElseThrow(TestActionNotFound::new);
	}

	private static Subject subject(EventType eventType) {
		return new Subject(SubjectType.EVENT_TYPE, eventType.id(), eventType.name());
	}

	private static Subject subject(TestAction action) {
		return new Subject(SubjectType.TEST_ACTION, action.id(),
				action.orderId() + " (" + action.eventType().name() + ")");
	}

	/** A test action after a review, and whether the program's promo code is validated now. */
	record Reviewed(TestActionView action, boolean promoCodeValidated) {
	}

	record EventTypeDetails(EventTypeSummary eventType, PageOf<TestActionView> testActions) {
	}

}
