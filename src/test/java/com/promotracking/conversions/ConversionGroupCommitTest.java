package com.promotracking.conversions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.ConversionService.Answer;
import com.promotracking.conversions.ConversionService.Posted;
import com.promotracking.conversions.ConversionService.Recorded;
import com.promotracking.eventtypes.ActiveEventTypes;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Group commit on the request threads: a lone conversion takes the path of one conversion at once; conversions posted
 * while a group is written wait and are written together next, each caller getting its own answer; a group that
 * fails on the data is stored one by one; a failure of the database reaches every caller of the group and frees the
 * turn; the bounds of a group and of the queue; a caller that waits too long hears 503 and its conversion is not
 * stored. Each test holds the first write until the others are seen waiting, so the groups are known.
 */
class ConversionGroupCommitTest {

	private static final long PROGRAM_ID = 11;

	private static final long EVENT_TYPE = 3;

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private static final Attribution NOBODY = new Attribution(null, By.NONE, null, null, null, List.of());

	private final ConversionService conversions = mock(ConversionService.class);

	/** The first write, held until the test lets it go. */
	private final CountDownLatch firstEntered = new CountDownLatch(1);

	private final CountDownLatch firstReleased = new CountDownLatch(1);

	private final List<Thread> callers = new ArrayList<>();

	@AfterEach
	void nothingLeftWaiting() throws InterruptedException {
		this.firstReleased.countDown();
		for (Thread caller : this.callers) {
			caller.join(TimeUnit.SECONDS.toMillis(10));
			assertThat(caller.isAlive()).as("%s still waiting", caller.getName()).isFalse();
		}
	}

