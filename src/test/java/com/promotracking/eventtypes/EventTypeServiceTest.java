package com.promotracking.eventtypes;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.transaction.PlatformTransactionManager;

import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.Outcome;
import com.promotracking.audit.Subject;
import com.promotracking.audit.Subject.SubjectType;
import com.promotracking.eventtypes.EventTypeService.EventTypeDetails;
import com.promotracking.eventtypes.EventTypeService.Reviewed;
import com.promotracking.kernel.PageOf;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The rules of testing event types, with every collaborator mocked and a fixed clock: reviews, withdrawals,
 * duplicates, the payload limit, the access rule, and exactly one history entry per decision.
 */
class EventTypeServiceTest {

	private static final Instant NOW = Instant.parse("2026-11-03T09:15:00Z");

	private static final Instant RECEIVED = Instant.parse("2026-11-01T08:00:00Z");

	private static final Instant REVIEWED = Instant.parse("2026-11-02T10:00:00Z");

	private static final long PROGRAM_ID = 12;

	private static final long OTHER_PROGRAM_ID = 11;

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final ProgramView PROGRAM = new ProgramView(PROGRAM_ID, "Acme Outdoor FR", 1, "Acme Outdoor");

	private static final long EVENT_TYPE_ID = 31;

	private static final long TEST_ACTION_ID = 41;

	private static final PromoCodeValidation VALIDATION = new PromoCodeValidation(TEST_ACTION_ID, "TEST-FR-3001",
			"ETE15", EVENT_TYPE_ID, "Online Sale", NOW, "alice@acme.example");

	private final ProgramCatalog catalog = mock(ProgramCatalog.class);

	private final EventTypeRepository eventTypes = mock(EventTypeRepository.class);

	private final TestActionRepository testActions = mock(TestActionRepository.class);

	private final TestActionStore store = mock(TestActionStore.class);

	private final PromoCodeValidations validations = mock(PromoCodeValidations.class);

	private final History history = mock(History.class);

	private final EventTypeService service = new EventTypeService(this.catalog, this.eventTypes, this.testActions,
			this.store, this.validations, this.history, new ChangeTransactions(mock(PlatformTransactionManager.class), this.history),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private EventType onlineSale;

	@BeforeEach
	void aliceSeesTheProgramAndItsOnlineSale() {
		given(this.catalog.require(ALICE, PROGRAM_ID)).willReturn(PROGRAM);
		this.onlineSale = eventType(EVENT_TYPE_ID, "Online Sale", EventTypeKind.SALE);
		given(this.eventTypes.findInProgram(EVENT_TYPE_ID, PROGRAM_ID)).willReturn(Optional.of(this.onlineSale));
		given(this.eventTypes.findInProgram(EVENT_TYPE_ID, OTHER_PROGRAM_ID)).willReturn(Optional.empty());
		given(this.testActions.findInProgram(TEST_ACTION_ID, OTHER_PROGRAM_ID)).willReturn(Optional.empty());
		given(this.testActions.findForUpdate(TEST_ACTION_ID, OTHER_PROGRAM_ID)).willReturn(Optional.empty());
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.empty());
	}

	// =====================================================================================================
	// Reviews

	@Nested
	class Reviews {

		@Test
		void approvingAPendingActionApprovesItAndRecordsOneChangeWithTheComment() {
			TestAction action = storedAction(ReviewState.PENDING, "ETE15");
			given(EventTypeServiceTest.this.validations.of(PROGRAM_ID)).willReturn(Optional.of(VALIDATION));

			Reviewed reviewed = EventTypeServiceTest.this.service.review(ALICE, PROGRAM_ID, TEST_ACTION_ID,
					Decision.APPROVE, "Code came through", Channel.API);

			assertThat(action.reviewState()).isEqualTo(ReviewState.APPROVED);
			TestActionView view = reviewed.action();
			assertThat(view.reviewState()).isEqualTo(ReviewState.APPROVED);
			assertThat(view.reviewedBy()).isEqualTo("alice@acme.example");
			assertThat(view.reviewedAt()).isEqualTo(NOW);
			assertThat(view.reviewComment()).isEqualTo("Code came through");
			assertThat(reviewed.promoCodeValidated()).isTrue();
			assertOnlyHistory(HistoryEvent.changed(PROGRAM, ALICE, Channel.API, actionSubject(), "Code came through",
					Map.of("reviewState", new FieldChange("pending", "approved"))));
		}

