package com.promotracking.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks logins, remembering for a few minutes which login and password pairs were just verified. The API
 * sends HTTP Basic credentials with every call, and checking a BCrypt hash costs about 100 ms of CPU: without
 * this, each API call would. Passwords are kept only as a keyed hash (HMAC with a key made at start-up and
 * never stored), and a locked login is refused even when its pair is remembered.
 * <p>
 * A pair is checked by one request at a time: the requests that bring the same pair meanwhile wait for that
 * check and share its outcome. Otherwise, each time a pair is forgotten, every call a busy API client has in
 * flight checks the hash at once: with 32 calls on two cores, every request waited over half a second (the
 * benchmark's lone p99 spikes, five minutes after its warm-up).
 */
@Component
class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

	/** Bounds the memory: when full, everything is forgotten and checked again. */
	static final int MAX_REMEMBERED = 10_000;

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final Clock clock;

	private final Map<String, Check> checks = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	CachingPasswordAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle,
			Clock clock) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String pair = pairOf(login);
		Instant now = this.clock.instant();
		Check check = this.checks.get(pair);
		if (Check.isDue(check, now)) {
			if (this.checks.size() >= MAX_REMEMBERED) {
				this.checks.clear();
			}
			Check mine = new Check(now);
			check = this.checks.compute(pair, (samePair, current) -> Check.isDue(current, now) ? mine : current);
			if (check == mine) {
				// This request checks the hash; the ones with the same pair wait for it (Check.outcome).
				return mine.run(() -> checkPassword(login), () -> this.checks.remove(pair, mine));
			}
		}
		Authentication result = check.outcome();
		if (this.throttle.isLocked(login.getName())) {
			this.checks.remove(pair, check);
			throw new LockedException("Login locked");
		}
		return result;
	}

	/**
	 * A login that could not be checked (the database is down, say) is not a wrong password: the failure
	 * leaves Spring Security unwrapped, so it answers 503 or 500 rather than 401.
	 */
	private Authentication checkPassword(Authentication login) {
		try {
			return this.passwords.authenticate(login);
		}
		catch (InternalAuthenticationServiceException ex) {
			if (ex.getCause() instanceof RuntimeException cause && !(cause instanceof AuthenticationException)) {
				throw cause;
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String pairOf(Authentication login) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(String.valueOf(login.getName()).strip().toLowerCase(java.util.Locale.ROOT)
				.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			mac.update(String.valueOf(login.getCredentials()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** One check of one pair: under way, or done and remembered. A failed check is forgotten at once. */
	private static final class Check {

		private final Instant startedAt;

		private final CompletableFuture<Authentication> outcome = new CompletableFuture<>();

		Check(Instant startedAt) {
			this.startedAt = startedAt;
		}

		/** No check of the pair, or one started {@link #REMEMBERED_FOR} ago or more: time to check the hash. */
		static boolean isDue(Check check, Instant now) {
			return check == null || !now.isBefore(check.startedAt.plus(REMEMBERED_FOR));
		}

		Authentication run(Supplier<Authentication> passwordCheck, Runnable forget) {
			try {
				Authentication result = passwordCheck.get();
				this.outcome.complete(result);
				return result;
			}
			catch (RuntimeException | Error ex) {
				// A wrong password is never remembered: the next attempt is checked (and throttled) again.
				forget.run();
				this.outcome.completeExceptionally(ex);
				throw ex;
			}
		}

		/** Waits for the check under way, if any; each waiter gets the same result, or the same failure. */
		Authentication outcome() {
			try {
				return this.outcome.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				if (ex.getCause() instanceof Error cause) {
					throw cause;
				}
				throw ex;
			}
		}

	}

}
