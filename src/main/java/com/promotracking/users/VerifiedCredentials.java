package com.promotracking.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 */
@Component
class VerifiedCredentials implements AuthenticationProvider {

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

	/** Bounds the memory: when full, everything is forgotten and checked again. */
	static final int MAX_REMEMBERED = 10_000;

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	VerifiedCredentials(AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String pair = pairOf(login);
		Verified known = this.verified.get(pair);
		long now = System.nanoTime();
		if (known != null && now - known.atNanos() < REMEMBERED_FOR.toNanos()) {
			if (this.throttle.isLocked(login.getName())) {
				this.verified.remove(pair);
				throw new LockedException("Login locked");
			}
			return known.result();
		}
		Authentication result = checkPassword(login);
		if (this.verified.size() >= MAX_REMEMBERED) {
			this.verified.clear();
		}
		this.verified.put(pair, new Verified(result, now));
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

	private record Verified(Authentication result, long atNanos) {
	}

}
