package com.promotracking.requests;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
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
import com.promotracking.programs.PartnerView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.CreditPolicy;
import com.promotracking.promocodes.DuplicatePromoCode;
import com.promotracking.promocodes.MatchType;
import com.promotracking.promocodes.NewPromoCode;
import com.promotracking.promocodes.PromoCodeState;
import com.promotracking.promocodes.PromoCodeTrackingDisabled;
import com.promotracking.promocodes.PromoCodeView;
import com.promotracking.promocodes.PromoCodeService;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.kernel.DomainException;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The rules of partner promo code requests, with the catalog, settings, promo codes, storage and history mocked
 * and the clock fixed: submitting while allowed, what a valid request holds, who reads what, and the state
 * machine Open → Approved or Rejected → Completed.
 */
class PromoCodeRequestServiceTest {

	private static final long PROGRAM_ID = 11;

	private static final long TRAILBLAZER = 5;

	private static final long OTHER_PARTNER = 6;

	private static final long SAVED_ID = 77;

	private static final long CREATED_CODE_ID = 501;

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final CurrentUser PAT = new CurrentUser(9, "pat@partner.example", "Pat Lee", Role.PARTNER,
			Set.of(), TRAILBLAZER);

	private static final CurrentUser OLGA = new CurrentUser(10, "olga@other.example", "Olga", Role.PARTNER, Set.of(),
			OTHER_PARTNER);

	private static final ProgramView PROGRAM = new ProgramView(PROGRAM_ID, "Acme Outdoor US", 1, "Acme Outdoor");

	private final ProgramCatalog catalog = mock(ProgramCatalog.class);

	private final TrackingSettings settings = mock(TrackingSettings.class);

	private final PromoCodeService promoCodes = mock(PromoCodeService.class);

	private final PromoCodeRequestRepository requests = mock(PromoCodeRequestRepository.class);

	private final PromoCodeRequestStore store = mock(PromoCodeRequestStore.class);

	private final History history = mock(History.class);

