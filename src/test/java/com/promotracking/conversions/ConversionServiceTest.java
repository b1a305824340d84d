package com.promotracking.conversions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.ConversionService.Answer;
import com.promotracking.conversions.ConversionService.BatchRecorded;
import com.promotracking.conversions.ConversionService.Posted;
import com.promotracking.conversions.ConversionService.Recorded;
import com.promotracking.eventtypes.ActiveEventTypes;
import com.promotracking.kernel.DomainException.FieldReason;
import com.promotracking.kernel.InvalidField;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.CreditPolicy;
import com.promotracking.promocodes.MatchType;
import com.promotracking.promocodes.PromoCodeRule;
import com.promotracking.promocodes.PromoCodeRules;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The rules of taking conversions, with the catalog, event types, settings and storage mocked and the clock fixed:
 * what is refused and with which field, replay and conflict (also when two arrive at once), a group of single
 * conversions answering each caller as if alone, a batch stored all or nothing, and the report's days in a time
 * zone.
 */
class ConversionServiceTest {

	private static final long PROGRAM_ID = 11;

	private static final long EVENT_TYPE = 3;

	private static final long TRAILBLAZER = 5;

	private static final long COUPON_CORNER = 6;

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final CurrentUser PAT = new CurrentUser(9, "pat@partner.example", "Pat Lee", Role.PARTNER,
			Set.of(), TRAILBLAZER);

	private static final CurrentUser BOB = new CurrentUser(8, "bob@globex.example", "Bob Stone", Role.BRAND_ADMIN,
			Set.of(2L));

