package com.promotracking.settings;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

import org.springframework.transaction.PlatformTransactionManager;

import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.Subject;
import com.promotracking.audit.Outcome;
import com.promotracking.eventtypes.PromoCodeValidation;
import com.promotracking.eventtypes.PromoCodeValidations;
import com.promotracking.kernel.PageOf;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.PromoCodeSettingsStore.SavedSettings;
import com.promotracking.users.Contact;
import com.promotracking.users.Contacts;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.AdditionalAnswers.returnsFirstArg;

/** The rules of the promo code tracking settings, with the catalog, validations and storage mocked. */
class ProgramSettingsServiceTest {

	private static final long PROGRAM_ID = 11;

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	private static final Instant EARLIER = Instant.parse("2026-10-20T08:00:00Z");

	private static final long STORED_VERSION = 3;

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final ProgramView PROGRAM = new ProgramView(PROGRAM_ID, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final Subject SETTINGS = new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, PROGRAM_ID,
			"Acme Outdoor US");

	private static final PromoCodeValidation VALIDATION = new PromoCodeValidation(101, "TEST-US-1001", "SUMMER10",
			21, "Online Sale", Instant.parse("2026-10-02T15:30:00Z"), "alice@acme.example");

	private final ProgramCatalog catalog = mock(ProgramCatalog.class);

	private final PromoCodeValidations validations = mock(PromoCodeValidations.class);

	private final PromoCodeSettingsRepository repository = mock(PromoCodeSettingsRepository.class);

	private final PromoCodeSettingsStore store = mock(PromoCodeSettingsStore.class);

	private final History history = mock(History.class);

	private final Contacts contacts = mock(Contacts.class);

	private final ProgramSettingsService service = new ProgramSettingsService(this.catalog, this.validations,
			this.repository, this.store, this.history, this.contacts,
			new ChangeTransactions(mock(PlatformTransactionManager.class), this.history), Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void programIsVisibleToAlice() {
		given(this.catalog.require(ALICE, PROGRAM_ID)).willReturn(PROGRAM);
		given(this.repository.saveAndFlush(any())).willAnswer(returnsFirstArg());
	}

	@Test
	void thePageViewHoldsTheSettingsTheAskedPageOfHistoryAndTheBrandsCsm() {
		given(this.store.find(PROGRAM_ID)).willReturn(SavedSettings.NONE);
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.of(VALIDATION));
		PageOf<HistoryRecord> second = new PageOf<>(List.of(), 2, HistoryPages.PAGE_SIZE, false);
		given(this.history.page(PROGRAM, 2, HistoryPages.PAGE_SIZE)).willReturn(second);
		Contact carol = new Contact("Carol Diaz", "carol@csm.example");
		given(this.contacts.csmOf(1)).willReturn(Optional.of(carol));

		AdSettingsView view = this.service.view(ALICE, PROGRAM_ID, 2);

		assertThat(view.state().program()).isEqualTo(PROGRAM);
		assertThat(view.state().validation()).isEqualTo(VALIDATION);
		assertThat(view.state().promoCodeTrackingEnabled()).isFalse();
		assertThat(view.history()).isSameAs(second);
		assertThat(view.csm()).isEqualTo(carol);
	}

	@Test
	void aBrandWithoutCsmHasNoneOnThePageView() {
		given(this.store.find(PROGRAM_ID)).willReturn(SavedSettings.NONE);
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.empty());
		given(this.contacts.csmOf(1)).willReturn(Optional.empty());