	private final PromoCodeRequestService service = new PromoCodeRequestService(this.catalog, this.settings, this.promoCodes,
			this.requests, this.store, this.history,
			new ChangeTransactions(mock(PlatformTransactionManager.class), this.history),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void patBelongsToTheProgramAliceManagesWhichAllowsRequests() {
		given(this.catalog.require(ALICE, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.catalog.requireJoined(PAT, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.catalog.requireJoined(OLGA, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.catalog.partnerNames(PROGRAM_ID))
			.willReturn(Map.of(TRAILBLAZER, "Trailblazer Deals", OTHER_PARTNER, "Other Deals"));
		given(this.settings.partnerRequestsAllowed(PROGRAM_ID)).willReturn(true);
		given(this.settings.trackingEnabled(PROGRAM_ID)).willReturn(true);
		given(this.requests.save(any())).willAnswer(invocation -> {
			PromoCodeRequest request = invocation.getArgument(0);
			ReflectionTestUtils.setField(request, "id", SAVED_ID);
			return request;
		});
	}

	// ---------------------------------------------------------------- submitting

	@Nested
	class Submitting {

		@Test
		void aPartnerSubmitsAnOpenRequestWithTheirCodesDateAndInstructions() {
			RequestView submitted = submit(new NewRequest(List.of("TRAIL15", "TRAIL20"), LocalDate.parse("2026-12-01"),
					"  For the winter newsletter  "));

			assertThat(submitted).isEqualTo(new RequestView(SAVED_ID, PROGRAM_ID, TRAILBLAZER, "Trailblazer Deals",
					List.of("TRAIL15", "TRAIL20"), LocalDate.of(2026, 12, 1), "For the winter newsletter",
					RequestState.OPEN, NOW, "pat@partner.example", null, null, null, null, null, null, null));
			PromoCodeRequest saved = savedRequest();
			assertThat(saved.partnerId()).isEqualTo(TRAILBLAZER);
			assertThat(ReflectionTestUtils.getField(saved, "programId")).isEqualTo(PROGRAM_ID);
			assertThat(saved.state()).isEqualTo(RequestState.OPEN);
		}

		@Test
		void theSubmissionIsRecordedInTheHistoryWithTheInstructionsAsComment() {
			submit(new NewRequest(List.of("TRAIL15", "TRAIL20"), null, "Please"));

			verify(PromoCodeRequestServiceTest.this.history).record(HistoryEvent.changed(PROGRAM, PAT, Channel.API,
					new Subject(SubjectType.PROMO_CODE_REQUEST, SAVED_ID, "TRAIL15, TRAIL20"), "Please",
					Map.of("request", new FieldChange(null, "open"))));
		}

		@Test
		void accessIsCheckedFirstSoSomeoneOutsideTheProgramTouchesNothing() {
			given(PromoCodeRequestServiceTest.this.catalog.requireJoined(PAT, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.submit(PAT, 99L,
					new NewRequest(List.of("TRAIL15"), null, null), Channel.API))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.settings, PromoCodeRequestServiceTest.this.requests,
					PromoCodeRequestServiceTest.this.history);
		}

		@Test
		void submittingIsRefusedWhileTheProgramDoesNotAllowRequestsAndNothingIsStored() {
			given(PromoCodeRequestServiceTest.this.settings.partnerRequestsAllowed(PROGRAM_ID)).willReturn(false);

			assertThatThrownBy(() -> submit(new NewRequest(List.of("TRAIL15"), null, null)))
				.isInstanceOfSatisfying(PartnerRequestsDisabled.class, refused -> {
					assertThat(refused.problemType()).isEqualTo("partner-requests-disabled");
					assertThat(refused.status().value()).isEqualTo(409);
				});
			assertNothingStored();
			verify(PromoCodeRequestServiceTest.this.history).record(HistoryEvent.refused(PROGRAM, PAT, Channel.API,
					new Subject(SubjectType.PROMO_CODE_SETTINGS, PROGRAM_ID, "Acme Outdoor US"),
					"partner-requests-disabled", Map.of("request", new FieldChange(null, "open"))));
		}

		@Test
		void theSettingIsCheckedBeforeTheRequestSoEvenAnInvalidOneIsRefusedAsDisabled() {
			given(PromoCodeRequestServiceTest.this.settings.partnerRequestsAllowed(PROGRAM_ID)).willReturn(false);

			assertThatThrownBy(() -> submit(new NewRequest(List.of(), TODAY.minusDays(1), null)))
				.isInstanceOf(PartnerRequestsDisabled.class);
		}

		@Test
		void repeatedCodesCountOnceWhateverTheirCaseAndBlankEntriesAreIgnored() {
			RequestView submitted = submit(new NewRequest(Arrays.asList("TRAIL15", " trail15 ", "", null, "  Trail20"),
					null, null));

			assertThat(submitted.suggestedCodes()).containsExactly("TRAIL15", "Trail20");
		}

		@Test
		void fiveDistinctCodesAreAcceptedEvenWithRepeats() {
			RequestView submitted = submit(
					new NewRequest(List.of("A1", "B2", "C3", "D4", "E5", "a1", "b2"), null, null));

			assertThat(submitted.suggestedCodes()).containsExactly("A1", "B2", "C3", "D4", "E5");
		}

		@Test
		void aDateNeededOfTodayAndBlankInstructionsAreAccepted() {
			RequestView submitted = submit(new NewRequest(List.of("TRAIL15"), TODAY, "   "));

			assertThat(submitted.dateNeeded()).isEqualTo(TODAY);
			assertThat(submitted.instructions()).isNull();
		}

		@Test
		void onlyBlankCodesAreRefusedNamingSuggestedCodes() {
			assertInvalid(() -> submit(new NewRequest(Arrays.asList(" ", null, ""), null, null)), "suggestedCodes",
					"request.error.codesRequired");
		}

		@ParameterizedTest
		@ValueSource(strings = { "bad code", "TRAIL+15", "été", "A1234567890123456789012345678901234567890123456789012345678901234" })
		void aCodeThatCouldNotBeAnExactCodeIsRefusedNamingSuggestedCodes(String code) {
			assertInvalid(() -> submit(new NewRequest(List.of("TRAIL15", code), null, null)), "suggestedCodes",
					"request.error.codeFormat");
		}

		@Test
		void sixDistinctCodesAreRefusedNamingSuggestedCodes() {
			assertInvalid(() -> submit(new NewRequest(List.of("A1", "B2", "C3", "D4", "E5", "F6"), null, null)),
					"suggestedCodes", "request.error.tooManyCodes");
		}

		@Test
		void aDateNeededInThePastIsRefusedNamingDateNeeded() {
			assertInvalid(() -> submit(new NewRequest(List.of("TRAIL15"), TODAY.minusDays(1), null)),
					"dateNeeded", "request.error.dateInPast");
		}

		@Test
		void instructionsLongerThan2000CharactersAreRefusedNamingInstructions() {
			assertInvalid(() -> submit(new NewRequest(List.of("TRAIL15"), null, "x".repeat(2001))), "instructions",
					"request.error.instructionsTooLong");
		}

		@Test
		void instructionsOf2000CharactersAreAccepted() {
			assertThat(submit(new NewRequest(List.of("TRAIL15"), null, "x".repeat(2000))).instructions()).hasSize(2000);
		}

	}

	// ---------------------------------------------------------------- reading

	@Nested
	class Reading {

		private final Map<Long, String> names = Map.of(TRAILBLAZER, "Trailblazer Deals", OTHER_PARTNER,
				"Other Deals");

		@Test
		void aPageAsksForOneRequestMoreThanItShowsToTellThatAnotherPageFollows() {
			given(PromoCodeRequestServiceTest.this.store.slice(PROGRAM_ID, null, null, this.names, 20, 11))
				.willReturn(views(11));

			PageOf<RequestView> page = PromoCodeRequestServiceTest.this.service.forBrand(ALICE, PROGRAM_ID, null, null, 2, 10);

			assertThat(page.items()).extracting(RequestView::id).containsExactlyElementsOf(ids(10));
			assertThat(page.hasNext()).isTrue();
			assertThat(page.page()).isEqualTo(2);
			assertThat(page.size()).isEqualTo(10);
		}

		@Test
		void theLastPageSaysNoneFollows() {
			given(PromoCodeRequestServiceTest.this.store.slice(PROGRAM_ID, null, null, this.names, 0, 11))
				.willReturn(views(10));

			PageOf<RequestView> page = PromoCodeRequestServiceTest.this.service.forBrand(ALICE, PROGRAM_ID, null, null, 0, 10);

			assertThat(page.items()).hasSize(10);
			assertThat(page.hasNext()).isFalse();
		}

		@Test
		void theStateAndPartnerFiltersAreLeftToTheStoreWithThePartnersNames() {
			given(PromoCodeRequestServiceTest.this.store.slice(PROGRAM_ID, OTHER_PARTNER, RequestState.OPEN,
					this.names, 0, 51))
				.willReturn(views(1));

			assertThat(PromoCodeRequestServiceTest.this.service
				.forBrand(ALICE, PROGRAM_ID, RequestState.OPEN, OTHER_PARTNER, 0, 50)
				.items()).hasSize(1);
		}

		@Test
		void theBrandListChecksAccessFirst() {
			given(PromoCodeRequestServiceTest.this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.forBrand(ALICE, 99L, null, null, 0, 50))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.requests, PromoCodeRequestServiceTest.this.store);
		}

		@Test
		void aPartnerReadsOnlyTheirOwnRequestsOfAProgramTheyBelongTo() {
			given(PromoCodeRequestServiceTest.this.store.slice(PROGRAM_ID, TRAILBLAZER, null, this.names, 100, 101))
				.willReturn(views(3));

			PageOf<RequestView> own = PromoCodeRequestServiceTest.this.service.ownIn(PAT, PROGRAM_ID, 1, 100);

			assertThat(own.items()).hasSize(3);
			assertThat(own.hasNext()).isFalse();
			verify(PromoCodeRequestServiceTest.this.store).slice(PROGRAM_ID, TRAILBLAZER, null, this.names, 100, 101);
			verifyNoMoreInteractions(PromoCodeRequestServiceTest.this.store);
		}

		@Test
		void aPartnerOutsideTheProgramReadsNothing() {
			given(PromoCodeRequestServiceTest.this.catalog.requireJoined(PAT, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.ownIn(PAT, 99L, 0, 100))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.requests, PromoCodeRequestServiceTest.this.store);
		}

		@Test
		void aPartnersStartPageReadsAPageOfTheirRequestsInEveryProgramWithTheirName() {
			given(PromoCodeRequestServiceTest.this.catalog.partnerOf(PAT))
				.willReturn(Optional.of(new PartnerView(TRAILBLAZER, "Trailblazer Deals")));
			given(PromoCodeRequestServiceTest.this.store.sliceOfPartner(TRAILBLAZER, "Trailblazer Deals", 50, 51))
				.willReturn(views(51));

			PageOf<RequestView> own = PromoCodeRequestServiceTest.this.service.allOwn(PAT, 1, 50);

			assertThat(own.items()).extracting(RequestView::id).containsExactlyElementsOf(ids(50));
			assertThat(own.hasNext()).isTrue();
		}

		@Test
		void someoneWhoIsNoPartnerHasNoRequestsOfTheirOwn() {
			PageOf<RequestView> none = PromoCodeRequestServiceTest.this.service.allOwn(ALICE, 0, 50);

			assertThat(none.items()).isEmpty();
			assertThat(none.hasNext()).isFalse();
			verifyNoInteractions(PromoCodeRequestServiceTest.this.store);
		}

		private static List<Long> ids(int count) {
			return java.util.stream.LongStream.rangeClosed(1, count).map(n -> 1_000 - n).boxed().toList();
		}

		private static List<RequestView> views(int count) {
			return ids(count).stream().map(id -> open(id, TRAILBLAZER).toView("Trailblazer Deals")).toList();
		}

		@Test
		void aPartnerGetsTheirOwnRequestButAnotherPartnersIsNotFound() {
			given(PromoCodeRequestServiceTest.this.requests.findInProgram(1, PROGRAM_ID))
				.willReturn(Optional.of(decided(1, TRAILBLAZER, true)));

			RequestView own = PromoCodeRequestServiceTest.this.service.get(PAT, PROGRAM_ID, 1);

			assertThat(own.approvedCode()).isEqualTo("TRAIL20");
			assertThat(own.decisionComment()).isEqualTo("Use this one");
			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.get(OLGA, PROGRAM_ID, 1))
				.isInstanceOf(RequestNotFound.class);
		}

		@Test
		void theBrandGetsAnyRequestOfItsProgram() {
			given(PromoCodeRequestServiceTest.this.requests.findInProgram(2, PROGRAM_ID))
				.willReturn(Optional.of(open(2, OTHER_PARTNER)));
			given(PromoCodeRequestServiceTest.this.requests.findInProgram(3, PROGRAM_ID)).willReturn(Optional.empty());

			assertThat(PromoCodeRequestServiceTest.this.service.get(ALICE, PROGRAM_ID, 2).partnerName())
				.isEqualTo("Other Deals");
			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.get(ALICE, PROGRAM_ID, 3))
				.isInstanceOf(RequestNotFound.class);
		}

	}

	// ---------------------------------------------------------------- deciding

	@Nested
	class Deciding {

		@Test
		void approvingWithAnotherCodeCreatesThatCodeForThePartnerAndRecordsIt() {
			PromoCodeRequest request = openForUpdate(21);
			codeCreatedAs("TRAIL20");

			RequestView approved = decide(21, true, " TRAIL20 ", "  Here you go ");

			verify(PromoCodeRequestServiceTest.this.promoCodes).create(ALICE, PROGRAM_ID,
					NewPromoCode.forPartner(TRAILBLAZER, "TRAIL20"), Channel.API, "Here you go");
			assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
			assertThat(approved.approvedCode()).isEqualTo("TRAIL20");
			assertThat(approved.promoCodeId()).isEqualTo(CREATED_CODE_ID);
			assertThat(approved.decidedBy()).isEqualTo("alice@acme.example");
			assertThat(approved.decidedAt()).isEqualTo(NOW);
			assertThat(approved.decisionComment()).isEqualTo("Here you go");
			assertThat(approved.suggestedCodes()).containsExactly("TRAIL15", "TRAIL16");
			assertThat(request.state()).isEqualTo(RequestState.APPROVED);
			verify(PromoCodeRequestServiceTest.this.history).record(HistoryEvent.changed(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE_REQUEST, 21, "TRAIL15, TRAIL16"), "Here you go",
					Map.of("request", new FieldChange("open", "approved"))));
		}

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { "   " })
		void approvingWithoutACodeCreatesThePartnersFirstSuggestion(String approvedCode) {
			openForUpdate(22);
			codeCreatedAs("TRAIL15");

			RequestView approved = decide(22, true, approvedCode, null);

			verify(PromoCodeRequestServiceTest.this.promoCodes).create(ALICE, PROGRAM_ID,
					NewPromoCode.forPartner(TRAILBLAZER, "TRAIL15"), Channel.API, null);
			assertThat(approved.approvedCode()).isEqualTo("TRAIL15");
			assertThat(approved.decisionComment()).isNull();
		}