	private static final ProgramView PROGRAM = new ProgramView(PROGRAM_ID, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final long OTHER_PROGRAM_ID = 12;

	private static final ProgramView OTHER_PROGRAM = new ProgramView(OTHER_PROGRAM_ID, "Acme Outdoor FR", 1,
			"Acme Outdoor");

	private static final PromoCodeRule SAVE20 = new PromoCodeRule(40, COUPON_CORNER, "SAVE20", MatchType.EXACT,
			CreditPolicy.ALWAYS, NOW.minusSeconds(86_400), null, null);

	private final ProgramCatalog catalog = mock(ProgramCatalog.class);

	private final ActiveEventTypes eventTypes = mock(ActiveEventTypes.class);

	private final TrackingSettings settings = mock(TrackingSettings.class);

	private final Matchers matchers = mock(Matchers.class);

	private final ConversionStore store = mock(ConversionStore.class);

	private final ConversionService service = new ConversionService(this.catalog, this.eventTypes, this.settings,
			this.matchers, this.store, mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void aliceManagesTheProgramWhoseTrackingIsOn() {
		given(this.catalog.require(ALICE, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.catalog.require(PAT, PROGRAM_ID)).willThrow(new ProgramNotFound());
		given(this.catalog.partnerNames(PROGRAM_ID))
			.willReturn(Map.of(TRAILBLAZER, "Trailblazer Deals", COUPON_CORNER, "Coupon Corner"));
		given(this.eventTypes.of(PROGRAM_ID)).willReturn(Set.of(EVENT_TYPE));
		given(this.settings.trackingEnabled(PROGRAM_ID)).willReturn(true);
		given(this.matchers.of(PROGRAM_ID)).willReturn(CodeMatcher.of(List.of(SAVE20)));
		given(this.store.findByOrderIds(anyLong(), anyCollection())).willReturn(Map.of());
		given(this.catalog.requireEach(eq(PROGRAM_ID), anyCollection()))
			.willAnswer(call -> managing(PROGRAM, call.getArgument(1)));
	}

	// ---------------------------------------------------------------- one conversion

	@Test
	void aNewConversionIsAttributedAndStoredReceivedNowAndOccurredNowByDefault() {
		NewConversion sent = conversion("A-1", null, "save20", List.of(new Click(TRAILBLAZER, NOW.minusSeconds(60))));
		given(this.store.insert(eq(PROGRAM_ID), eq(NOW), anyList())).willReturn(Map.of("A-1", 1L));

		Recorded recorded = this.service.record(ALICE, PROGRAM_ID, sent);

		assertThat(recorded.created()).isTrue();
		assertThat(recorded.conversion()).isEqualTo(new Conversion(1, PROGRAM_ID, "A-1", EVENT_TYPE, NOW, NOW,
				new BigDecimal("10.00"), "USD", "save20", sent.clicks(),
				new Attribution(COUPON_CORNER, By.PROMO_CODE, 40L, "SAVE20", CreditPolicy.ALWAYS, List.of())));
		verify(this.store, never()).findByOrderIds(anyLong(), anyCollection());
		verify(this.store).insert(eq(PROGRAM_ID), eq(NOW), eq(List.of(new ConversionStore.Attributed(
				conversion("A-1", NOW, "save20", sent.clicks()),
				new Attribution(COUPON_CORNER, By.PROMO_CODE, 40L, "SAVE20", CreditPolicy.ALWAYS, List.of())))));
	}

	@Test
	void aClickOfNoPartnerOfTheProgramOrAfterTheConversionNamesItsField() {
		NewConversion sent = conversion("A-2", NOW.minusSeconds(3600), null,
				List.of(new Click(99, NOW.minusSeconds(7200)), new Click(TRAILBLAZER, NOW.minusSeconds(1800))));

		assertThatThrownBy(() -> this.service.record(ALICE, PROGRAM_ID, sent)).isInstanceOfSatisfying(
				InvalidConversions.class,
				refused -> assertThat(refused.fieldReasons()).containsExactly(
						new FieldReason("clicks[0].partnerId", "conversion.error.unknownPartner"),
						new FieldReason("clicks[1].at", "conversion.error.clickAfterConversion")));
		verify(this.store, never()).insert(anyLong(), any(), anyList());
	}

	@Test
	void withoutOccurredAtAClickAfterTheTimeOfReceiptIsRefused() {
		NewConversion sent = conversion("A-3", null, null, List.of(new Click(TRAILBLAZER, NOW.plusSeconds(1))));

		assertThatThrownBy(() -> this.service.record(ALICE, PROGRAM_ID, sent))
			.isInstanceOfSatisfying(InvalidConversions.class, refused -> assertThat(refused.fieldReasons())
				.extracting(FieldReason::field)
				.containsExactly("clicks[0].at"));
	}

	@Test
	void anEventTypeThatIsNotActiveIsRefusedAndNothingStored() {
		NewConversion sent = new NewConversion("A-4", 99, NOW, BigDecimal.ONE, "USD", null, List.of());

		assertThatThrownBy(() -> this.service.record(ALICE, PROGRAM_ID, sent))
			.isInstanceOfSatisfying(EventTypeNotActive.class, refused -> {
				assertThat(refused.problemType()).isEqualTo("event-type-not-active");
				assertThat(refused.status().value()).isEqualTo(422);
			});
		verify(this.store, never()).insert(anyLong(), any(), anyList());
	}

	@Test
	void aPartnerOrAnotherBrandCannotPost() {
		assertThatThrownBy(() -> this.service.record(PAT, PROGRAM_ID, conversion("A-5", NOW, null, List.of())))
			.isInstanceOf(ProgramNotFound.class);
	}

	@Test
	void theSameContentAgainIsAnsweredWithTheStoredConversionAndOtherContentIsAConflict() {
		NewConversion sent = conversion("A-6", NOW.minusSeconds(60), "SAVE20", List.of());
		Conversion stored = stored(6, sent, NOW.minusSeconds(5));
		orderStored(stored);

		Recorded again = this.service.record(ALICE, PROGRAM_ID,
				new NewConversion("A-6", EVENT_TYPE, NOW.minusSeconds(60), new BigDecimal("10.0"), "USD", "SAVE20",
						List.of()));
		Recorded withoutTime = this.service.record(ALICE, PROGRAM_ID,
				new NewConversion("A-6", EVENT_TYPE, null, BigDecimal.TEN, "USD", "SAVE20", List.of()));

		assertThat(again.created()).isFalse();
		assertThat(again.conversion()).isEqualTo(stored);
		assertThat(withoutTime.conversion()).isEqualTo(stored);
		assertThatThrownBy(() -> this.service.record(ALICE, PROGRAM_ID,
				new NewConversion("A-6", EVENT_TYPE, NOW.minusSeconds(60), BigDecimal.TEN, "EUR", "SAVE20", List.of())))
			.isInstanceOfSatisfying(OrderIdConflict.class,
					refused -> assertThat(refused.problemType()).isEqualTo("order-id-conflict"));
	}

	@Test
	void aRetryOfAConversionWhoseEventTypeIsNoLongerActiveIsStillAnswered() {
		NewConversion sent = new NewConversion("A-9", 99, NOW.minusSeconds(60), BigDecimal.TEN, "USD", null, List.of());
		Conversion stored = stored(9, sent, NOW.minusSeconds(5));
		given(this.store.findByOrderIds(PROGRAM_ID, List.of("A-9"))).willReturn(Map.of("A-9", stored));

		Recorded again = this.service.record(ALICE, PROGRAM_ID, sent);

		assertThat(again.created()).isFalse();
		assertThat(again.conversion()).isEqualTo(stored);
		verify(this.store, never()).insert(anyLong(), any(), anyList());
	}

	@Test
	void twoTransactionsAddingTheFirstFiguresOfADayAtOnceTryAgainAndStoreTheConversion() {
		given(this.store.insert(eq(PROGRAM_ID), eq(NOW), anyList()))
			.willThrow(new DataIntegrityViolationException("x", new RuntimeException(
					"duplicate key value violates unique constraint \"pk_conversion_daily\"")))
			.willReturn(Map.of("A-10", 10L));

		Recorded recorded = this.service.record(ALICE, PROGRAM_ID, conversion("A-10", NOW, "SAVE20", List.of()));

		assertThat(recorded.created()).isTrue();
		assertThat(recorded.conversion().id()).isEqualTo(10);
		verify(this.store, times(2)).insert(eq(PROGRAM_ID), eq(NOW), anyList());
	}

	@Test
	void twoAtOnceMeetAtTheUniqueConstraintAndTheLoserAnswersWithTheWinnersConversion() {
		NewConversion sent = conversion("A-7", NOW.minusSeconds(60), null, List.of());
		Conversion winner = stored(7, sent, NOW);
		given(this.store.findByOrderIds(PROGRAM_ID, List.of("A-7"))).willReturn(Map.of("A-7", winner));
		willThrow(new DataIntegrityViolationException("x",
				new RuntimeException("Unique index or primary key violation: UK_CONVERSION_ORDER_PROGRAM")))
			.given(this.store)
			.insert(anyLong(), any(), anyList());

		Recorded recorded = this.service.record(ALICE, PROGRAM_ID, sent);

		assertThat(recorded.created()).isFalse();
		assertThat(recorded.conversion()).isEqualTo(winner);
	}

	@Test
	void aStoredAttributionIsNotRecomputed() {
		NewConversion sent = conversion("A-8", NOW.minusSeconds(60), "SAVE20", List.of());
		Attribution then = new Attribution(null, By.NONE, null, null, null, List.of(Attribution.Flag.TRACKING_OFF));
		Conversion stored = new Conversion(8, PROGRAM_ID, "A-8", EVENT_TYPE, sent.occurredAt(), NOW, BigDecimal.TEN,
				"USD", "SAVE20", List.of(), then);
		orderStored(stored);

		assertThat(this.service.record(ALICE, PROGRAM_ID, sent).conversion().attribution()).isEqualTo(then);
	}

	// ---------------------------------------------------------------- a group of single conversions

	@Test
	void aGroupStoresItsNewConversionsInOneInsertAndAnswersEachCallerAsIfEachCameAfterTheOther() {
		NewConversion sentBefore = conversion("G-2", NOW.minusSeconds(60), null, List.of());
		Conversion storedBefore = stored(50, sentBefore, NOW.minusSeconds(5));
		given(this.store.findByOrderIds(eq(PROGRAM_ID), anyCollection())).willReturn(Map.of("G-2", storedBefore));
		given(this.store.insert(eq(PROGRAM_ID), eq(NOW), anyList())).willReturn(Map.of("G-1", 51L, "G-3", 52L));
		NewConversion first = conversion("G-1", NOW.minusSeconds(30), "save20", List.of());

		List<Answer> answers = this.service.recordGroup(List.of(posted(ALICE, first), posted(ALICE, sentBefore),
				posted(ALICE, conversion("G-3", null, null, List.of())), posted(ALICE, first),
				posted(ALICE, conversion("G-1", NOW.minusSeconds(30), "save20", List.of(new Click(TRAILBLAZER,
						NOW.minusSeconds(60))))),
				posted(ALICE, conversion("G-2", NOW.minusSeconds(60), "SAVE20", List.of()))));

		Recorded created = answers.get(0).orThrow();
		assertThat(created.created()).isTrue();
		assertThat(created.conversion()).isEqualTo(new Conversion(51, PROGRAM_ID, "G-1", EVENT_TYPE,
				NOW.minusSeconds(30), NOW, new BigDecimal("10.00"), "USD", "save20", List.of(),
				new Attribution(COUPON_CORNER, By.PROMO_CODE, 40L, "SAVE20", CreditPolicy.ALWAYS, List.of())));
		assertThat(answers.get(1).orThrow()).isEqualTo(new Recorded(storedBefore, false, created.partnerNames()));
		assertThat(answers.get(2).orThrow().created()).isTrue();
		assertThat(answers.get(2).orThrow().conversion().id()).isEqualTo(52);
		assertThat(answers.get(2).orThrow().conversion().occurredAt()).isEqualTo(NOW);
		assertThat(answers.get(3).orThrow()).isEqualTo(new Recorded(created.conversion(), false, created.partnerNames()));
		assertThat(answers.get(4).refusal()).isInstanceOf(OrderIdConflict.class);
		assertThat(answers.get(5).refusal()).isInstanceOf(OrderIdConflict.class);
		// Read once for the whole group, as a batch: no statement per caller.
		verify(this.catalog).requireEach(eq(PROGRAM_ID), anyCollection());
		verify(this.catalog).partnerNames(PROGRAM_ID);
		verify(this.eventTypes).of(PROGRAM_ID);
		verify(this.store).findByOrderIds(PROGRAM_ID, List.of("G-1", "G-2", "G-3"));
		verify(this.store).insert(eq(PROGRAM_ID), eq(NOW), org.mockito.ArgumentMatchers.argThat(
				rows -> rows.stream().map(row -> row.conversion().orderId()).toList().equals(List.of("G-1", "G-3"))));
	}

	@Test
	void aCallerWhoMayNotSeeTheProgramIsNotFoundWhileTheOthersOfTheGroupAreStored() {
		given(this.store.insert(eq(PROGRAM_ID), eq(NOW), anyList())).willReturn(Map.of("G-11", 61L));

		List<Answer> answers = this.service.recordGroup(List.of(posted(PAT, conversion("G-10", NOW, null, List.of())),
				posted(ALICE, conversion("G-11", NOW, null, List.of())),
				posted(BOB, conversion("G-12", NOW, null, List.of()))));

		assertThat(answers.get(0).refusal()).isInstanceOf(ProgramNotFound.class);
		assertThat(answers.get(1).orThrow().conversion().id()).isEqualTo(61);
		assertThat(answers.get(2).refusal()).isInstanceOf(ProgramNotFound.class);
		verify(this.store).insert(eq(PROGRAM_ID), eq(NOW), org.mockito.ArgumentMatchers.argThat(rows -> rows.size() == 1));
	}

	@Test
	void anInvalidClickOrAnEventTypeNotActiveRefusesOnlyItsCallerAndStoresNothingForIt() {
		NewConversion retryOfInactive = new NewConversion("G-24", 99, NOW.minusSeconds(60), BigDecimal.TEN, "USD",
				null, List.of());
		given(this.store.findByOrderIds(eq(PROGRAM_ID), anyCollection()))
			.willReturn(Map.of("G-24", stored(70, retryOfInactive, NOW.minusSeconds(5))));
		given(this.store.insert(eq(PROGRAM_ID), eq(NOW), anyList())).willReturn(Map.of("G-21", 71L, "G-22", 72L));

		List<Answer> answers = this.service.recordGroup(List.of(
				posted(ALICE, conversion("G-20", NOW, null, List.of(new Click(99, NOW.minusSeconds(60))))),
				posted(ALICE, new NewConversion("G-21", 99, NOW, BigDecimal.ONE, "USD", null, List.of())),
				posted(ALICE, conversion("G-22", NOW, null, List.of())),
				posted(ALICE, conversion("G-21", NOW, null, List.of())), posted(ALICE, retryOfInactive)));

		assertThat(answers.get(0).refusal()).isInstanceOfSatisfying(InvalidConversions.class,
				refused -> assertThat(refused.fieldReasons())
					.containsExactly(new FieldReason("clicks[0].partnerId", "conversion.error.unknownPartner")));
		// Alone, the first G-21 would have been refused and stored nothing, leaving the order id to the second.
		assertThat(answers.get(1).refusal()).isInstanceOf(EventTypeNotActive.class);
		assertThat(answers.get(2).orThrow().conversion().id()).isEqualTo(72);
		assertThat(answers.get(3).orThrow().created()).isTrue();
		assertThat(answers.get(3).orThrow().conversion().id()).isEqualTo(71);
		assertThat(answers.get(4).orThrow().created()).isFalse();
		assertThat(answers.get(4).orThrow().conversion().id()).isEqualTo(70);
	}

	@Test
	void aGroupOfTwoProgramsReadsAndStoresEachProgramOnceAndAnswersEachCallerFromItsOwn() {
		given(this.catalog.requireEach(eq(OTHER_PROGRAM_ID), anyCollection()))
			.willAnswer(call -> managing(OTHER_PROGRAM, call.getArgument(1)));
		given(this.catalog.partnerNames(OTHER_PROGRAM_ID)).willReturn(Map.of(TRAILBLAZER, "Trailblazer Deals"));
		given(this.eventTypes.of(OTHER_PROGRAM_ID)).willReturn(Set.of(EVENT_TYPE));
		given(this.matchers.of(OTHER_PROGRAM_ID)).willReturn(CodeMatcher.of(List.of()));
		given(this.store.insert(eq(PROGRAM_ID), eq(NOW), anyList())).willReturn(Map.of("G-30", 80L, "G-32", 82L));
		given(this.store.insert(eq(OTHER_PROGRAM_ID), eq(NOW), anyList())).willReturn(Map.of("G-31", 81L));

		List<Answer> answers = this.service.recordGroup(List.of(
				new Posted(ALICE, PROGRAM_ID, conversion("G-30", NOW, null, List.of())),
				new Posted(ALICE, OTHER_PROGRAM_ID, conversion("G-31", NOW, null, List.of())),
				new Posted(ALICE, PROGRAM_ID, conversion("G-32", NOW, null, List.of()))));

		assertThat(answers).extracting(answer -> answer.orThrow().conversion().id()).containsExactly(80L, 81L, 82L);
		assertThat(answers.get(1).orThrow().conversion().programId()).isEqualTo(OTHER_PROGRAM_ID);
		assertThat(answers.get(1).orThrow().partnerNames()).containsOnlyKeys(TRAILBLAZER);
		verify(this.store).insert(eq(PROGRAM_ID), eq(NOW), org.mockito.ArgumentMatchers.argThat(rows -> rows.size() == 2));
		verify(this.store).insert(eq(OTHER_PROGRAM_ID), eq(NOW), org.mockito.ArgumentMatchers.argThat(rows -> rows.size() == 1));
	}

	@Test
	void aGroupWhoseInsertMeetsAnOrderIdStoredMeanwhileFailsWholeForItsCallersToStoreOneByOne() {
		willThrow(new DataIntegrityViolationException("x",
				new RuntimeException("Unique index or primary key violation: UK_CONVERSION_ORDER_PROGRAM")))
			.given(this.store)
			.insert(anyLong(), any(), anyList());

		assertThatThrownBy(() -> this.service.recordGroup(List.of(posted(ALICE, conversion("G-40", NOW, null, List.of())),
				posted(ALICE, conversion("G-41", NOW, null, List.of())))))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	// ---------------------------------------------------------------- batch

	@Test
	void aBatchWithInvalidItemsNamesEachByIndexAndStoresNothing() {
		List<NewConversion> batch = List.of(conversion("B-1", NOW, null, List.of()),
				conversion("B-2", NOW, null, List.of(new Click(99, NOW))),
				new NewConversion("B-3", 98, NOW, BigDecimal.ONE, "USD", null, List.of()),
				conversion("B-1", NOW, "OTHER", List.of()));

		assertThatThrownBy(() -> this.service.recordBatch(ALICE, PROGRAM_ID, batch))
			.isInstanceOfSatisfying(InvalidConversions.class, refused -> {
				assertThat(refused.problemType()).isEqualTo("invalid-request");
				assertThat(refused.fieldReasons()).extracting(FieldReason::field)
					.containsExactly("conversions[1].clicks[0].partnerId", "conversions[2].eventTypeId",
							"conversions[3].orderId");
			});
		verify(this.store, never()).findByOrderIds(anyLong(), anyCollection());
		verify(this.store, never()).insert(anyLong(), any(), anyList());
	}

	@Test
	void aBatchRepeatingAStoredOrderWithOtherContentIsAConflictAndStoresNothing() {
		Conversion stored = stored(20, conversion("B-5", NOW, null, List.of()), NOW);
		given(this.store.findByOrderIds(eq(PROGRAM_ID), anyCollection())).willReturn(Map.of("B-5", stored));

		assertThatThrownBy(() -> this.service.recordBatch(ALICE, PROGRAM_ID,
				List.of(conversion("B-4", NOW, null, List.of()), new NewConversion("B-5", EVENT_TYPE, NOW,
						BigDecimal.ONE, "USD", null, List.of()))))
			.isInstanceOfSatisfying(OrderIdConflict.class, refused -> assertThat(refused.fieldReasons())
				.containsExactly(new FieldReason("conversions[1].orderId", "conversion.error.orderIdConflict")));
		verify(this.store, never()).insert(anyLong(), any(), anyList());
	}

	@Test
	void aBatchStoresTheNewItemsInOneInsertAndAnswersTheStoredOnesInOrder() {
		Conversion stored = stored(30, conversion("C-2", NOW, null, List.of()), NOW);
		given(this.store.findByOrderIds(eq(PROGRAM_ID), anyCollection())).willReturn(Map.of("C-2", stored));
		given(this.store.insert(eq(PROGRAM_ID), eq(NOW), anyList())).willReturn(Map.of("C-1", 31L, "C-3", 32L));

		BatchRecorded recorded = this.service.recordBatch(ALICE, PROGRAM_ID,
				List.of(conversion("C-1", NOW, "save20", List.of()), conversion("C-2", NOW, null, List.of()),
						conversion("C-3", NOW, null, List.of()), conversion("C-1", NOW, "save20", List.of())));

		assertThat(recorded.created()).isEqualTo(2);
		assertThat(recorded.replayed()).isEqualTo(2);
		assertThat(recorded.results()).extracting(ConversionService.BatchItem::id).containsExactly(31L, 30L, 32L, 31L);
		assertThat(recorded.results().get(0).attribution().by()).isEqualTo(By.PROMO_CODE);
		verify(this.store).insert(eq(PROGRAM_ID), eq(NOW), org.mockito.ArgumentMatchers.argThat(rows -> rows.size() == 2));
	}

	// ---------------------------------------------------------------- report

	@ParameterizedTest(name = "{0} to {1} in {2}: [{3}, {4})")
	@CsvSource({
			// A whole day of UTC.
			"2026-11-02, 2026-11-02, UTC, 2026-11-02T00:00:00Z, 2026-11-03T00:00:00Z",
			// The day summer time starts in Paris has 23 hours; the end of the last day is midnight after it.
			"2026-03-29, 2026-03-29, Europe/Paris, 2026-03-28T23:00:00Z, 2026-03-29T22:00:00Z",
			// Both dates included, in New York's winter and summer offsets.
			"2026-03-01, 2026-03-31, America/New_York, 2026-03-01T05:00:00Z, 2026-04-01T04:00:00Z" })
	void theReportCoversWholeDaysOfTheTimeZone(LocalDate from, LocalDate to, ZoneId zone, Instant start,
			Instant end) {
		PromoCodeReport report = report(NOW);

		report.report(ALICE, PROGRAM_ID, from, to, zone);

		verify(this.store).figures(PROGRAM_ID, start, end);
	}

	@Test
	void withoutDatesTheReportCoversTheLast30DaysOfTheTimeZoneToday() {
		// 23:30 UTC on 2 November is already 3 November in Tokyo.
		PromoCodeReport report = report(Instant.parse("2026-11-02T23:30:00Z"));

		PromoCodeReport.Report found = report.report(ALICE, PROGRAM_ID, null, null, ZoneId.of("Asia/Tokyo"));

		assertThat(found.to()).isEqualTo(LocalDate.parse("2026-11-03"));
		assertThat(found.from()).isEqualTo(LocalDate.parse("2026-10-05"));
	}

	@Test
	void aStartAfterTheEndIsRefused() {
		assertThatThrownBy(() -> report(NOW).report(ALICE, PROGRAM_ID, LocalDate.parse("2026-11-03"),
				LocalDate.parse("2026-11-02"), ZoneId.of("UTC")))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("from"));
	}

	@Test
	void theReportSumsEachCodesFiguresOverCurrenciesAndAPartnerSeesOnlyTheirCodes() {
		PromoCodeRules rules = mock(PromoCodeRules.class);
		PromoCodeRule trail = new PromoCodeRule(41, TRAILBLAZER, "TRAIL15", MatchType.EXACT, CreditPolicy.IF_WINNER,
				NOW, null, null);
		given(rules.of(PROGRAM_ID)).willReturn(List.of(SAVE20, trail));
		given(this.catalog.requireJoined(PAT, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.store.figures(eq(PROGRAM_ID), any(), any())).willReturn(List.of(
				new ConversionStore.CodeFigures(40, "USD", 2, new BigDecimal("12.5"), 1),
				new ConversionStore.CodeFigures(40, "EUR", 1, new BigDecimal("3.10"), 0),
				new ConversionStore.CodeFigures(41, "USD", 0, BigDecimal.ZERO, 4)));
		PromoCodeReport report = new PromoCodeReport(this.catalog, rules, this.store, Clock.fixed(NOW, ZoneOffset.UTC));

		List<PromoCodeReport.CodeRow> rows = report.report(ALICE, PROGRAM_ID, null, null, ZoneId.of("UTC")).rows();
		List<PromoCodeReport.CodeRow> pats = report.report(PAT, PROGRAM_ID, null, null, ZoneId.of("UTC")).rows();

		assertThat(rows).extracting(PromoCodeReport.CodeRow::code).containsExactly("SAVE20", "TRAIL15");
		assertThat(rows.get(0).credited()).isEqualTo(3);
		assertThat(rows.get(0).revenue()).containsExactly(Map.entry("EUR", "3.10"), Map.entry("USD", "12.50"));
		assertThat(rows.get(0).carriedNotCredited()).isEqualTo(1);
		assertThat(rows.get(0).partnerName()).isEqualTo("Coupon Corner");
		assertThat(rows.get(1).revenue()).isEmpty();
		assertThat(pats).extracting(PromoCodeReport.CodeRow::code).containsExactly("TRAIL15");
	}

	private PromoCodeReport report(Instant now) {
		return new PromoCodeReport(this.catalog, mock(PromoCodeRules.class), this.store,
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private static Posted posted(CurrentUser user, NewConversion conversion) {
		return new Posted(user, PROGRAM_ID, conversion);
	}

	/** As the catalog's rule: the program for each user who manages its brand. */
	private static Map<CurrentUser, ProgramView> managing(ProgramView program, Collection<CurrentUser> users) {
		return users.stream()
			.filter(user -> user.manages(program.brandId()))
			.collect(Collectors.toMap(user -> user, user -> program));
	}

	private static NewConversion conversion(String orderId, Instant occurredAt, String code, List<Click> clicks) {
		return new NewConversion(orderId, EVENT_TYPE, occurredAt, BigDecimal.TEN, "USD", code, new ArrayList<>(clicks));
	}

	/** The order id of {@code stored} is taken: reading it finds it, and inserting it again breaks the constraint. */
	private void orderStored(Conversion stored) {
		given(this.store.findByOrderIds(PROGRAM_ID, List.of(stored.orderId())))
			.willReturn(Map.of(stored.orderId(), stored));
		willThrow(new DataIntegrityViolationException("x",
				new RuntimeException("Unique index or primary key violation: UK_CONVERSION_ORDER_PROGRAM")))
			.given(this.store)
			.insert(anyLong(), any(), org.mockito.ArgumentMatchers.argThat(
					rows -> rows != null && rows.stream().anyMatch(row -> row.conversion().orderId().equals(stored.orderId()))));
	}

	private static Conversion stored(long id, NewConversion sent, Instant receivedAt) {
		return new Conversion(id, PROGRAM_ID, sent.orderId(), sent.eventTypeId(),
				(sent.occurredAt() != null) ? sent.occurredAt() : receivedAt, receivedAt, sent.amount(), sent.currency(),
				sent.promoCode(), sent.clicks(), new Attribution(null, By.NONE, null, null, null, List.of()));
	}

}
