package com.promotracking.promocodes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

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
import com.promotracking.settings.TrackingSettings;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The rules of tracking promo codes, with the catalog, the settings, storage and history mocked and the clock
 * fixed: who may act, when a code may be created, what makes a code invalid or ambiguous, how dates are read,
 * the state of a code at a given instant, and deactivation.
 */
class PromoCodeServiceTest {

	private static final long PROGRAM_ID = 11;

	private static final long TRAILBLAZER = 5;

	private static final long OTHER_PARTNER = 6;

	private static final long SAVED_ID = 42;

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final CurrentUser PAT = new CurrentUser(9, "pat@partner.example", "Pat Lee", Role.PARTNER,
			Set.of(), TRAILBLAZER);

	private static final ProgramView PROGRAM = new ProgramView(PROGRAM_ID, "Acme Outdoor US", 1, "Acme Outdoor");

	private final ProgramCatalog catalog = mock(ProgramCatalog.class);

	private final TrackingSettings settings = mock(TrackingSettings.class);

	private final TrackingPromoCodeRepository codes = mock(TrackingPromoCodeRepository.class);

	private final PromoCodeStore store = mock(PromoCodeStore.class);

	private final History history = mock(History.class);

	private final PromoCodeService service = new PromoCodeService(this.catalog, this.settings, this.codes, this.store,
			this.history, new ChangeTransactions(mock(PlatformTransactionManager.class), this.history),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void aliceManagesTheProgramWhoseTrackingIsOn() {
		given(this.catalog.require(ALICE, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.catalog.requireJoined(PAT, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.catalog.partnerIn(PROGRAM_ID, TRAILBLAZER))
			.willReturn(Optional.of(new PartnerView(TRAILBLAZER, "Trailblazer Deals")));
		given(this.catalog.partnerIn(PROGRAM_ID, OTHER_PARTNER))
			.willReturn(Optional.of(new PartnerView(OTHER_PARTNER, "Other Deals")));
		given(this.catalog.partnerNames(PROGRAM_ID))
			.willReturn(Map.of(TRAILBLAZER, "Trailblazer Deals", OTHER_PARTNER, "Other Deals"));
		given(this.settings.trackingEnabled(PROGRAM_ID)).willReturn(true);
		given(this.codes.save(any())).willAnswer(invocation -> {
			TrackingPromoCode code = invocation.getArgument(0);
			ReflectionTestUtils.setField(code, "id", SAVED_ID);
			return code;
		});
	}

	// ---------------------------------------------------------------- creating: access and settings

	@Nested
	class WhoMayCreateAndWhen {

		@Test
		void accessIsCheckedFirstAndNothingIsReadOrStoredForAProgramTheUserMayNotSee() {
			given(PromoCodeServiceTest.this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> create(99L, exact(TRAILBLAZER, "SPRING10"))).isInstanceOf(ProgramNotFound.class);

			verifyNoInteractions(PromoCodeServiceTest.this.settings, PromoCodeServiceTest.this.codes,
					PromoCodeServiceTest.this.history);
		}

		@Test
		void creatingIsRefusedWhileTheProgramsTrackingIsOffAndNothingIsStored() {
			given(PromoCodeServiceTest.this.settings.trackingEnabled(PROGRAM_ID)).willReturn(false);

			assertThatThrownBy(() -> create(exact(TRAILBLAZER, "SPRING10")))
				.isInstanceOf(PromoCodeTrackingDisabled.class)
				.satisfies(refused -> assertThat(((PromoCodeTrackingDisabled) refused).problemType())
					.isEqualTo("promo-code-tracking-disabled"));

			assertNothingStored();
		}

		@Test
		void trackingIsCheckedBeforeTheCodeSoEvenAnInvalidCodeIsRefusedAsTrackingDisabled() {
			given(PromoCodeServiceTest.this.settings.trackingEnabled(PROGRAM_ID)).willReturn(false);

			assertThatThrownBy(() -> create(exact(null, "bad code"))).isInstanceOf(PromoCodeTrackingDisabled.class);
			assertNothingStored();
		}

		@Test
		void aCodeCreatedForAnotherFeatureStillNeedsTrackingOnAndTheAttemptIsInTheHistory() {
			given(PromoCodeServiceTest.this.settings.trackingEnabled(PROGRAM_ID)).willReturn(false);

			assertThatThrownBy(() -> PromoCodeServiceTest.this.service.create(ALICE, PROGRAM_ID,
					NewPromoCode.forPartner(TRAILBLAZER, "TRAIL20"), Channel.PAGE, "ok"))
				.isInstanceOf(PromoCodeTrackingDisabled.class);
			verify(PromoCodeServiceTest.this.history).record(HistoryEvent.refused(PROGRAM, ALICE, Channel.PAGE,
					new Subject(SubjectType.PROMO_CODE_SETTINGS, PROGRAM_ID, PROGRAM.name()),
					"promo-code-tracking-disabled", Map.of("promoCode", new FieldChange(null, "created"))));
			assertNothingStored();
		}

	}

	// ---------------------------------------------------------------- creating: what is stored

	@Nested
	class Creating {

		@Test
		void anExactCodeWithDefaultsStartsNowNeverEndsInUtcCreditsAlwaysAndIsActive() {
			PromoCodeView created = create(new NewPromoCode(TRAILBLAZER, "SPRING10", null, null, null, null, null));

			assertThat(created).isEqualTo(new PromoCodeView(SAVED_ID, PROGRAM_ID, TRAILBLAZER, "Trailblazer Deals",
					"SPRING10", MatchType.EXACT, CreditPolicy.ALWAYS, NOW, null, "UTC", PromoCodeState.ACTIVE, NOW,
					"alice@acme.example", null, null, null));
			TrackingPromoCode saved = savedCode();
			assertThat(ReflectionTestUtils.getField(saved, "programId")).isEqualTo(PROGRAM_ID);
			assertThat(saved.partnerId()).isEqualTo(TRAILBLAZER);
			assertThat(ReflectionTestUtils.getField(saved, "codeKey")).isEqualTo("exact:spring10");
			assertThat(ReflectionTestUtils.getField(saved, "startsAt")).isEqualTo(NOW);
			assertThat(ReflectionTestUtils.getField(saved, "endsAt")).isNull();
			assertThat(ReflectionTestUtils.getField(saved, "timeZone")).isEqualTo("UTC");
			assertThat(ReflectionTestUtils.getField(saved, "createdBy")).isEqualTo("alice@acme.example");
			assertThat(saved.deactivated()).isFalse();
		}

		@Test
		void blankDatesAndTimeZoneMeanNowNeverAndUtc() {
			PromoCodeView created = create(new NewPromoCode(TRAILBLAZER, "SPRING10", Moment.parse("  "), Moment.parse(""),
					TimeZones.parse(" "), null, null));

			assertThat(created.startsAt()).isEqualTo(NOW);
			assertThat(created.endsAt()).isNull();
			assertThat(created.timeZone()).isEqualTo("UTC");
		}

		@Test
		void theChosenCreditPolicyAndMatchTypeAreKept() {
			PromoCodeView created = create(new NewPromoCode(TRAILBLAZER, "TRAIL[0-9]+", null, null, null,
					CreditPolicy.IF_WINNER, MatchType.REGEX));

			assertThat(created.creditPolicy()).isEqualTo(CreditPolicy.IF_WINNER);
			assertThat(created.matchType()).isEqualTo(MatchType.REGEX);
			assertThat(ReflectionTestUtils.getField(savedCode(), "codeKey")).isEqualTo("regex:TRAIL[0-9]+");
		}

		@Test
		void theCodeIsStoredWithoutSurroundingSpacesButWithItsCase() {
			PromoCodeView created = create(exact(TRAILBLAZER, "  Spring10 "));

			assertThat(created.code()).isEqualTo("Spring10");
			assertThat(savedCode().code()).isEqualTo("Spring10");
		}

		@Test
		void theCreationIsRecordedInTheHistoryWithThePartner() {
			create(exact(TRAILBLAZER, "SPRING10"));

			verify(PromoCodeServiceTest.this.history).record(HistoryEvent.changed(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE, SAVED_ID, "SPRING10"), null,
					Map.of("promoCode", new FieldChange(null, "created"), "partner",
							new FieldChange(null, "Trailblazer Deals"))));
		}

		@Test
		void aCodeCreatedForAnotherFeatureCarriesItsCommentIntoTheHistory() {
			PromoCodeView created = PromoCodeServiceTest.this.service.create(ALICE, PROGRAM_ID,
					NewPromoCode.forPartner(TRAILBLAZER, "TRAIL20"), Channel.PAGE, "approved request");

			assertThat(created.code()).isEqualTo("TRAIL20");
			assertThat(created.matchType()).isEqualTo(MatchType.EXACT);
			assertThat(created.creditPolicy()).isEqualTo(CreditPolicy.ALWAYS);
			assertThat(created.state()).isEqualTo(PromoCodeState.ACTIVE);
			ArgumentCaptor<HistoryEvent> recorded = ArgumentCaptor.forClass(HistoryEvent.class);
			verify(PromoCodeServiceTest.this.history).record(recorded.capture());
			assertThat(recorded.getValue().comment()).isEqualTo("approved request");
			assertThat(recorded.getValue().channel()).isEqualTo(Channel.PAGE);
		}

		@Test
		void aCodeStartingLaterIsFuture() {
			PromoCodeView created = create(dated("2026-12-01T00:00:00Z", null, null));

			assertThat(created.state()).isEqualTo(PromoCodeState.FUTURE);
			assertThat(created.startsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		}

		@Test
		void aCodeWhoseDatesAreAllPastIsExpiredFromTheStart() {
			PromoCodeView created = create(dated("2026-01-01", "2026-02-01", null));

			assertThat(created.state()).isEqualTo(PromoCodeState.EXPIRED);
		}

	}

	// ---------------------------------------------------------------- creating: partner and code

	@Nested
	class PartnerAndCodeRules {

		@Test
		void aMissingPartnerIsRefusedNamingPartnerId() {
			assertInvalid(() -> create(exact(null, "SPRING10")), "partnerId", "promoCode.error.partnerRequired");
		}

		@Test
		void aPartnerOutsideTheProgramIsRefusedNamingPartnerId() {
			given(PromoCodeServiceTest.this.catalog.partnerIn(PROGRAM_ID, 999L)).willReturn(Optional.empty());

			assertInvalid(() -> create(exact(999L, "SPRING10")), "partnerId", "promoCode.error.unknownPartner");
		}

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { "   " })
		void aMissingCodeIsRefusedNamingCode(String code) {
			assertInvalid(() -> create(exact(TRAILBLAZER, code)), "code", "promoCode.error.codeRequired");
		}

		@ParameterizedTest
		@ValueSource(strings = { "bad code", "TRAIL+10", "été10", "a.b",
				"A1234567890123456789012345678901234567890123456789012345678901234" })
		void anExactCodeWithOtherCharactersOrLongerThan64IsRefusedNamingCode(String code) {
			assertInvalid(() -> create(exact(TRAILBLAZER, code)), "code", "promoCode.error.exactFormat");
		}

		@Test
		void anExactCodeOf64LettersDigitsDashesAndUnderscoresIsAccepted() {
			String code = "Ab-_" + "9".repeat(60);

			assertThat(create(exact(TRAILBLAZER, code)).code()).isEqualTo(code);
		}

		@Test
		void anExactCodeTheProgramAlreadyHasInAnyCaseIsADuplicate() {
			given(PromoCodeServiceTest.this.codes.findByProgramIdAndCodeKey(PROGRAM_ID, "exact:spring10"))
				.willReturn(Optional.of(stored(TRAILBLAZER, "SPRING10", MatchType.EXACT)));

			assertThatThrownBy(() -> create(exact(TRAILBLAZER, "Spring10"))).isInstanceOf(DuplicatePromoCode.class)
				.satisfies(refused -> assertThat(((DuplicatePromoCode) refused).problemType())
					.isEqualTo("duplicate-promo-code"));
			assertNothingStored();
			verify(PromoCodeServiceTest.this.history).record(HistoryEvent.refused(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE, 900, "SPRING10"), "duplicate-promo-code",
					Map.of("promoCode", new FieldChange(null, "created"), "partner",
							new FieldChange(null, "Trailblazer Deals"))));
		}

		@Test
		void aRegexIsADuplicateOnlyWhenWrittenTheSameWay() {
			given(PromoCodeServiceTest.this.codes.findByProgramIdAndCodeKey(PROGRAM_ID, "regex:TRAIL[0-9]+"))
				.willReturn(Optional.of(stored(TRAILBLAZER, "TRAIL[0-9]+", MatchType.REGEX)));

			assertThatThrownBy(() -> create(regex(TRAILBLAZER, "TRAIL[0-9]+"))).isInstanceOf(DuplicatePromoCode.class);
			assertThat(create(regex(TRAILBLAZER, "trail[0-9]+")).code()).isEqualTo("trail[0-9]+");
		}

		@Test
		void aRegexThatDoesNotCompileIsRefusedNamingCode() {
			assertInvalid(() -> create(regex(TRAILBLAZER, "TRAIL(")), "code", "promoCode.error.regexInvalid");
		}

		/** Conversions are matched with RE2/J: Java's backreferences and lookaround could never match there. */
		@ParameterizedTest
		@ValueSource(strings = { "(TRAIL)\\1", "TRAIL(?=15)[0-9]+", "(?<!X)TRAIL.*" })
		void aRegexOutsideTheRe2SyntaxIsRefusedNamingCode(String regex) {
			assertInvalid(() -> create(regex(TRAILBLAZER, regex)), "code", "promoCode.error.regexInvalid");
		}

		@Test
		void aRegexLongerThan200CharactersIsRefusedNamingCode() {
			assertInvalid(() -> create(regex(TRAILBLAZER, "A".repeat(201))), "code", "promoCode.error.regexTooLong");
		}

		@Test
		void aRegexOfExactly200CharactersIsAccepted() {
			assertThat(create(regex(TRAILBLAZER, "A".repeat(200))).code()).hasSize(200);
		}

	}

	// ---------------------------------------------------------------- creating: no ambiguous partner

	@Nested
	class CrossPartnerRules {

		@Test
		void aRegexMatchingAnotherPartnersLiveExactCodeIsRefusedNamingCode() {
			othersLive(MatchType.EXACT, stored(OTHER_PARTNER, "OTHER10", MatchType.EXACT));

			assertInvalid(() -> create(regex(TRAILBLAZER, "OTHER[0-9]+")), "code",
					"promoCode.error.regexMatchesOtherPartnersCode");
		}

		@Test
		void aRegexMatchingAnotherPartnersExactCodeOnlyInAnotherCaseIsRefusedToo() {
			// OTHER10 credits its partner as other10 too, which this regex matches.
			othersLive(MatchType.EXACT, stored(OTHER_PARTNER, "OTHER10", MatchType.EXACT));

			assertInvalid(() -> create(regex(TRAILBLAZER, "other[0-9]+")), "code",
					"promoCode.error.regexMatchesOtherPartnersCode");
		}

		@Test
		void aNewExactCodeMatchedByAnotherPartnersRegexOnlyInAnotherCaseIsRefusedToo() {
			othersLive(MatchType.REGEX, stored(OTHER_PARTNER, "TRAIL[0-9]+", MatchType.REGEX));

			assertInvalid(() -> create(exact(TRAILBLAZER, "trail5")), "code",
					"promoCode.error.matchedByOtherPartnersRegex");
		}

		@Test
		void aRegexThatBacktracksForeverOnAnotherPartnersCodeIsRefusedInsteadOfStallingTheRequest() {
			// Java defuses simple nested loops such as (a+)+b, but not this one: seconds of backtracking.
			othersLive(MatchType.EXACT, stored(OTHER_PARTNER, "a".repeat(30) + "-", MatchType.EXACT));

			long started = System.nanoTime();
			assertInvalid(() -> create(regex(TRAILBLAZER, "(.*a){12}b")), "code", "promoCode.error.regexTooComplex");
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
		}

		@Test
		void aRegexNotMatchingAnyOtherPartnersExactCodeIsAccepted() {
			othersLive(MatchType.EXACT, stored(OTHER_PARTNER, "OTHER10", MatchType.EXACT));

			assertThat(create(regex(TRAILBLAZER, "TRAIL[0-9]+")).code()).isEqualTo("TRAIL[0-9]+");
		}

		@Test
		void aNewExactCodeMatchedByAnotherPartnersLiveRegexIsRefusedNamingCode() {
			othersLive(MatchType.REGEX, stored(OTHER_PARTNER, "OTHER[0-9]+", MatchType.REGEX));

			assertInvalid(() -> create(exact(TRAILBLAZER, "OTHER42")), "code",
					"promoCode.error.matchedByOtherPartnersRegex");
		}

		@Test
		void aNewExactCodeNotMatchedByAnotherPartnersRegexIsAccepted() {
			othersLive(MatchType.REGEX, stored(OTHER_PARTNER, "OTHER[0-9]+", MatchType.REGEX));

			assertThat(create(exact(TRAILBLAZER, "TRAIL42")).code()).isEqualTo("TRAIL42");
		}

		@Test
		void onlyTheLiveCodesOfTheOtherPartnersAreComparedSoDeactivatedOnesAndOwnCodesDoNotCount() {
			// The repository answers only other partners' codes that are not deactivated: here, none.
			othersLive(MatchType.EXACT);
			othersLive(MatchType.REGEX);

			assertThat(create(regex(TRAILBLAZER, "OTHER[0-9]+")).code()).isEqualTo("OTHER[0-9]+");
			assertThat(create(exact(TRAILBLAZER, "OTHER10")).code()).isEqualTo("OTHER10");

			verify(PromoCodeServiceTest.this.codes).liveCodesOfOtherPartners(PROGRAM_ID, TRAILBLAZER, MatchType.EXACT);
			verify(PromoCodeServiceTest.this.codes).liveCodesOfOtherPartners(PROGRAM_ID, TRAILBLAZER, MatchType.REGEX);
			verifyNoInteractions(PromoCodeServiceTest.this.store);
		}

		@Test
		void theOtherPartnerIsJudgedFromThePartnerOfTheNewCode() {
			othersLive(OTHER_PARTNER, MatchType.EXACT, stored(TRAILBLAZER, "TRAIL10", MatchType.EXACT));

			assertInvalid(() -> create(regex(OTHER_PARTNER, "TRAIL.*")), "code",
					"promoCode.error.regexMatchesOtherPartnersCode");
		}

		@Test
		void aRegexMustMatchTheWholeOtherCodeToConflict() {
			othersLive(MatchType.EXACT, stored(OTHER_PARTNER, "OTHER10", MatchType.EXACT));

			assertThat(create(regex(TRAILBLAZER, "OTHER")).code()).isEqualTo("OTHER");
		}

		@Test
		void aRefusalForAmbiguityStoresNothing() {
			othersLive(MatchType.EXACT, stored(OTHER_PARTNER, "OTHER10", MatchType.EXACT));

			assertThatThrownBy(() -> create(regex(TRAILBLAZER, ".*"))).isInstanceOf(InvalidField.class);
			assertNothingStored();
		}

	}

	// ---------------------------------------------------------------- creating: dates and time zone

	@Nested
	class DatesAndTimeZone {

		@Test
		void anInstantWithAnOffsetIsTakenAsIsWhateverTheTimeZone() {
			PromoCodeView created = create(dated("2026-12-01T09:00:00+02:00", null, "America/New_York"));

			assertThat(created.startsAt()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
			assertThat(created.timeZone()).isEqualTo("America/New_York");
		}

		@Test
		void aLocalDateTimeIsReadInTheCodesTimeZone() {
			PromoCodeView created = create(dated("2026-12-01T09:00", "2027-07-01T09:00", "Europe/Paris"));

			assertThat(created.startsAt()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
			assertThat(created.endsAt()).isEqualTo(Instant.parse("2027-07-01T07:00:00Z"));
			assertThat(created.timeZone()).isEqualTo("Europe/Paris");
		}

		@Test
		void aDateMeansItsFirstMomentInTheCodesTimeZone() {
			PromoCodeView created = create(dated("2026-12-01", null, "Europe/Paris"));

			assertThat(created.startsAt()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		}

		@Test
		void aLocalDateTimeWithoutTimeZoneIsReadInUtc() {
			assertThat(create(dated("2026-12-01T09:00", null, null)).startsAt())
				.isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
		}

		// Unreadable dates and time zones never reach the service: MomentTest, TimeZonesTest, PromoCodeApiIT and
		// PromoCodesControllerTest hold the refusals that were asserted here.

		@ParameterizedTest
		@CsvSource(textBlock = """
				2026-12-10, 2026-12-01
				2026-12-10T10:00, 2026-12-10T10:00
				, 2026-11-02T10:15:30Z
				, 2026-11-01
				""")
		void anEndThatIsNotAfterTheStartIsRefusedNamingEndsAt(String startsAt, String endsAt) {
			assertInvalid(() -> create(dated(startsAt, endsAt, null)), "endsAt", "promoCode.error.endBeforeStart");
		}

		@Test
		void anEndJustAfterTheStartIsAccepted() {
			PromoCodeView created = create(dated("2026-12-10T10:00", "2026-12-10T10:01", null));

			assertThat(created.endsAt()).isEqualTo(Instant.parse("2026-12-10T10:01:00Z"));
		}

	}

	// ---------------------------------------------------------------- states and lists

	@Nested
	class StatesAndLists {

		private final Map<Long, String> names = Map.of(TRAILBLAZER, "Trailblazer Deals", OTHER_PARTNER, "Other Deals");

		@Test
		void theStateOfACodeIsTakenAtTheClocksInstantSoStartingNowIsActiveAndEndingNowIsExpired() {
			TrackingPromoCode deactivated = code(6, "GONE1", NOW.plusSeconds(3600), null);
			deactivated.deactivate("carol@csm.example", NOW.minusSeconds(60));

			assertThat(code(1, "FUTURE1", NOW.plusSeconds(1), null).stateAt(NOW)).isEqualTo(PromoCodeState.FUTURE);
			assertThat(code(2, "NOW1", NOW, null).stateAt(NOW)).isEqualTo(PromoCodeState.ACTIVE);
			assertThat(code(3, "ACTIVE1", NOW.minusSeconds(3600), NOW.plusSeconds(1)).stateAt(NOW))
				.isEqualTo(PromoCodeState.ACTIVE);
			assertThat(code(4, "ENDSNOW1", NOW.minusSeconds(3600), NOW).stateAt(NOW)).isEqualTo(PromoCodeState.EXPIRED);
			assertThat(code(5, "EXPIRED1", NOW.minusSeconds(7200), NOW.minusSeconds(3600)).stateAt(NOW))
				.isEqualTo(PromoCodeState.EXPIRED);
			assertThat(deactivated.stateAt(NOW)).isEqualTo(PromoCodeState.DEACTIVATED);
		}

		@Test
		void aPageAsksForOneCodeMoreThanItShowsToTellThatAnotherPageFollows() {
			given(PromoCodeServiceTest.this.store.slice(PROGRAM_ID, null, null, NOW, this.names, 20, 11))
				.willReturn(views(11));

			PageOf<PromoCodeView> page = PromoCodeServiceTest.this.service.list(ALICE, PROGRAM_ID, null, null, 2, 10);

			assertThat(page.items()).extracting(PromoCodeView::id).containsExactlyElementsOf(ids(10));
			assertThat(page.hasNext()).isTrue();
			assertThat(page.page()).isEqualTo(2);
		}

		@Test
		void theLastPageSaysNoneFollows() {
			given(PromoCodeServiceTest.this.store.slice(PROGRAM_ID, null, null, NOW, this.names, 0, 11))
				.willReturn(views(10));

			PageOf<PromoCodeView> page = PromoCodeServiceTest.this.service.list(ALICE, PROGRAM_ID, null, null, 0, 10);

			assertThat(page.items()).hasSize(10);
			assertThat(page.hasNext()).isFalse();
		}

		@Test
		void thePartnerAndStateFiltersAreLeftToTheStoreAtTheClocksInstant() {
			given(PromoCodeServiceTest.this.store.slice(PROGRAM_ID, OTHER_PARTNER, PromoCodeState.EXPIRED, NOW,
					this.names, 0, 51))
				.willReturn(views(1));

			assertThat(PromoCodeServiceTest.this.service
				.list(ALICE, PROGRAM_ID, OTHER_PARTNER, PromoCodeState.EXPIRED, 0, 50)
				.items()).hasSize(1);
		}

		@Test
		void listingChecksAccessFirst() {
			given(PromoCodeServiceTest.this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeServiceTest.this.service.list(ALICE, 99L, null, null, 0, 50))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeServiceTest.this.codes, PromoCodeServiceTest.this.store);
		}

		@Test
		void aPartnerReadsOnlyTheirOwnCodesOfAProgramTheyBelongTo() {
			given(PromoCodeServiceTest.this.store.slice(PROGRAM_ID, TRAILBLAZER, PromoCodeState.ACTIVE, NOW,
					this.names, 100, 101))
				.willReturn(views(3));

			PageOf<PromoCodeView> own = PromoCodeServiceTest.this.service.ownCodes(PAT, PROGRAM_ID, PromoCodeState.ACTIVE, 1,
					100);

			assertThat(own.items()).hasSize(3);
			assertThat(own.hasNext()).isFalse();
		}

		@Test
		void aPartnerOutsideTheProgramReadsNothing() {
			given(PromoCodeServiceTest.this.catalog.requireJoined(PAT, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeServiceTest.this.service.ownCodes(PAT, 99L, null, 0, 100))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeServiceTest.this.codes, PromoCodeServiceTest.this.store);
		}

		@Test
		void theExportReadsInBatchesWithTheStatesOfOneInstant() {
			Iterable<PromoCodeView> batches = List.of();
			given(PromoCodeServiceTest.this.store.all(PROGRAM_ID, TRAILBLAZER, PromoCodeState.FUTURE, NOW, this.names,
					PromoCodeService.EXPORT_BATCH))
				.willReturn(batches);

			assertThat(PromoCodeServiceTest.this.service.export(ALICE, PROGRAM_ID, TRAILBLAZER, PromoCodeState.FUTURE))
				.isSameAs(batches);
		}

		@Test
		void theExportChecksAccessBeforeAnythingIsRead() {
			given(PromoCodeServiceTest.this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeServiceTest.this.service.export(ALICE, 99L, null, null))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeServiceTest.this.store);
		}

		private static List<Long> ids(int count) {
			return java.util.stream.LongStream.rangeClosed(1, count).map(n -> 1_000 - n).boxed().toList();
		}

		private static List<PromoCodeView> views(int count) {
			return ids(count).stream()
				.map(id -> code(id, "CODE" + id, NOW.minusSeconds(60), null).toView("Trailblazer Deals", NOW))
				.toList();
		}

	}

	// ---------------------------------------------------------------- deactivating

	@Nested
	class Deactivating {

		@Test
		void deactivatingRecordsWhoAndWhenKeepsTheCodeAndTellsTheHistory() {
			TrackingPromoCode active = code(31, "TRAIL10", NOW.minusSeconds(3600), null);
			given(PromoCodeServiceTest.this.codes.findForUpdate(31, PROGRAM_ID)).willReturn(Optional.of(active));

			PromoCodeView view = PromoCodeServiceTest.this.service.deactivate(ALICE, PROGRAM_ID, 31, Channel.API);

			assertThat(view.state()).isEqualTo(PromoCodeState.DEACTIVATED);
			assertThat(view.deactivatedBy()).isEqualTo("alice@acme.example");
			assertThat(view.deactivatedAt()).isEqualTo(NOW);
			assertThat(view.code()).isEqualTo("TRAIL10");
			assertThat(active.deactivated()).isTrue();
			verify(PromoCodeServiceTest.this.history).record(HistoryEvent.changed(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE, 31, "TRAIL10"), null,
					Map.of("promoCode", new FieldChange("active", "deactivated"))));
		}

		@Test
		void theHistoryTellsTheStateTheCodeWasIn() {
			TrackingPromoCode future = code(32, "LATER10", NOW.plusSeconds(3600), null);
			given(PromoCodeServiceTest.this.codes.findForUpdate(32, PROGRAM_ID)).willReturn(Optional.of(future));

			PromoCodeServiceTest.this.service.deactivate(ALICE, PROGRAM_ID, 32, Channel.PAGE);

			ArgumentCaptor<HistoryEvent> recorded = ArgumentCaptor.forClass(HistoryEvent.class);
			verify(PromoCodeServiceTest.this.history).record(recorded.capture());
			assertThat(recorded.getValue().changes())
				.isEqualTo(Map.of("promoCode", new FieldChange("future", "deactivated")));
		}

		@Test
		void deactivatingNeedsNoTrackingSoCodesCanBeStoppedAfterTrackingWasTurnedOff() {
			given(PromoCodeServiceTest.this.settings.trackingEnabled(PROGRAM_ID)).willReturn(false);
			given(PromoCodeServiceTest.this.codes.findForUpdate(33, PROGRAM_ID))
				.willReturn(Optional.of(code(33, "TRAIL33", NOW, null)));

			assertThat(PromoCodeServiceTest.this.service.deactivate(ALICE, PROGRAM_ID, 33, Channel.API).state())
				.isEqualTo(PromoCodeState.DEACTIVATED);
		}

		@Test
		void deactivatingTwiceIsRefusedAndKeepsTheFirstDeactivation() {
			TrackingPromoCode gone = code(34, "GONE10", NOW.minusSeconds(3600), null);
			gone.deactivate("carol@csm.example", NOW.minusSeconds(60));
			given(PromoCodeServiceTest.this.codes.findForUpdate(34, PROGRAM_ID)).willReturn(Optional.of(gone));

			assertThatThrownBy(() -> PromoCodeServiceTest.this.service.deactivate(ALICE, PROGRAM_ID, 34, Channel.API))
				.isInstanceOf(AlreadyDeactivated.class)
				.satisfies(refused -> assertThat(((AlreadyDeactivated) refused).problemType())
					.isEqualTo("already-deactivated"));
			assertThat(ReflectionTestUtils.getField(gone, "deactivatedBy")).isEqualTo("carol@csm.example");
			assertThat(ReflectionTestUtils.getField(gone, "deactivatedAt")).isEqualTo(NOW.minusSeconds(60));
			verify(PromoCodeServiceTest.this.history).record(HistoryEvent.refused(PROGRAM, ALICE, Channel.API,
					new Subject(SubjectType.PROMO_CODE, 34, "GONE10"), "already-deactivated",
					Map.of("promoCode", new FieldChange("deactivated", "deactivated"))));
		}

		@Test
		void aCodeOfAnotherProgramIsNotFound() {
			given(PromoCodeServiceTest.this.codes.findForUpdate(35, PROGRAM_ID)).willReturn(Optional.empty());

			assertThatThrownBy(() -> PromoCodeServiceTest.this.service.deactivate(ALICE, PROGRAM_ID, 35, Channel.API))
				.isInstanceOf(PromoCodeNotFound.class);
			verifyNoInteractions(PromoCodeServiceTest.this.history);
		}

		@Test
		void deactivatingChecksAccessFirstAndTouchesNothing() {
			given(PromoCodeServiceTest.this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

			assertThatThrownBy(() -> PromoCodeServiceTest.this.service.deactivate(ALICE, 99L, 31, Channel.API))
				.isInstanceOf(ProgramNotFound.class);
			verifyNoInteractions(PromoCodeServiceTest.this.codes, PromoCodeServiceTest.this.history);
		}

	}

	// ---------------------------------------------------------------- helpers

	private PromoCodeView create(NewPromoCode command) {
		return create(PROGRAM_ID, command);
	}

	private PromoCodeView create(long programId, NewPromoCode command) {
		return this.service.create(ALICE, programId, command, Channel.API);
	}

	private static NewPromoCode exact(Long partnerId, String code) {
		return new NewPromoCode(partnerId, code, null, null, null, CreditPolicy.ALWAYS, MatchType.EXACT);
	}

	private static NewPromoCode regex(Long partnerId, String code) {
		return new NewPromoCode(partnerId, code, null, null, null, CreditPolicy.ALWAYS, MatchType.REGEX);
	}

	/** The dates and time zone as the form or the JSON gives them. */
	private static NewPromoCode dated(String startsAt, String endsAt, String timeZone) {
		return new NewPromoCode(TRAILBLAZER, "DATED10", Moment.parse(startsAt), Moment.parse(endsAt),
				TimeZones.parse(timeZone), null, null);
	}

	private void othersLive(MatchType type, TrackingPromoCode... found) {
		othersLive(TRAILBLAZER, type, found);
	}

	private void othersLive(long partnerId, MatchType type, TrackingPromoCode... found) {
		given(this.codes.liveCodesOfOtherPartners(PROGRAM_ID, partnerId, type))
			.willReturn(Stream.of(found).map(TrackingPromoCode::code).toList());
	}

	private static TrackingPromoCode stored(long partnerId, String code, MatchType type) {
		TrackingPromoCode stored = new TrackingPromoCode(PROGRAM_ID, partnerId, code, type, CreditPolicy.ALWAYS,
				NOW.minusSeconds(86400), null, "UTC", NOW.minusSeconds(86400), "bob@globex.example");
		ReflectionTestUtils.setField(stored, "id", 900L);
		return stored;
	}

	private static TrackingPromoCode code(long id, String code, Instant startsAt, Instant endsAt) {
		return code(TRAILBLAZER, id, code, startsAt, endsAt);
	}

	private static TrackingPromoCode code(long partnerId, long id, String code, Instant startsAt, Instant endsAt) {
		TrackingPromoCode stored = new TrackingPromoCode(PROGRAM_ID, partnerId, code, MatchType.EXACT,
				CreditPolicy.ALWAYS, startsAt, endsAt, "UTC", NOW.minusSeconds(86400), "alice@acme.example");
		ReflectionTestUtils.setField(stored, "id", id);
		return stored;
	}

	private TrackingPromoCode savedCode() {
		ArgumentCaptor<TrackingPromoCode> saved = ArgumentCaptor.forClass(TrackingPromoCode.class);
		verify(this.codes).save(saved.capture());
		return saved.getValue();
	}

	private void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
			String reasonKey) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidField.class, invalid -> {
			assertThat(invalid.field()).isEqualTo(field);
			assertThat(invalid.reasonKey()).isEqualTo(reasonKey);
			assertThat(invalid.problemType()).isEqualTo("invalid-request");
		});
		assertNothingStored();
	}

	/** No code saved and no change in the history; a refused attempt may be recorded. */
	private void assertNothingStored() {
		verify(this.codes, never()).save(any());
		verify(this.history, never()).record(argThat(entry -> entry.outcome() == Outcome.CHANGED));
	}

}
