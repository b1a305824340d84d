package com.promotracking.sessions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Reads a session attribute from the bytes Spring Session JDBC stored, keeping what it found of the two attributes
 * every page reads: the sign-in in a security context, and the CSRF token. The session filter reads the session on
 * every request, the security context is what every request needs and every page with a form (the sign-out button
 * is one) reads the token: deserialising them again each time was most of what reading a session cost. Both are
 * found by a digest of the stored bytes, so whatever changes them (another sign-in, a new token, another instance's
 * write) is new bytes and is read afresh; a sign-out removes them. Each request gets its own context around the kept
 * sign-in, which nothing changes once it is made: a sign-out clearing its context clears that copy only. A token
 * cannot change, so each request gets the one kept. Every other attribute is deserialised as before.
 */
final class SessionAttributeDeserializationCache implements Converter<byte[], Object> {

	/** A session's sign-in and token stay the same for its life; this bounds the memory, least used first out. */
	static final int MAX_KEPT = 4_000;

	/** As long as an idle session lives (its default timeout): after that its bytes are not read again. */
	static final Duration KEPT_FOR = Duration.ofMinutes(30);

	private final DeserializingConverter deserializer;

	private final MessageDigest sha256;

	/** A sign-in ({@link Authentication}) or a CSRF token ({@link DefaultCsrfToken}), by the digest of its bytes. */
	private final Cache<String, Object> kept = Caffeine.newBuilder()
		.maximumSize(MAX_KEPT)
		.expireAfterAccess(KEPT_FOR)
		.build();

	SessionAttributeDeserializationCache(ClassLoader classLoader) {
		this.deserializer = new DeserializingConverter(classLoader);
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	@Override
	public Object convert(byte[] stored) {
		String key = digest(stored);
		Object kept = this.kept.getIfPresent(key);
		if (kept instanceof Authentication signIn) {
			return new SecurityContextImpl(signIn);
		}
		if (kept != null) {
			return kept;
		}
		Object read = this.deserializer.convert(stored);
		// Exactly the classes Spring Security stores: a subclass might hold more, or change.
		if (read != null && read.getClass() == DefaultCsrfToken.class) {
			this.kept.put(key, read);
			return read;
		}
		Authentication signIn = (read != null && read.getClass() == SecurityContextImpl.class)
				? ((SecurityContextImpl) read).getAuthentication() : null;
		if (signIn == null) {
			return read;
		}
		this.kept.put(key, signIn);
		return new SecurityContextImpl(signIn);
	}

	private String digest(byte[] stored) {
		try {
			// A copy of the unused digest: cheaper than looking one up, and safe from any thread.
			return HexFormat.of().formatHex(((MessageDigest) this.sha256.clone()).digest(stored));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's SHA-256 can be copied", ex);
		}
	}

}