		@Test
		void theApprovedCodeIsTheCodeAsCreated() {
			openForUpdate(23);
			given(PromoCodeRequestServiceTest.this.promoCodes.create(any(CurrentUser.class), anyLong(), any(), any(), any()))
				.willReturn(view(CREATED_CODE_ID, "Trail20"));

			assertThat(decide(23, true, "Trail20", null).approvedCode()).isEqualTo("Trail20");
		}

		@Test
		void approvingCreatesAnExactCodeThatCreditsAlwaysFromNowOn() {
			NewPromoCode command = NewPromoCode.forPartner(TRAILBLAZER, "TRAIL20");

			assertThat(command).isEqualTo(
					new NewPromoCode(TRAILBLAZER, "TRAIL20", null, null, null, CreditPolicy.ALWAYS, MatchType.EXACT));
		}

		@Test
		void whenTheCodeCannotBeCreatedTheRequestStaysOpenAndNothingIsRecorded() throws Exception {
			PromoCodeRequest request = openForUpdate(24);
			given(PromoCodeRequestServiceTest.this.promoCodes.create(any(CurrentUser.class), anyLong(), any(), any(), any()))
				.willThrow(newInstance(DuplicatePromoCode.class));

			assertThatThrownBy(() -> decide(24, true, "TRAIL20", null)).isInstanceOf(DuplicatePromoCode.class);

			assertThat(request.state()).isEqualTo(RequestState.OPEN);
			assertThat(request.toView(null).approvedCode()).isNull();
			verifyNoInteractions(PromoCodeRequestServiceTest.this.history);
		}