		@Test
		void aReviewCommentIsStoredWithoutSurroundingSpacesAndABlankOneAsNone() {
			TestAction action = storedAction(ReviewState.PENDING, "ETE15");

			Reviewed reviewed = EventTypeServiceTest.this.service.review(ALICE, PROGRAM_ID, TEST_ACTION_ID,
					Decision.APPROVE, "  Looks right ", Channel.PAGE);

			assertThat(reviewed.action().reviewComment()).isEqualTo("Looks right");
			TestAction blank = action(ReviewState.PENDING, "ETE15");
			given(EventTypeServiceTest.this.testActions.findForUpdate(TEST_ACTION_ID, PROGRAM_ID))
				.willReturn(Optional.of(blank));
			assertThat(EventTypeServiceTest.this.service
				.review(ALICE, PROGRAM_ID, TEST_ACTION_ID, Decision.REJECT, "   ", Channel.PAGE)
				.action()
				.reviewComment()).isNull();
			assertThat(action.reviewState()).isEqualTo(ReviewState.APPROVED);
		}

		@Test
		void approvingAnActionWithoutACodeSaysThePromoCodeIsStillNotValidated() {
			storedAction(ReviewState.PENDING, null);

			Reviewed reviewed = EventTypeServiceTest.this.service.review(ALICE, PROGRAM_ID, TEST_ACTION_ID,
					Decision.APPROVE, null, Channel.PAGE);

			assertThat(reviewed.action().reviewState()).isEqualTo(ReviewState.APPROVED);
			assertThat(reviewed.action().carriesPromoCode()).isFalse();
			assertThat(reviewed.promoCodeValidated()).isFalse();
			assertOnlyHistory(HistoryEvent.changed(PROGRAM, ALICE, Channel.PAGE, actionSubject(), null,
					Map.of("reviewState", new FieldChange("pending", "approved"))));
		}

		@Test
		void rejectingAPendingActionRejectsItAndRecordsOneChangeWithTheComment() {
			TestAction action = storedAction(ReviewState.PENDING, "ETE15");

			Reviewed reviewed = EventTypeServiceTest.this.service.review(ALICE, PROGRAM_ID, TEST_ACTION_ID,
					Decision.REJECT, "Wrong amount", Channel.PAGE);

			assertThat(action.reviewState()).isEqualTo(ReviewState.REJECTED);
			assertThat(reviewed.action().reviewedBy()).isEqualTo("alice@acme.example");
			assertThat(reviewed.action().reviewedAt()).isEqualTo(NOW);
			assertThat(reviewed.action().reviewComment()).isEqualTo("Wrong amount");
			assertThat(reviewed.promoCodeValidated()).isFalse();
			assertOnlyHistory(HistoryEvent.changed(PROGRAM, ALICE, Channel.PAGE, actionSubject(), "Wrong amount",
					Map.of("reviewState", new FieldChange("pending", "rejected"))));
		}

		@ParameterizedTest(name = "{0} then {1}")
		@MethodSource("com.promotracking.eventtypes.EventTypeServiceTest#reviewedStatesAndDecisions")
		void reviewingAnActionThatIsNoLongerPendingIsRefusedAndTheRefusalIsRecorded(ReviewState state,
				Decision decision) {
			TestAction action = storedAction(state, "ETE15");
			TestActionView before = action.toView();

			assertThatThrownBy(() -> EventTypeServiceTest.this.service.review(ALICE, PROGRAM_ID, TEST_ACTION_ID,
					decision, "again", Channel.API))
				.isInstanceOf(AlreadyReviewed.class);

			assertThat(action.toView()).as("nothing changed").isEqualTo(before);
			String asked = (decision == Decision.APPROVE) ? "approved" : "rejected";
			assertOnlyHistory(HistoryEvent.refused(PROGRAM, ALICE, Channel.API, actionSubject(), "already-reviewed",
					Map.of("reviewState", new FieldChange(state.value(), asked))));
		}

	}

	static Stream<Arguments> reviewedStatesAndDecisions() {
		return Stream.of(ReviewState.APPROVED, ReviewState.REJECTED, ReviewState.WITHDRAWN)
			.flatMap(state -> Stream.of(arguments(state, Decision.APPROVE), arguments(state, Decision.REJECT)));
	}

	// =====================================================================================================
	// Withdrawals