		assertThat(this.service.view(ALICE, PROGRAM_ID, 0).csm()).isNull();
	}

	enum Expected {

		/** The new flags are stored. */
		SAVED,
		/** Nothing to change: succeeds without writing. */
		UNCHANGED,
		/** PartnerRequestsRequireTracking. */
		REQUESTS_NEED_TRACKING,
		/** PromoCodeNotValidated. */
		NOT_VALIDATED

	}

	/**
	 * Every request (tracking × partner requests) × validated or not × every consistent saved state (requests
	 * on only with tracking on), with the outcome written out by hand.
	 */
	@ParameterizedTest(name = "ask tracking={0} requests={1}, validated={2}, saved tracking={3} requests={4} -> {5}")
	@CsvSource(textBlock = """
			# asked         validated  saved           outcome
			false, false,   false,     false, false,   UNCHANGED
			false, false,   true,      false, false,   UNCHANGED
			false, true,    false,     false, false,   REQUESTS_NEED_TRACKING
			false, true,    true,      false, false,   REQUESTS_NEED_TRACKING
			true,  false,   false,     false, false,   NOT_VALIDATED
			true,  false,   true,      false, false,   SAVED
			true,  true,    false,     false, false,   NOT_VALIDATED
			true,  true,    true,      false, false,   SAVED

			false, false,   false,     true,  false,   SAVED
			false, false,   true,      true,  false,   SAVED
			false, true,    false,     true,  false,   REQUESTS_NEED_TRACKING
			false, true,    true,      true,  false,   REQUESTS_NEED_TRACKING
			true,  false,   false,     true,  false,   UNCHANGED
			true,  false,   true,      true,  false,   UNCHANGED
			true,  true,    false,     true,  false,   SAVED
			true,  true,    true,      true,  false,   SAVED

			false, false,   false,     true,  true,    SAVED
			false, false,   true,      true,  true,    SAVED
			false, true,    false,     true,  true,    REQUESTS_NEED_TRACKING
			false, true,    true,      true,  true,    REQUESTS_NEED_TRACKING
			true,  false,   false,     true,  true,    SAVED
			true,  false,   true,      true,  true,    SAVED
			true,  true,    false,     true,  true,    UNCHANGED
			true,  true,    true,      true,  true,    UNCHANGED
			""")
	void changeFollowsTheRulesForEveryCombination(boolean tracking, boolean requests, boolean validated,
			boolean savedTracking, boolean savedRequests, Expected expected) {
		PromoCodeSettings saved = stored(savedTracking, savedRequests);
		given(this.repository.findForUpdate(PROGRAM_ID)).willReturn(Optional.of(saved));
		given(this.validations.of(PROGRAM_ID)).willReturn(validated ? Optional.of(VALIDATION) : Optional.empty());
		PromoCodeSettingsChange change = new PromoCodeSettingsChange(tracking, requests, STORED_VERSION);

		Throwable thrown = catchThrowable(() -> {
			PromoCodeSettingsState state = this.service.change(ALICE, PROGRAM_ID, change, Channel.PAGE);
			assertThat(state.program()).isEqualTo(PROGRAM);
			assertThat(state.validation()).isEqualTo(validated ? VALIDATION : null);
			assertThat(state.promoCodeTrackingEnabled()).isEqualTo(tracking);
			assertThat(state.partnerPromoCodeRequestsAllowed()).isEqualTo(requests);
		});

		Map<String, FieldChange> asked = new java.util.LinkedHashMap<>();
		if (tracking != savedTracking) {
			asked.put("promoCodeTrackingEnabled", new FieldChange(savedTracking, tracking));
		}
		if (requests != savedRequests) {
			asked.put("partnerPromoCodeRequestsAllowed", new FieldChange(savedRequests, requests));
		}
		switch (expected) {
			case REQUESTS_NEED_TRACKING -> {
				assertThat(thrown).isInstanceOf(PartnerRequestsRequireTracking.class);
				verify(this.repository, never()).saveAndFlush(any());
				verify(this.history).record(new HistoryEvent(PROGRAM, ALICE, Channel.PAGE, SETTINGS, Outcome.REFUSED, "partner-requests-require-tracking", null, asked));
			}
			case NOT_VALIDATED -> {
				assertThat(thrown).isInstanceOf(PromoCodeNotValidated.class);
				verify(this.repository, never()).saveAndFlush(any());
				verify(this.history).record(new HistoryEvent(PROGRAM, ALICE, Channel.PAGE, SETTINGS, Outcome.REFUSED, "promo-code-not-validated", null, asked));
			}
			case UNCHANGED -> {
				assertThat(thrown).isNull();
				verify(this.repository, never()).saveAndFlush(any());
				verifyNoInteractions(this.history);
				assertThat(saved.updatedBy()).isEqualTo("carol@csm.example");
				assertThat(saved.updatedAt()).isEqualTo(EARLIER);
			}
			case SAVED -> {
				assertThat(thrown).isNull();
				PromoCodeSettings written = savedOnce();
				assertThat(written.trackingEnabled()).isEqualTo(tracking);
				assertThat(written.partnerRequestsAllowed()).isEqualTo(requests);
				assertThat(written.updatedBy()).isEqualTo(ALICE.username());
				assertThat(written.updatedAt()).isEqualTo(NOW);
				assertThat(asked).isNotEmpty();
				verify(this.history).record(new HistoryEvent(PROGRAM, ALICE, Channel.PAGE, SETTINGS, Outcome.CHANGED, null, null, asked));
			}
		}
	}

	@Test
	void theRuleTableCoversEveryCombinationOfRequestValidationAndConsistentSavedState() throws Exception {
		Method test = getClass().getDeclaredMethod("changeFollowsTheRulesForEveryCombination", boolean.class,
				boolean.class, boolean.class, boolean.class, boolean.class, Expected.class);
		Set<String> rows = Arrays.stream(test.getAnnotation(CsvSource.class).textBlock().split("\n"))
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.map(line -> Arrays.stream(line.split(",")).limit(5).map(String::strip).collect(Collectors.joining(",")))
			.collect(Collectors.toCollection(HashSet::new));
		Set<String> expected = new HashSet<>();
		for (boolean tracking : new boolean[] { false, true }) {
			for (boolean requests : new boolean[] { false, true }) {
				for (boolean validated : new boolean[] { false, true }) {
					for (String saved : new String[] { "false,false", "true,false", "true,true" }) {
						expected.add(tracking + "," + requests + "," + validated + "," + saved);
					}
				}
			}
		}
		assertThat(rows).isEqualTo(expected);
	}

	@Nested
	class TrackingThatIsAlreadyOn {

		@Test
		void staysOnWhenSavedAgainWithoutValidation() {
			savedIs(stored(true, false));
			given(ProgramSettingsServiceTest.this.validations.of(PROGRAM_ID)).willReturn(Optional.empty());

			PromoCodeSettingsState state = ProgramSettingsServiceTest.this.service.change(ALICE, PROGRAM_ID,
					new PromoCodeSettingsChange(true, false, STORED_VERSION), Channel.PAGE);

			assertThat(state.promoCodeTrackingEnabled()).isTrue();
			assertThat(state.promoCodeValidated()).isFalse();
			verify(ProgramSettingsServiceTest.this.repository, never()).saveAndFlush(any());
		}

		@Test
		void letsPartnerRequestsBeAddedWithoutValidation() {
			savedIs(stored(true, false));
			given(ProgramSettingsServiceTest.this.validations.of(PROGRAM_ID)).willReturn(Optional.empty());

			ProgramSettingsServiceTest.this.service.change(ALICE, PROGRAM_ID,
					new PromoCodeSettingsChange(true, true, null), Channel.PAGE);

			PromoCodeSettings written = savedOnce();
			assertThat(written.trackingEnabled()).isTrue();
			assertThat(written.partnerRequestsAllowed()).isTrue();
		}

	}

	@Test
	void turningEverythingOffIsAllowedWithoutValidation() {
		savedIs(stored(true, true));
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.empty());

		PromoCodeSettingsState state = this.service.change(ALICE, PROGRAM_ID,
				new PromoCodeSettingsChange(false, false, STORED_VERSION), Channel.PAGE);

		assertThat(state.promoCodeTrackingEnabled()).isFalse();
		assertThat(state.partnerPromoCodeRequestsAllowed()).isFalse();
		PromoCodeSettings written = savedOnce();
		assertThat(written.trackingEnabled()).isFalse();
		assertThat(written.partnerRequestsAllowed()).isFalse();
		assertThat(written.updatedBy()).isEqualTo("alice@acme.example");
		assertThat(written.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void turningTrackingOnForAProgramThatNeverSavedCreatesItsSettings() {
		given(this.repository.findForUpdate(PROGRAM_ID)).willReturn(Optional.empty());
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.of(VALIDATION));

		PromoCodeSettingsState state = this.service.change(ALICE, PROGRAM_ID, new PromoCodeSettingsChange(true, true, 0L), Channel.PAGE);

		// The default row is stored first (so the change bumps a real version), then changed.
		ArgumentCaptor<PromoCodeSettings> saves = ArgumentCaptor.forClass(PromoCodeSettings.class);
		verify(this.repository, times(2)).saveAndFlush(saves.capture());
		PromoCodeSettings written = saves.getValue();
		assertThat(ReflectionTestUtils.getField(written, "programId")).isEqualTo(PROGRAM_ID);
		assertThat(written.trackingEnabled()).isTrue();
		assertThat(written.partnerRequestsAllowed()).isTrue();
		assertThat(state.updatedBy()).isEqualTo("alice@acme.example");
		assertThat(state.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void aStaleVersionIsRefusedWithTheCurrentStateAndNothingIsSaved() {
		savedIs(stored(true, false));
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.of(VALIDATION));

		assertThatThrownBy(() -> this.service.change(ALICE, PROGRAM_ID,
				new PromoCodeSettingsChange(false, false, STORED_VERSION - 1), Channel.PAGE))
			.isInstanceOfSatisfying(SettingsChangedMeanwhile.class, conflict -> {
				PromoCodeSettingsState current = conflict.current();
				assertThat(current.program()).isEqualTo(PROGRAM);
				assertThat(current.promoCodeTrackingEnabled()).isTrue();
				assertThat(current.partnerPromoCodeRequestsAllowed()).isFalse();
				assertThat(current.version()).isEqualTo(STORED_VERSION);
				assertThat(current.updatedBy()).isEqualTo("carol@csm.example");
				assertThat(current.updatedAt()).isEqualTo(EARLIER);
				assertThat(current.validation()).isEqualTo(VALIDATION);
			});
		verify(this.repository, never()).saveAndFlush(any());
		verify(this.history).record(new HistoryEvent(PROGRAM, ALICE, Channel.PAGE, SETTINGS, Outcome.REFUSED, "settings-changed", null, Map.of("promoCodeTrackingEnabled", new FieldChange(true, false))));
	}

	@Test
	void aStaleVersionIsReportedBeforeTheRulesAreChecked() {
		savedIs(stored(false, false));
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.empty());

		assertThatThrownBy(() -> this.service.change(ALICE, PROGRAM_ID,
				new PromoCodeSettingsChange(false, true, STORED_VERSION + 1), Channel.PAGE))
			.isInstanceOf(SettingsChangedMeanwhile.class);
		verify(this.repository, never()).saveAndFlush(any());
	}

	@Test
	void withoutAnExpectedVersionTheChangeAppliesToWhateverIsCurrent() {
		savedIs(stored(false, false));
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.of(VALIDATION));

		PromoCodeSettingsState state = this.service.change(ALICE, PROGRAM_ID, new PromoCodeSettingsChange(true, false, null), Channel.PAGE);

		assertThat(state.promoCodeTrackingEnabled()).isTrue();
		assertThat(savedOnce().trackingEnabled()).isTrue();
	}

	@Test
	void changeChecksAccessFirstAndTouchesNothingWhenTheProgramIsNotTheUsers() {
		given(this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

		assertThatThrownBy(() -> this.service.change(ALICE, 99L, new PromoCodeSettingsChange(false, false, null), Channel.PAGE))
			.isInstanceOf(ProgramNotFound.class);
		verifyNoInteractions(this.repository, this.store, this.validations, this.history);
	}

	@Test
	void currentChecksAccessFirstAndReadsNothingWhenTheProgramIsNotTheUsers() {
		given(this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

		assertThatThrownBy(() -> this.service.current(ALICE, 99L)).isInstanceOf(ProgramNotFound.class);
		verifyNoInteractions(this.repository, this.store, this.validations, this.history);
	}

	@Test
	void currentShowsTheStoredSettingsAndTheValidationWithoutLocking() {
		given(this.store.find(PROGRAM_ID))
			.willReturn(new SavedSettings(true, true, STORED_VERSION, EARLIER, "carol@csm.example"));
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.of(VALIDATION));

		PromoCodeSettingsState state = this.service.current(ALICE, PROGRAM_ID);

		assertThat(state).isEqualTo(new PromoCodeSettingsState(PROGRAM, true, true, STORED_VERSION, EARLIER,
				"carol@csm.example", VALIDATION));
		verify(this.repository, never()).findForUpdate(anyLong());
		verify(this.repository, never()).saveAndFlush(any());
	}

	@Test
	void currentOfAProgramThatNeverSavedIsBothOffAtVersionZero() {
		given(this.store.find(PROGRAM_ID)).willReturn(SavedSettings.NONE);
		given(this.validations.of(PROGRAM_ID)).willReturn(Optional.empty());

		PromoCodeSettingsState state = this.service.current(ALICE, PROGRAM_ID);

		assertThat(state).isEqualTo(new PromoCodeSettingsState(PROGRAM, false, false, 0, null, null, null));
		assertThat(state.promoCodeValidated()).isFalse();
	}

	@Test
	void historyIsReadOnlyForAProgramTheUserMaySee() {
		PageOf<HistoryRecord> page = new PageOf<>(List.of(), 2, 10, false);
		given(this.history.page(PROGRAM, 2, 10)).willReturn(page);
		given(this.catalog.require(ALICE, 99L)).willThrow(new ProgramNotFound());

		assertThat(this.service.history(ALICE, PROGRAM_ID, 2, 10)).isSameAs(page);
		assertThatThrownBy(() -> this.service.history(ALICE, 99L, 0, 10)).isInstanceOf(ProgramNotFound.class);
		verify(this.history).page(PROGRAM, 2, 10);
		verify(this.history, never()).page(org.mockito.ArgumentMatchers.argThat(p -> p.id() == 99L), anyInt(), anyInt());
	}

	/** Settings as stored by an earlier save of Carol's, at {@link #STORED_VERSION}. */
	private static PromoCodeSettings stored(boolean tracking, boolean requests) {
		PromoCodeSettings settings = new PromoCodeSettings(PROGRAM_ID);
		settings.change(tracking, requests, "carol@csm.example", EARLIER);
		ReflectionTestUtils.setField(settings, "version", STORED_VERSION);
		return settings;
	}

	private void savedIs(PromoCodeSettings saved) {
		given(this.repository.findForUpdate(PROGRAM_ID)).willReturn(Optional.of(saved));
	}

	private PromoCodeSettings savedOnce() {
		ArgumentCaptor<PromoCodeSettings> written = ArgumentCaptor.forClass(PromoCodeSettings.class);
		verify(this.repository).saveAndFlush(written.capture());
		return written.getValue();
	}

}