	@Test
	void aLoneConversionIsStoredAtOnceByThePathOfOneConversion() {
		ConversionGroupCommit groups = new ConversionGroupCommit(this.conversions);
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("L-1"))).willReturn(recorded("L-1", 1));

		Recorded recorded = groups.record(ALICE, PROGRAM_ID, conversion("L-1"));

		assertThat(recorded.conversion().id()).isEqualTo(1);
		verify(this.conversions, never()).recordGroup(anyList());
	}

	@Test
	void conversionsPostedWhileAGroupIsWrittenAreWrittenTogetherNextAndEachCallerGetsItsOwnAnswer() throws Exception {
		ConversionGroupCommit groups = new ConversionGroupCommit(this.conversions);
		holdTheFirstWrite();
		given(this.conversions.recordGroup(anyList())).willAnswer(call -> {
			List<Posted> group = call.getArgument(0);
			return group.stream()
				.map(posted -> posted.conversion().orderId().equals("N-3") ? Answer.refused(new OrderIdConflict())
						: Answer.of(recorded(posted.conversion().orderId(), 100 + Long.parseLong(
								posted.conversion().orderId().substring(2)))))
				.toList();
		});

		CompletableFuture<Recorded> first = post(groups, "FIRST");
		this.firstEntered.await(10, TimeUnit.SECONDS);
		List<CompletableFuture<Recorded>> next = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			next.add(post(groups, "N-" + i));
		}
		awaitWaiting();
		assertThat(next).noneMatch(CompletableFuture::isDone);
		this.firstReleased.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS).conversion().orderId()).isEqualTo("FIRST");
		for (int i = 1; i <= 8; i++) {
			CompletableFuture<Recorded> answer = next.get(i - 1);
			if (i == 3) {
				assertThat(answer).failsWithin(10, TimeUnit.SECONDS)
					.withThrowableThat()
					.withCauseInstanceOf(OrderIdConflict.class);
			}
			else {
				assertThat(answer.get(10, TimeUnit.SECONDS).conversion().id()).isEqualTo(100 + i);
			}
		}
		verify(this.conversions).recordGroup(argThat(group -> group.size() == 8));
	}

	@Test
	void aGroupWhoseTransactionFailsOnTheDataIsStoredOneByOneAndEachCallerGetsThatAnswer() throws Exception {
		ConversionGroupCommit groups = new ConversionGroupCommit(this.conversions);
		holdTheFirstWrite();
		given(this.conversions.recordGroup(anyList())).willThrow(new DataIntegrityViolationException("raced"));
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("D-1"))).willReturn(recorded("D-1", 21));
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("D-2"))).willThrow(new OrderIdConflict());
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("D-3"))).willReturn(recorded("D-3", 23));

		post(groups, "FIRST");
		this.firstEntered.await(10, TimeUnit.SECONDS);
		CompletableFuture<Recorded> one = post(groups, "D-1");
		CompletableFuture<Recorded> two = post(groups, "D-2");
		CompletableFuture<Recorded> three = post(groups, "D-3");
		awaitWaiting();
		this.firstReleased.countDown();

		assertThat(one.get(10, TimeUnit.SECONDS).conversion().id()).isEqualTo(21);
		assertThat(two).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().withCauseInstanceOf(OrderIdConflict.class);
		assertThat(three.get(10, TimeUnit.SECONDS).conversion().id()).isEqualTo(23);
		verify(this.conversions).recordGroup(argThat(group -> group.size() == 3));
		verify(this.conversions).record(ALICE, PROGRAM_ID, conversion("D-1"));
		verify(this.conversions).record(ALICE, PROGRAM_ID, conversion("D-2"));
		verify(this.conversions).record(ALICE, PROGRAM_ID, conversion("D-3"));
	}

	@Test
	void aDatabaseFailureReachesEveryCallerOfTheGroupAndTheNextConversionIsWrittenAsUsual() throws Exception {
		ConversionGroupCommit groups = new ConversionGroupCommit(this.conversions);
		holdTheFirstWrite();
		CannotCreateTransactionException unreachable = new CannotCreateTransactionException("database gone");
		given(this.conversions.recordGroup(anyList())).willThrow(unreachable);
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("AFTER"))).willReturn(recorded("AFTER", 30));

		post(groups, "FIRST");
		this.firstEntered.await(10, TimeUnit.SECONDS);
		CompletableFuture<Recorded> one = post(groups, "F-1");
		CompletableFuture<Recorded> two = post(groups, "F-2");
		awaitWaiting();
		this.firstReleased.countDown();

		assertThat(one).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().withCause(unreachable);
		assertThat(two).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().withCause(unreachable);
		assertThat(groups.record(ALICE, PROGRAM_ID, conversion("AFTER")).conversion().id()).isEqualTo(30);
		verify(this.conversions, never()).record(ALICE, PROGRAM_ID, conversion("F-1"));
	}

	@Test
	void aGroupHoldsAtMostItsBoundAndTheRestIsWrittenInTheGroupsAfter() throws Exception {
		ConversionGroupCommit groups = new ConversionGroupCommit(this.conversions, 3, 100, Duration.ofSeconds(10));
		holdTheFirstWrite();
		List<Integer> sizes = new ArrayList<>();
		given(this.conversions.recordGroup(anyList())).willAnswer(call -> {
			List<Posted> group = call.getArgument(0);
			synchronized (sizes) {
				sizes.add(group.size());
			}
			return group.stream().map(posted -> Answer.of(recorded(posted.conversion().orderId(), 1))).toList();
		});
		given(this.conversions.record(eq(ALICE), eq(PROGRAM_ID), argThat(sent -> sent.orderId().startsWith("B-"))))
			.willAnswer(call -> recorded(call.<NewConversion>getArgument(2).orderId(), 1));

		post(groups, "FIRST");
		this.firstEntered.await(10, TimeUnit.SECONDS);
		List<CompletableFuture<Recorded>> next = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			next.add(post(groups, "B-" + i));
		}
		awaitWaiting();
		this.firstReleased.countDown();

		for (int i = 1; i <= 7; i++) {
			assertThat(next.get(i - 1).get(10, TimeUnit.SECONDS).conversion().orderId()).isEqualTo("B-" + i);
		}
		// Three, three, and the last one alone.
		assertThat(sizes).containsExactly(3, 3);
		verify(this.conversions, times(2)).record(any(), anyLong(), any());
	}

	@Test
	void withTheQueueFullACallerStoresItsConversionAloneAtOnce() throws Exception {
		ConversionGroupCommit groups = new ConversionGroupCommit(this.conversions, 500, 2, Duration.ofSeconds(10));
		holdTheFirstWrite();
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("Q-3"))).willReturn(recorded("Q-3", 43));
		given(this.conversions.recordGroup(anyList())).willAnswer(call -> call.<List<Posted>>getArgument(0)
			.stream()
			.map(posted -> Answer.of(recorded(posted.conversion().orderId(), 1)))
			.toList());

		post(groups, "FIRST");
		this.firstEntered.await(10, TimeUnit.SECONDS);
		CompletableFuture<Recorded> one = post(groups, "Q-1");
		CompletableFuture<Recorded> two = post(groups, "Q-2");
		awaitWaiting();

		// Answered while the first write is still held, and the two queued still wait.
		assertThat(groups.record(ALICE, PROGRAM_ID, conversion("Q-3")).conversion().id()).isEqualTo(43);
		assertThat(one).isNotDone();
		this.firstReleased.countDown();
		assertThat(one.get(10, TimeUnit.SECONDS).conversion().orderId()).isEqualTo("Q-1");
		assertThat(two.get(10, TimeUnit.SECONDS).conversion().orderId()).isEqualTo("Q-2");
		verify(this.conversions).recordGroup(argThat(group -> group.size() == 2));
	}

	@Test
	void aCallerWhoseGroupIsNotWrittenInTimeHearsTheDatabaseIsUnavailableAndItsConversionIsNeverStored()
			throws Exception {
		ConversionGroupCommit groups = new ConversionGroupCommit(this.conversions, 500, 100, Duration.ofMillis(300));
		holdTheFirstWrite();
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("AFTER"))).willReturn(recorded("AFTER", 2));

		CompletableFuture<Recorded> first = post(groups, "FIRST");
		this.firstEntered.await(10, TimeUnit.SECONDS);
		CompletableFuture<Recorded> late = post(groups, "T-1");

		// DataAccessResourceFailureException: the database filter answers it 503 with Retry-After.
		assertThat(late).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(DataAccessResourceFailureException.class);
		this.firstReleased.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).conversion().orderId()).isEqualTo("FIRST");
		// The next conversion is written alone: the one given up on left the queue.
		assertThat(groups.record(ALICE, PROGRAM_ID, conversion("AFTER")).conversion().id()).isEqualTo(2);
		verify(this.conversions, never()).recordGroup(anyList());
		verify(this.conversions, never()).record(ALICE, PROGRAM_ID, conversion("T-1"));
	}

	/**
	 * With the real service and its store mocked: while a group is read and inserted, another instance stores two of
	 * its order ids (one with the same content, one with other content). The group's insert breaks the unique
	 * constraint, nothing of it is stored, and each caller stores its own alone: created, replayed and conflict, as
	 * each would have been answered without any grouping.
	 */
	@Test
	void anOrderIdStoredByAnotherInstanceDuringTheGroupStillGetsEachCallerItsAnswer() throws Exception {
		ConversionStore store = mock(ConversionStore.class);
		ConversionService service = realService(store);
		ConversionGroupCommit groups = new ConversionGroupCommit(service);
		Conversion winner = new Conversion(90, PROGRAM_ID, "R-2", EVENT_TYPE, NOW, NOW, new BigDecimal("10.00"), "USD",
				null, List.of(), NOBODY);
		given(store.findByOrderIds(anyLong(), anyCollection())).willReturn(Map.of());
		given(store.findByOrderIds(PROGRAM_ID, List.of("R-2"))).willReturn(Map.of("R-2", winner));
		given(store.findByOrderIds(PROGRAM_ID, List.of("R-3"))).willReturn(Map.of("R-3", new Conversion(91,
				PROGRAM_ID, "R-3", EVENT_TYPE, NOW, NOW, new BigDecimal("99.00"), "USD", null, List.of(), NOBODY)));
		willAnswer(call -> {
			List<ConversionStore.Attributed> rows = call.getArgument(2);
			Set<String> orders = rows.stream().map(row -> row.conversion().orderId()).collect(Collectors.toSet());
			if (orders.contains("FIRST")) {
				this.firstEntered.countDown();
				this.firstReleased.await(10, TimeUnit.SECONDS);
				return Map.of("FIRST", 80L);
			}
			if (orders.contains("R-2") || orders.contains("R-3")) {
				throw new DataIntegrityViolationException("x",
						new RuntimeException("Unique index or primary key violation: UK_CONVERSION_ORDER_PROGRAM"));
			}
			return Map.of("R-1", 81L);
		}).given(store).insert(eq(PROGRAM_ID), eq(NOW), anyList());

		post(groups, "FIRST");
		this.firstEntered.await(10, TimeUnit.SECONDS);
		CompletableFuture<Recorded> fresh = post(groups, "R-1");
		CompletableFuture<Recorded> sameContent = post(groups, "R-2");
		CompletableFuture<Recorded> otherContent = post(groups, "R-3");
		awaitWaiting();
		this.firstReleased.countDown();

		assertThat(fresh.get(10, TimeUnit.SECONDS).created()).isTrue();
		assertThat(fresh.get().conversion().id()).isEqualTo(81);
		assertThat(sameContent.get(10, TimeUnit.SECONDS).created()).isFalse();
		assertThat(sameContent.get().conversion()).isEqualTo(winner);
		assertThat(otherContent).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(OrderIdConflict.class);
		// The group's insert, then each alone: R-1 stored, R-2 and R-3 refused by the constraint.
		verify(store).insert(eq(PROGRAM_ID), eq(NOW), argThat(rows -> rows.size() == 3));
		verify(store).insert(eq(PROGRAM_ID), eq(NOW), argThat(rows -> rows.size() == 1
				&& rows.get(0).conversion().orderId().equals("R-1")));
	}

	private ConversionService realService(ConversionStore store) {
		ProgramCatalog catalog = mock(ProgramCatalog.class);
		ProgramView program = new ProgramView(PROGRAM_ID, "Acme Outdoor US", 1, "Acme Outdoor");
		given(catalog.require(ALICE, PROGRAM_ID)).willReturn(program);
		given(catalog.requireEach(eq(PROGRAM_ID), anyCollection())).willAnswer(
				call -> call.<Collection<CurrentUser>>getArgument(1).stream().collect(Collectors.toMap(user -> user, user -> program)));
		given(catalog.partnerNames(PROGRAM_ID)).willReturn(Map.of());
		ActiveEventTypes eventTypes = mock(ActiveEventTypes.class);
		given(eventTypes.of(PROGRAM_ID)).willReturn(Set.of(EVENT_TYPE));
		Matchers matchers = mock(Matchers.class);
		given(matchers.of(PROGRAM_ID)).willReturn(CodeMatcher.of(List.of()));
		return new ConversionService(catalog, eventTypes, mock(TrackingSettings.class), matchers, store,
				mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	/** The conversion FIRST, posted alone, stays in its write until the test releases it. */
	private void holdTheFirstWrite() {
		given(this.conversions.record(ALICE, PROGRAM_ID, conversion("FIRST"))).willAnswer(call -> {
			this.firstEntered.countDown();
			this.firstReleased.await(10, TimeUnit.SECONDS);
			return recorded("FIRST", 1);
		});
	}

	private CompletableFuture<Recorded> post(ConversionGroupCommit groups, String orderId) {
		CompletableFuture<Recorded> answer = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				answer.complete(groups.record(ALICE, PROGRAM_ID, conversion(orderId)));
			}
			catch (Throwable ex) {
				answer.completeExceptionally(ex);
			}
		}, "caller-" + orderId);
		this.callers.add(caller);
		caller.start();
		return answer;
	}

	/** Until every caller but the first waits for its group: queued behind the write that is held. */
	private void awaitWaiting() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		List<Thread> others = this.callers.subList(1, this.callers.size());
		while (!others.stream().allMatch(caller -> caller.getState() == Thread.State.TIMED_WAITING)) {
			assertThat(System.nanoTime()).as("callers waiting for their group").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private static NewConversion conversion(String orderId) {
		return new NewConversion(orderId, EVENT_TYPE, NOW, BigDecimal.TEN, "USD", null, List.of());
	}

	private static Recorded recorded(String orderId, long id) {
		return new Recorded(new Conversion(id, PROGRAM_ID, orderId, EVENT_TYPE, NOW, NOW, new BigDecimal("10.00"),
				"USD", null, List.of(), NOBODY), true, Map.of());
	}

}