	@Nested
	class Withdrawals {

		@Test
		void withdrawingAnApprovalRecordsWhoWhenAndWhyAndOneChange() {
			TestAction action = storedAction(ReviewState.APPROVED, "ETE15");

			Reviewed reviewed = EventTypeServiceTest.this.service.withdraw(ALICE, PROGRAM_ID, TEST_ACTION_ID,
					"Code was for the wrong shop", Channel.PAGE);

			assertThat(action.reviewState()).isEqualTo(ReviewState.WITHDRAWN);
			TestActionView view = reviewed.action();
			assertThat(view.withdrawnBy()).isEqualTo("alice@acme.example");
			assertThat(view.withdrawnAt()).isEqualTo(NOW);
			assertThat(view.withdrawalComment()).isEqualTo("Code was for the wrong shop");
			assertThat(view.reviewedBy()).as("the approval stays on record").isEqualTo("carol@csm.example");
			assertThat(view.reviewedAt()).isEqualTo(REVIEWED);
			assertThat(reviewed.promoCodeValidated()).as("it was the only validating action").isFalse();
			assertOnlyHistory(HistoryEvent.changed(PROGRAM, ALICE, Channel.PAGE, actionSubject(),
					"Code was for the wrong shop", Map.of("reviewState", new FieldChange("approved", "withdrawn"))));
		}

		@Test
		void withdrawingOneApprovalWhileAnotherStillValidatesSaysSo() {
			storedAction(ReviewState.APPROVED, "ETE15");
			given(EventTypeServiceTest.this.validations.of(PROGRAM_ID)).willReturn(Optional.of(VALIDATION));

			Reviewed reviewed = EventTypeServiceTest.this.service.withdraw(ALICE, PROGRAM_ID, TEST_ACTION_ID, "dup",
					Channel.API);

			assertThat(reviewed.promoCodeValidated()).isTrue();
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = ReviewState.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
		void onlyAnApprovedActionCanBeWithdrawn(ReviewState state) {
			TestAction action = storedAction(state, "ETE15");
			TestActionView before = action.toView();

			assertThatThrownBy(() -> EventTypeServiceTest.this.service.withdraw(ALICE, PROGRAM_ID, TEST_ACTION_ID,
					"why", Channel.API))
				.isInstanceOf(NotApproved.class);

			assertThat(action.toView()).isEqualTo(before);
			assertOnlyHistory(HistoryEvent.refused(PROGRAM, ALICE, Channel.API,
					actionSubject(), "not-approved",
					Map.of("reviewState", new FieldChange(state.value(), ReviewState.WITHDRAWN.value()))));
		}

	}

	// =====================================================================================================
	// Test conversions in

	@Nested
	class Receiving {

		private final TestConversion conversion = new TestConversion("TEST-FR-3001", new BigDecimal("52.50"), "EUR",
				"ETE15");

		@BeforeEach
		void savedActionsGetAnId() {
			given(EventTypeServiceTest.this.testActions.save(any())).willAnswer(call -> {
				TestAction saved = call.getArgument(0);
				ReflectionTestUtils.setField(saved, "id", TEST_ACTION_ID);
				return saved;
			});
		}

		@Test
		void aConversionIsStoredPendingWithItsPayloadAndTheTimeItArrived() {
			String payload = "{\"orderId\": \"TEST-FR-3001\", \"items\": [1, 2]}";

			TestActionView view = EventTypeServiceTest.this.service.receive(ALICE, PROGRAM_ID, EVENT_TYPE_ID,
					this.conversion, payload);

			assertThat(view).isEqualTo(new TestActionView(TEST_ACTION_ID, EVENT_TYPE_ID, "Online Sale", "TEST-FR-3001",
					new BigDecimal("52.50"), "EUR", "ETE15", payload, NOW, ReviewState.PENDING, null, null, null, null,
					null, null));
			verify(EventTypeServiceTest.this.testActions).existsByEventTypeAndOrderId(EventTypeServiceTest.this.onlineSale,
					"TEST-FR-3001");
			verifyNoInteractions(EventTypeServiceTest.this.history);
		}