		@Test
		void anApprovedCodeThePromoCodesRefuseIsReportedUnderApprovedCodeTheFieldTheBrandSent() {
			PromoCodeRequest request = openForUpdate(26);
			given(PromoCodeRequestServiceTest.this.promoCodes.create(any(CurrentUser.class), anyLong(), any(), any(), any()))
				.willThrow(new InvalidField("code", "promoCode.error.exactFormat"));

			assertInvalid(() -> decide(26, true, "not a code", null), "approvedCode", "promoCode.error.exactFormat");

			assertThat(request.state()).isEqualTo(RequestState.OPEN);
		}

		@Test
		void approvingWhileTrackingIsOffIsRefusedByThePromoCodesAndTheRequestStaysOpen() throws Exception {
			PromoCodeRequest request = openForUpdate(25);
			given(PromoCodeRequestServiceTest.this.promoCodes.create(any(CurrentUser.class), anyLong(), any(), any(), any()))
				.willThrow(newInstance(PromoCodeTrackingDisabled.class));

			assertThatThrownBy(() -> decide(25, true, null, null)).isInstanceOf(PromoCodeTrackingDisabled.class);
			assertThat(request.state()).isEqualTo(RequestState.OPEN);
		}

		@Test
		void rejectingWithACommentRejectsWithoutCreatingACode() {
			PromoCodeRequest request = openForUpdate(26);

			RequestView rejected = decide(26, false, "IGNORED10", "  Not this season  ");

			assertThat(rejected.state()).isEqualTo(RequestState.REJECTED);
			assertThat(rejected.decisionComment()).isEqualTo("Not this season");
			assertThat(rejected.decidedBy()).isEqualTo("alice@acme.example");
			assertThat(rejected.decidedAt()).isEqualTo(NOW);
			assertThat(rejected.approvedCode()).isNull();
			assertThat(rejected.promoCodeId()).isNull();
			assertThat(request.state()).isEqualTo(RequestState.REJECTED);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.promoCodes);
			verify(PromoCodeRequestServiceTest.this.history).record(HistoryEvent.changed(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE_REQUEST, 26, "TRAIL15, TRAIL16"), "Not this season",
					Map.of("request", new FieldChange("open", "rejected"))));
		}

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { "  " })
		void rejectingWithoutACommentIsRefusedNamingCommentAndTheRequestStaysOpen(String comment) {
			PromoCodeRequest request = openForUpdate(27);

			assertInvalid(() -> decide(27, false, null, comment), "comment", "request.error.commentRequired");
			assertThat(request.state()).isEqualTo(RequestState.OPEN);
		}

		@Test
		void aCommentLongerThan1000CharactersIsRefusedNamingComment() {
			PromoCodeRequest request = openForUpdate(28);

			assertInvalid(() -> decide(28, false, null, "x".repeat(1001)), "comment", "request.error.commentTooLong");
			assertInvalid(() -> decide(28, true, null, "x".repeat(1001)), "comment", "request.error.commentTooLong");
			assertThat(request.state()).isEqualTo(RequestState.OPEN);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.promoCodes);
		}

		@ParameterizedTest
		@EnumSource(value = RequestState.class, names = { "APPROVED", "REJECTED", "COMPLETED" })
		void decidingARequestThatIsNoLongerOpenIsRefusedRecordedAsRefusedAndChangesNothing(RequestState state) {
			PromoCodeRequest request = inState(29, state);
			given(PromoCodeRequestServiceTest.this.requests.findForUpdate(29, PROGRAM_ID))
				.willReturn(Optional.of(request));
			RequestView before = request.toView("Trailblazer Deals");

			assertThatThrownBy(() -> decide(29, false, null, "changed my mind"))
				.isInstanceOfSatisfying(RequestAlreadyDecided.class, refused -> {
					assertThat(refused.problemType()).isEqualTo("request-already-decided");
					assertThat(refused.status().value()).isEqualTo(409);
				});

			assertThat(request.toView("Trailblazer Deals")).isEqualTo(before);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.promoCodes);
			verify(PromoCodeRequestServiceTest.this.history).record(new HistoryEvent(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE_REQUEST, 29, "TRAIL15, TRAIL16"), Outcome.REFUSED,
					"request-already-decided", null, Map.of("request", new FieldChange(state.value(), "rejected"))));
		}

		@Test
		void approvingAnAlreadyDecidedRequestCreatesNoCode() {
			PromoCodeRequest request = inState(30, RequestState.REJECTED);
			given(PromoCodeRequestServiceTest.this.requests.findForUpdate(30, PROGRAM_ID))
				.willReturn(Optional.of(request));

			assertThatThrownBy(() -> decide(30, true, "TRAIL99", null)).isInstanceOf(RequestAlreadyDecided.class);

			verifyNoInteractions(PromoCodeRequestServiceTest.this.promoCodes);
			ArgumentCaptor<HistoryEvent> recorded = ArgumentCaptor.forClass(HistoryEvent.class);
			verify(PromoCodeRequestServiceTest.this.history).record(recorded.capture());
			assertThat(recorded.getValue().outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(recorded.getValue().changes())
				.isEqualTo(Map.of("request", new FieldChange("rejected", "approved")));
		}

		@Test
		void decidingNeedsNoSettingSoRequestsOpenBeforeTheyWereTurnedOffCanStillBeProcessed() {
			given(PromoCodeRequestServiceTest.this.settings.partnerRequestsAllowed(PROGRAM_ID)).willReturn(false);
			openForUpdate(31);

			assertThat(decide(31, false, null, "No longer running").state()).isEqualTo(RequestState.REJECTED);
			verify(PromoCodeRequestServiceTest.this.settings, never()).partnerRequestsAllowed(anyLong());
		}

		@Test
		void decidingChecksAccessFirstAndTouchesNothing() {
			given(PromoCodeRequestServiceTest.this.catalog.require(PAT, PROGRAM_ID)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.decide(PAT, PROGRAM_ID, 21, true,
					"TRAIL20", null, Channel.API))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.requests, PromoCodeRequestServiceTest.this.promoCodes,
					PromoCodeRequestServiceTest.this.history);
		}

		@Test
		void decidingARequestOfAnotherProgramIsNotFound() {
			given(PromoCodeRequestServiceTest.this.requests.findForUpdate(40, PROGRAM_ID)).willReturn(Optional.empty());

			assertThatThrownBy(() -> decide(40, true, null, null)).isInstanceOf(RequestNotFound.class);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.promoCodes, PromoCodeRequestServiceTest.this.history);
		}

		@Test
		void decidingLocksTheRequest() {
			openForUpdate(41);

			decide(41, false, null, "no");

			verify(PromoCodeRequestServiceTest.this.requests).findForUpdate(41, PROGRAM_ID);
			verify(PromoCodeRequestServiceTest.this.requests, never()).findInProgram(anyLong(), anyLong());
		}

	}

	// ---------------------------------------------------------------- completing

	@Nested
	class Completing {

		@ParameterizedTest
		@EnumSource(value = RequestState.class, names = { "APPROVED", "REJECTED" })
		void aDecidedRequestCanBeMarkedCompleted(RequestState state) {
			PromoCodeRequest request = inState(51, state);
			given(PromoCodeRequestServiceTest.this.requests.findForUpdate(51, PROGRAM_ID))
				.willReturn(Optional.of(request));

			RequestView completed = PromoCodeRequestServiceTest.this.service.complete(ALICE, PROGRAM_ID, 51,
					Channel.API);

			assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
			assertThat(completed.completedBy()).isEqualTo("alice@acme.example");
			assertThat(completed.completedAt()).isEqualTo(NOW);
			assertThat(completed.decisionComment()).as("the decision is kept").isNotNull();
			verify(PromoCodeRequestServiceTest.this.history).record(HistoryEvent.changed(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE_REQUEST, 51, "TRAIL15, TRAIL16"), null,
					Map.of("request", new FieldChange(state.value(), "completed"))));
		}

		@ParameterizedTest
		@EnumSource(value = RequestState.class, names = { "OPEN", "COMPLETED" })
		void aRequestThatIsOpenOrAlreadyCompletedCannotBeCompleted(RequestState state) {
			PromoCodeRequest request = inState(52, state);
			given(PromoCodeRequestServiceTest.this.requests.findForUpdate(52, PROGRAM_ID))
				.willReturn(Optional.of(request));
			RequestView before = request.toView("Trailblazer Deals");

			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.complete(ALICE, PROGRAM_ID, 52,
					Channel.API))
				.isInstanceOfSatisfying(RequestNotDecided.class, refused -> {
					assertThat(refused.problemType()).isEqualTo("request-not-decided");
					assertThat(refused.status().value()).isEqualTo(409);
				});
			assertThat(request.toView("Trailblazer Deals")).isEqualTo(before);
			verify(PromoCodeRequestServiceTest.this.history).record(HistoryEvent.refused(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE_REQUEST, 52, "TRAIL15, TRAIL16"), "request-not-decided",
					Map.of("request", new FieldChange(state.value(), RequestState.COMPLETED.value()))));
		}

		@Test
		void completingChecksAccessFirst() {
			given(PromoCodeRequestServiceTest.this.catalog.require(PAT, PROGRAM_ID)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.complete(PAT, PROGRAM_ID, 51,
					Channel.API))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeRequestServiceTest.this.requests, PromoCodeRequestServiceTest.this.history);
		}

		@Test
		void completingARequestOfAnotherProgramIsNotFound() {
			given(PromoCodeRequestServiceTest.this.requests.findForUpdate(53, PROGRAM_ID)).willReturn(Optional.empty());

			assertThatThrownBy(() -> PromoCodeRequestServiceTest.this.service.complete(ALICE, PROGRAM_ID, 53,
					Channel.API))
				.isInstanceOf(RequestNotFound.class);
		}

	}

	// ---------------------------------------------------------------- helpers

	private RequestView submit(NewRequest request) {
		return this.service.submit(PAT, PROGRAM_ID, request, Channel.API);
	}

	private RequestView decide(long requestId, boolean approve, String approvedCode, String comment) {
		return this.service.decide(ALICE, PROGRAM_ID, requestId, approve, approvedCode, comment, Channel.API);
	}

	private PromoCodeRequest openForUpdate(long id) {
		PromoCodeRequest request = open(id, TRAILBLAZER);
		given(this.requests.findForUpdate(id, PROGRAM_ID)).willReturn(Optional.of(request));
		return request;
	}

	private void codeCreatedAs(String code) {
		given(this.promoCodes.create(eq(ALICE), eq(PROGRAM_ID), any(NewPromoCode.class), eq(Channel.API), any()))
			.willReturn(view(CREATED_CODE_ID, code));
	}

	private static PromoCodeView view(long id, String code) {
		return new PromoCodeView(id, PROGRAM_ID, TRAILBLAZER, "Trailblazer Deals", code, MatchType.EXACT,
				CreditPolicy.ALWAYS, NOW, null, "UTC", PromoCodeState.ACTIVE, NOW, "alice@acme.example", null, null, null);
	}

	private static PromoCodeRequest open(long id, long partnerId) {
		PromoCodeRequest request = new PromoCodeRequest(PROGRAM_ID, partnerId, List.of("TRAIL15", "TRAIL16"),
				LocalDate.of(2026, 12, 1), "Winter", NOW.minusSeconds(3600), "pat@partner.example");
		ReflectionTestUtils.setField(request, "id", id);
		return request;
	}

	private static PromoCodeRequest decided(long id, long partnerId, boolean approved) {
		PromoCodeRequest request = open(id, partnerId);
		if (approved) {
			request.approve("TRAIL20", CREATED_CODE_ID, "carol@csm.example", NOW.minusSeconds(60), "Use this one");
		}
		else {
			request.reject("carol@csm.example", NOW.minusSeconds(60), "Not now");
		}
		return request;
	}

	private static PromoCodeRequest inState(long id, RequestState state) {
		return switch (state) {
			case OPEN -> open(id, TRAILBLAZER);
			case APPROVED -> decided(id, TRAILBLAZER, true);
			case REJECTED -> decided(id, TRAILBLAZER, false);
			case COMPLETED -> {
				PromoCodeRequest request = decided(id, TRAILBLAZER, true);
				request.complete("carol@csm.example", NOW.minusSeconds(30));
				yield request;
			}
		};
	}

	/** Refusals of another package whose constructors are not public, as the real code would throw them. */
	private static <T extends DomainException> T newInstance(Class<T> type) throws Exception {
		Constructor<T> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		return constructor.newInstance();
	}

	private PromoCodeRequest savedRequest() {
		ArgumentCaptor<PromoCodeRequest> saved = ArgumentCaptor.forClass(PromoCodeRequest.class);
		verify(this.requests).save(saved.capture());
		return saved.getValue();
	}

	private void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
			String reasonKey) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidField.class, invalid -> {
			assertThat(invalid.field()).isEqualTo(field);
			assertThat(invalid.reasonKey()).isEqualTo(reasonKey);
		});
		assertNothingStored();
	}

	/** No request saved and no change in the history; a refused attempt may be recorded. */
	private void assertNothingStored() {
		verify(this.requests, never()).save(any());
		verify(this.history, never()).record(argThat(entry -> entry.outcome() == Outcome.CHANGED));
	}

}
