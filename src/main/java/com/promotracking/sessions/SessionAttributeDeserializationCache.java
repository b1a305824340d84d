package com.promotracking.sessions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Reads a session attribute from the bytes Spring Session JDBC stored, keeping the sign-in it found in a security
 * context. The session filter reads the session on every request, and the security context is what every request
 * needs: deserialising it again each time was most of what reading a session cost. The sign-in is found by a
 * digest of the stored bytes, so whatever changes the context (another sign-in, another instance's write) is new
 * bytes and is read afresh; a sign-out removes the attribute. Each request gets its own context around the kept
 * sign-in, which nothing changes once it is made: a sign-out clearing its context clears that copy only. Every
 * other attribute is deserialised as before.
 */
final class SecurityContextDeserializationCache implements Converter<byte[], Object> {

	/** A sign-in's bytes stay the same for its session's life; this bounds the memory, least used first out. */
	static final int MAX_SIGN_INS = 2_000;

	/** As long as an idle session lives (its default timeout): after that its bytes are not read again. */
	static final Duration KEPT_FOR = Duration.ofMinutes(30);

	private final DeserializingConverter deserializer;

	private final MessageDigest sha256;

	private final Cache<String, Authentication> signIns = Caffeine.newBuilder()
		.maximumSize(MAX_SIGN_INS)
		.expireAfterAccess(KEPT_FOR)
		.build();

	SecurityContextDeserializationCache(ClassLoader classLoader) {
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
		Authentication kept = this.signIns.getIfPresent(key);
		if (kept != null) {
			return new SecurityContextImpl(kept);
		}
		Object read = this.deserializer.convert(stored);
		// Exactly the class Spring Security stores: a subclass might hold more than the sign-in.
		Authentication signIn = (read != null && read.getClass() == SecurityContextImpl.class)
				? ((SecurityContextImpl) read).getAuthentication() : null;
		if (signIn == null) {
			return read;
		}
		this.signIns.put(key, signIn);
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