		@Test
		void theSameOrderIdTwiceForOneEventTypeIsRefusedAndNothingIsStored() {
			given(EventTypeServiceTest.this.testActions.existsByEventTypeAndOrderId(
					EventTypeServiceTest.this.onlineSale, "TEST-FR-3001"))
				.willReturn(true);

			assertThatThrownBy(() -> EventTypeServiceTest.this.service.receive(ALICE, PROGRAM_ID, EVENT_TYPE_ID,
					this.conversion, "{}"))
				.isInstanceOf(DuplicateOrderId.class);

			verify(EventTypeServiceTest.this.testActions, never()).save(any());
		}

		@Test
		void aPayloadOfMoreThan4000CharactersIsRefusedAndNothingIsStored() {
			assertThatThrownBy(() -> EventTypeServiceTest.this.service.receive(ALICE, PROGRAM_ID, EVENT_TYPE_ID,
					this.conversion, "x".repeat(4001)))
				.isInstanceOf(PayloadTooLarge.class);

			verify(EventTypeServiceTest.this.testActions, never()).save(any());
		}

		@Test
		void aPayloadOfExactly4000CharactersIsStored() {
			String payload = "x".repeat(4000);

			TestActionView view = EventTypeServiceTest.this.service.receive(ALICE, PROGRAM_ID, EVENT_TYPE_ID,
					this.conversion, payload);

			assertThat(view.payload()).isEqualTo(payload);
			verify(EventTypeServiceTest.this.testActions).save(any());
		}

	}

	// =====================================================================================================
	// Event types

	@Nested
	class EventTypes {

		@Test
		void creatingStoresTheStrippedNameAndRecordsTheCreation() {
			given(EventTypeServiceTest.this.eventTypes.save(any())).willAnswer(call -> {
				EventType saved = call.getArgument(0);
				ReflectionTestUtils.setField(saved, "id", 32L);
				return saved;
			});
			EventTypeSummary summary = new EventTypeSummary(32, "Newsletter", EventTypeKind.LEAD, false);
			given(EventTypeServiceTest.this.eventTypes.summaryOf(32)).willReturn(summary);

			EventTypeSummary created = EventTypeServiceTest.this.service.create(ALICE, PROGRAM_ID,
					new NewEventType("  Newsletter ", "lead"), Channel.PAGE);

			assertThat(created).isEqualTo(summary);
			ArgumentCaptor<EventType> saved = ArgumentCaptor.forClass(EventType.class);
			verify(EventTypeServiceTest.this.eventTypes).save(saved.capture());
			assertThat(saved.getValue().name()).isEqualTo("Newsletter");
			assertThat(saved.getValue().kind()).isEqualTo(EventTypeKind.LEAD);
			assertThat(ReflectionTestUtils.getField(saved.getValue(), "programId")).isEqualTo(PROGRAM_ID);
			assertThat(ReflectionTestUtils.getField(saved.getValue(), "createdAt")).isEqualTo(NOW);
			assertOnlyHistory(HistoryEvent.changed(PROGRAM, ALICE, Channel.PAGE,
					new Subject(SubjectType.EVENT_TYPE, 32, "Newsletter"), null,
					Map.of("eventType", new FieldChange(null, "created"))));
		}

		@Test
		void aNameTheProgramAlreadyHasIsRefusedNothingIsStoredAndTheAttemptIsInTheHistory() {
			given(EventTypeServiceTest.this.eventTypes.findByProgramIdAndNameIgnoreCase(PROGRAM_ID, "online sale"))
				.willReturn(Optional.of(EventTypeServiceTest.this.onlineSale));

			assertThatThrownBy(() -> EventTypeServiceTest.this.service.create(ALICE, PROGRAM_ID,
					new NewEventType(" online sale ", "sale"), Channel.API))
				.isInstanceOf(DuplicateEventType.class);

			verify(EventTypeServiceTest.this.eventTypes, never()).save(any());
			assertOnlyHistory(HistoryEvent.refused(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.EVENT_TYPE, EVENT_TYPE_ID, "Online Sale"), "duplicate-event-type",
					Map.of("eventType", new FieldChange(null, "created"))));
		}

