package com.promotracking.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class CachingPasswordAuthenticationProviderTest {

	private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(4);

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private final AccountDetailsService accounts = mock(AccountDetailsService.class);

	private final LoginThrottle throttle = mock(LoginThrottle.class);

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T08:00:00Z"));

	private final Clock clock = mock(Clock.class);

	private final CachingPasswordAuthenticationProvider credentials = new CachingPasswordAuthenticationProvider(
			this.accounts, ENCODER, this.throttle, this.clock);

	@BeforeEach
	void aliceHasAPassword() {
		given(this.clock.instant()).willAnswer(call -> this.now.get());
		given(this.accounts.loadUserByUsername("alice@acme.example"))
			.willAnswer(call -> new SignedInUser(ALICE, ENCODER.encode("alice-demo-pass")));
	}

	@Test
	void theSameLoginAndPasswordAreCheckedAgainstTheHashOnceThenRemembered() {
		Authentication first = this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));
		Authentication second = this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));

		assertThat(first.isAuthenticated()).isTrue();
		assertThat(second.getPrincipal()).isSameAs(first.getPrincipal());
		verify(this.accounts, times(1)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void aWrongPasswordIsNeverRememberedSoEachAttemptIsCheckedAndFails() {
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "guess")))
				.isInstanceOf(BadCredentialsException.class);
		}
		verify(this.accounts, times(2)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void anotherPasswordForARememberedLoginIsCheckedAgainstTheHash() {
		this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));

		assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "alice-demo-pas")))
			.isInstanceOf(BadCredentialsException.class);
		verify(this.accounts, times(2)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void aLoginLockedAfterItsPasswordWasRememberedIsRefusedAllTheSame() {
		this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));
		given(this.throttle.isLocked("alice@acme.example")).willReturn(true);

		assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass")))
			.isInstanceOf(LockedException.class);
	}

	@Test
	void aRememberedPairIsCheckedAgainOnceItsTimeIsUp() {
		this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));
		this.now.updateAndGet(time -> time.plus(CachingPasswordAuthenticationProvider.REMEMBERED_FOR).minusNanos(1));
		this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));
		verify(this.accounts, times(1)).loadUserByUsername("alice@acme.example");

		this.now.updateAndGet(time -> time.plusNanos(1));
		this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));
		verify(this.accounts, times(2)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void eightCallsThatBringTheSamePairAtOnceWaitForOneCheckOfTheHash() throws Exception {
		List<Authentication> results = authenticateAtOnce(8, "alice-demo-pass");

		assertThat(results).hasSize(8).allSatisfy(result -> assertThat(result.isAuthenticated()).isTrue());
		assertThat(results).extracting(Authentication::getPrincipal).containsOnly(results.get(0).getPrincipal());
		verify(this.accounts, times(1)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void callsThatBringTheSameWrongPasswordAtOnceAllFailAndNothingIsRemembered() throws Exception {
		List<Authentication> results = authenticateAtOnce(4, "guess");

		assertThat(results).containsOnlyNulls();
		// The calls waited for one another, and each checked the hash in turn: a failure is never shared.
		verify(this.accounts, times(4)).loadUserByUsername("alice@acme.example");
		assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "guess")))
			.isInstanceOf(BadCredentialsException.class);
		verify(this.accounts, times(5)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void aLoginThatCouldNotBeCheckedFailsAsItsCauseAndIsNotRemembered() {
		given(this.accounts.loadUserByUsername("alice@acme.example"))
			.willThrow(new CannotGetJdbcConnectionException("the database is down"))
			.willAnswer(call -> new SignedInUser(ALICE, ENCODER.encode("alice-demo-pass")));

		assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass")))
			.isInstanceOf(CannotGetJdbcConnectionException.class);
		assertThat(this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass")).isAuthenticated())
			.isTrue();
		verify(this.accounts, times(2)).loadUserByUsername("alice@acme.example");
	}

	/**
	 * Alice's account is read only once every caller is blocked, either waiting for the check under way or (were
	 * there no waiting) in its own read of the account, and has stayed so for a while (a thread may block for a
	 * moment on something else). A caller whose login failed gets null.
	 */
	private List<Authentication> authenticateAtOnce(int callers, String password) throws Exception {
		CountDownLatch everyoneWaits = new CountDownLatch(1);
		given(this.accounts.loadUserByUsername("alice@acme.example")).willAnswer(call -> {
			assertThat(everyoneWaits.await(10, TimeUnit.SECONDS)).as("every caller came").isTrue();
			return new SignedInUser(ALICE, ENCODER.encode("alice-demo-pass"));
		});
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Thread> threads = new CopyOnWriteArrayList<>();
			List<Future<Authentication>> calls = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				calls.add(pool.submit(() -> {
					threads.add(Thread.currentThread());
					try {
						return this.credentials.authenticate(login("alice@acme.example", password));
					}
					catch (BadCredentialsException ex) {
						return null;
					}
				}));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			int blockedSightings = 0;
			while (blockedSightings < 20) {
				assertThat(System.nanoTime()).as("every caller blocks").isLessThan(deadline);
				boolean allBlocked = threads.size() == callers
						&& threads.stream().allMatch(CachingPasswordAuthenticationProviderTest::isBlocked);
				blockedSightings = allBlocked ? blockedSightings + 1 : 0;
				Thread.sleep(5);
			}
			everyoneWaits.countDown();
			List<Authentication> results = new ArrayList<>();
			for (Future<Authentication> call : calls) {
				results.add(call.get(10, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Waiting for the latch (the caller checking), or for the cache's lock on the pair (the others). */
	private static boolean isBlocked(Thread thread) {
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
				|| state == Thread.State.BLOCKED;
	}

	private static UsernamePasswordAuthenticationToken login(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

}
