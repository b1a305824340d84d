package com.promotracking.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Checks logins, remembering for a few minutes which login and password pairs were just verified. The API
 * sends HTTP Basic credentials with every call, and checking a BCrypt hash is costly on purpose: without this,
 * each API call would. Passwords are kept only as a keyed hash (HMAC with a key made at start-up and never
 * stored), and a locked login is refused even when its pair is remembered.
 * <p>
 * The cache checks a pair once: the requests that bring the same pair meanwhile wait for that check and get
 * its result, rather than each checking the hash when a busy API client's pair has just been forgotten. A
 * check that fails leaves nothing behind, so a wrong password is checked (and throttled) again every time.
 */
@Component
class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

	/** Bounds the memory: beyond it, the pairs used least go first. */
	static final int MAX_REMEMBERED = 10_000;

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final Cache<String, Authentication> remembered;

	/** Keyed once: each pair's hash is computed on a copy of it, rather than looking up and keying a new MAC. */
	private final Mac keyed;

	CachingPasswordAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder,
			LoginThrottle throttle, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
		// The application's clock, so that tests move time for the cache as they do for the login throttle.
		Ticker ticker = () -> nanosOf(clock.instant());
		this.remembered = Caffeine.newBuilder()
			.expireAfterWrite(REMEMBERED_FOR)
			.maximumSize(MAX_REMEMBERED)
			.ticker(ticker)
			.build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			this.keyed = Mac.getInstance("HmacSHA256");
			this.keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String pair = pairOf(login);
		boolean[] checkedNow = { false };
		Authentication result = this.remembered.get(pair, samePair -> {
			checkedNow[0] = true;
			return checkPassword(login);
		});
		// A fresh check has just asked the account whether it is locked; a remembered pair has not.
		if (!checkedNow[0] && this.throttle.isLocked(login.getName())) {
			this.remembered.invalidate(pair);
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
			Mac mac = (Mac) this.keyed.clone();
			mac.update(String.valueOf(login.getName()).strip().toLowerCase(Locale.ROOT)
				.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			mac.update(String.valueOf(login.getCredentials()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's HmacSHA256 can be copied", ex);
		}
	}

	private static long nanosOf(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