		@Test
		void detailsShowTheEventTypeWithOnePageOfItsTestActionsAndThatAnotherFollows() {
			EventTypeSummary summary = new EventTypeSummary(EVENT_TYPE_ID, "Online Sale", EventTypeKind.SALE, true);
			given(EventTypeServiceTest.this.eventTypes.summaryOf(EVENT_TYPE_ID)).willReturn(summary);
			List<TestActionView> read = views(1000, 51);
			given(EventTypeServiceTest.this.store.slice(EventTypeServiceTest.this.onlineSale, 100, 51)).willReturn(read);

			EventTypeDetails details = EventTypeServiceTest.this.service.details(ALICE, PROGRAM_ID, EVENT_TYPE_ID, 2,
					50);

			assertThat(details.eventType()).isEqualTo(summary);
			assertThat(details.testActions().items()).as("the one more read only tells another page follows")
				.containsExactlyElementsOf(read.subList(0, 50));
			assertThat(details.testActions().hasNext()).isTrue();
			assertThat(details.testActions().page()).isEqualTo(2);
			verifyNoInteractions(EventTypeServiceTest.this.testActions);
		}

		@Test
		void aPageShorterThanAskedIsTheLast() {
			List<TestActionView> read = views(7, 7);
			given(EventTypeServiceTest.this.store.slice(EventTypeServiceTest.this.onlineSale, 0, 101)).willReturn(read);

			PageOf<TestActionView> page = EventTypeServiceTest.this.service.testActions(ALICE, PROGRAM_ID, EVENT_TYPE_ID, 0,
					100);

			assertThat(page.items()).containsExactlyElementsOf(read);
			assertThat(page.hasNext()).isFalse();
		}

		@Test
		void aPageFarPastTheEndIsAskedAtItsOffsetWithoutOverflow() {
			given(EventTypeServiceTest.this.store.slice(any(), anyLong(), anyInt())).willReturn(List.of());

			PageOf<TestActionView> page = EventTypeServiceTest.this.service.testActions(ALICE, PROGRAM_ID, EVENT_TYPE_ID,
					Integer.MAX_VALUE, 500);

			assertThat(page.items()).isEmpty();
			verify(EventTypeServiceTest.this.store).slice(EventTypeServiceTest.this.onlineSale,
					(long) Integer.MAX_VALUE * 500, 501);
		}

		@Test
		void theEventTypeAloneReadsNoTestAction() {
			EventTypeSummary summary = new EventTypeSummary(EVENT_TYPE_ID, "Online Sale", EventTypeKind.SALE, false);
			given(EventTypeServiceTest.this.eventTypes.summaryOf(EVENT_TYPE_ID)).willReturn(summary);

			assertThat(EventTypeServiceTest.this.service.eventType(ALICE, PROGRAM_ID, EVENT_TYPE_ID))
				.isEqualTo(summary);

			verifyNoInteractions(EventTypeServiceTest.this.store, EventTypeServiceTest.this.testActions);
		}

		@Test
		void deletingAnEventTypeDeletesItsTestActionsThenItAndRecordsOneChange() {
			EventTypeServiceTest.this.service.deleteEventType(ALICE, PROGRAM_ID, EVENT_TYPE_ID, Channel.API);

			var order = inOrder(EventTypeServiceTest.this.testActions, EventTypeServiceTest.this.eventTypes);
			order.verify(EventTypeServiceTest.this.testActions).deleteByEventType(EventTypeServiceTest.this.onlineSale);
			order.verify(EventTypeServiceTest.this.eventTypes).delete(EventTypeServiceTest.this.onlineSale);
			assertOnlyHistory(HistoryEvent.changed(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.EVENT_TYPE, EVENT_TYPE_ID, "Online Sale"), null,
					Map.of("eventType", new FieldChange("created", "deleted"))));
		}

		@Test
		void deletingATestActionRecordsTheStateItHad() {
			TestAction action = storedAction(ReviewState.APPROVED, "ETE15");

			EventTypeServiceTest.this.service.deleteTestAction(ALICE, PROGRAM_ID, TEST_ACTION_ID, Channel.PAGE);

			verify(EventTypeServiceTest.this.testActions).delete(action);
			assertOnlyHistory(HistoryEvent.changed(PROGRAM, ALICE, Channel.PAGE, actionSubject(), null,
					Map.of("testAction", new FieldChange("approved", "deleted"))));
		}

	}

	// =====================================================================================================
	// Access

	@Nested
	class Access {

		@ParameterizedTest(name = "{0}")
		@MethodSource("com.promotracking.eventtypes.EventTypeServiceTest#everyOperation")
		void accessIsCheckedFirstAndAProgramTheUserMayNotSeeTouchesNothing(String name,
				Consumer<EventTypeService> operation) {
			given(EventTypeServiceTest.this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> operation.accept(EventTypeServiceTest.this.service))
				.isInstanceOf(ProgramNotFound.class);

			verifyNoInteractions(EventTypeServiceTest.this.eventTypes, EventTypeServiceTest.this.testActions,
					EventTypeServiceTest.this.store, EventTypeServiceTest.this.validations,
					EventTypeServiceTest.this.history);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("com.promotracking.eventtypes.EventTypeServiceTest#eventTypeOperationsThroughTheOtherProgram")
		void anEventTypeOfAnotherProgramIsNotFoundAndNothingChanges(String name,
				Consumer<EventTypeService> operation) {
			given(EventTypeServiceTest.this.catalog.require(ALICE, OTHER_PROGRAM_ID))
				.willReturn(new ProgramView(OTHER_PROGRAM_ID, "Acme Outdoor US", 1, "Acme Outdoor"));

			assertThatThrownBy(() -> operation.accept(EventTypeServiceTest.this.service))
				.isInstanceOf(EventTypeNotFound.class);

			verify(EventTypeServiceTest.this.eventTypes).findInProgram(EVENT_TYPE_ID, OTHER_PROGRAM_ID);
			verifyNoMoreInteractions(EventTypeServiceTest.this.eventTypes);
			verifyNoInteractions(EventTypeServiceTest.this.testActions, EventTypeServiceTest.this.store,
					EventTypeServiceTest.this.history);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("com.promotracking.eventtypes.EventTypeServiceTest#testActionOperationsThroughTheOtherProgram")
		void aTestActionOfAnotherProgramIsNotFoundAndNothingChanges(String name,
				Consumer<EventTypeService> operation) {
			given(EventTypeServiceTest.this.catalog.require(ALICE, OTHER_PROGRAM_ID))
				.willReturn(new ProgramView(OTHER_PROGRAM_ID, "Acme Outdoor US", 1, "Acme Outdoor"));

			assertThatThrownBy(() -> operation.accept(EventTypeServiceTest.this.service))
				.isInstanceOf(TestActionNotFound.class);

			// One lookup, plain or locked (decisions lock the row), scoped to the other program; nothing else.
			assertThat(mockingDetails(EventTypeServiceTest.this.testActions).getInvocations()).singleElement()
				.satisfies(lookup -> {
					assertThat(lookup.getMethod().getName()).isIn("findInProgram", "findForUpdate");
					assertThat(lookup.getArguments()).containsExactly(TEST_ACTION_ID, OTHER_PROGRAM_ID);
				});
			verifyNoInteractions(EventTypeServiceTest.this.history, EventTypeServiceTest.this.validations);
		}

	}

	static Stream<Arguments> everyOperation() {
		TestConversion conversion = new TestConversion("X", BigDecimal.ONE, "EUR", null);
		return Stream.of(operation("list", s -> s.list(ALICE, 99L)),
				operation("eventType", s -> s.eventType(ALICE, 99L, EVENT_TYPE_ID)),
				operation("details", s -> s.details(ALICE, 99L, EVENT_TYPE_ID, 0, 50)),
				operation("testActions", s -> s.testActions(ALICE, 99L, EVENT_TYPE_ID, 0, 100)),
				operation("create", s -> s.create(ALICE, 99L, new NewEventType("X", "sale"), Channel.API)),
				operation("deleteEventType", s -> s.deleteEventType(ALICE, 99L, EVENT_TYPE_ID, Channel.API)),
				operation("receive", s -> s.receive(ALICE, 99L, EVENT_TYPE_ID, conversion, "{}")),
				operation("testAction", s -> s.testAction(ALICE, 99L, TEST_ACTION_ID)),
				operation("review", s -> s.review(ALICE, 99L, TEST_ACTION_ID, Decision.APPROVE, null, Channel.API)),
				operation("withdraw", s -> s.withdraw(ALICE, 99L, TEST_ACTION_ID, "why", Channel.API)),
				operation("deleteTestAction", s -> s.deleteTestAction(ALICE, 99L, TEST_ACTION_ID, Channel.API)));
	}

	static Stream<Arguments> eventTypeOperationsThroughTheOtherProgram() {
		TestConversion conversion = new TestConversion("X", BigDecimal.ONE, "EUR", null);
		return Stream.of(operation("eventType", s -> s.eventType(ALICE, OTHER_PROGRAM_ID, EVENT_TYPE_ID)),
				operation("details", s -> s.details(ALICE, OTHER_PROGRAM_ID, EVENT_TYPE_ID, 0, 50)),
				operation("testActions", s -> s.testActions(ALICE, OTHER_PROGRAM_ID, EVENT_TYPE_ID, 0, 100)),
				operation("deleteEventType", s -> s.deleteEventType(ALICE, OTHER_PROGRAM_ID, EVENT_TYPE_ID, Channel.API)),
				operation("receive", s -> s.receive(ALICE, OTHER_PROGRAM_ID, EVENT_TYPE_ID, conversion, "{}")));
	}

	static Stream<Arguments> testActionOperationsThroughTheOtherProgram() {
		return Stream.of(operation("testAction", s -> s.testAction(ALICE, OTHER_PROGRAM_ID, TEST_ACTION_ID)),
				operation("review",
						s -> s.review(ALICE, OTHER_PROGRAM_ID, TEST_ACTION_ID, Decision.APPROVE, null, Channel.API)),
				operation("withdraw", s -> s.withdraw(ALICE, OTHER_PROGRAM_ID, TEST_ACTION_ID, "why", Channel.API)),
				operation("deleteTestAction",
						s -> s.deleteTestAction(ALICE, OTHER_PROGRAM_ID, TEST_ACTION_ID, Channel.API)));
	}

	private static Arguments operation(String name, Consumer<EventTypeService> operation) {
		return arguments(name, operation);
	}

	// =====================================================================================================
	// Helpers

	private static EventType eventType(long id, String name, EventTypeKind kind) {
		EventType eventType = new EventType(PROGRAM_ID, name, kind, RECEIVED);
		ReflectionTestUtils.setField(eventType, "id", id);
		return eventType;
	}

	/** A test action of the Online Sale, as the repository finds it in the program. */
	private TestAction storedAction(ReviewState state, String promoCode) {
		TestAction action = action(state, promoCode);
		given(this.testActions.findInProgram(TEST_ACTION_ID, PROGRAM_ID)).willReturn(Optional.of(action));
		given(this.testActions.findForUpdate(TEST_ACTION_ID, PROGRAM_ID)).willReturn(Optional.of(action));
		return action;
	}

	/** A test action in that state; reviewed by Carol earlier, and withdrawn by her when withdrawn. */
	private TestAction action(ReviewState state, String promoCode) {
		TestAction action = new TestAction(this.onlineSale,
				new TestConversion("TEST-FR-3001", new BigDecimal("52.50"), "EUR", promoCode),
				"{\"orderId\": \"TEST-FR-3001\"}", RECEIVED);
		ReflectionTestUtils.setField(action, "id", TEST_ACTION_ID);
		if (state != ReviewState.PENDING) {
			action.review(state == ReviewState.REJECTED ? Decision.REJECT : Decision.APPROVE, "carol@csm.example",
					REVIEWED, "earlier review");
		}
		if (state == ReviewState.WITHDRAWN) {
			action.withdrawApproval("carol@csm.example", REVIEWED.plusSeconds(60), "earlier withdrawal");
		}
		assertThat(action.reviewState()).isEqualTo(state);
		return action;
	}

	/** {@code count} test actions of the Online Sale as the store reads them, newest (highest id) first. */
	private static List<TestActionView> views(long newest, int count) {
		return LongStream.range(0, count)
			.mapToObj(n -> new TestActionView(newest - n, EVENT_TYPE_ID, "Online Sale", "TEST-" + (newest - n),
					new BigDecimal("10.00"), "EUR", null, "{}", RECEIVED, ReviewState.REJECTED, REVIEWED,
					"carol@csm.example", null, null, null, null))
			.toList();
	}

	private static Subject actionSubject() {
		return new Subject(SubjectType.TEST_ACTION, TEST_ACTION_ID, "TEST-FR-3001 (Online Sale)");
	}

	/** The decision went into the history exactly once, as this event, and nothing else did. */
	private void assertOnlyHistory(HistoryEvent expected) {
		ArgumentCaptor<HistoryEvent> recorded = ArgumentCaptor.forClass(HistoryEvent.class);
		verify(this.history).record(recorded.capture());
		verifyNoMoreInteractions(this.history);
		HistoryEvent event = recorded.getValue();
		assertThat(event).isEqualTo(expected);
		assertThat(event.outcome()).isEqualTo(expected.problemType() == null ? Outcome.CHANGED : Outcome.REFUSED);
	}

}
