package com.promotracking.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a key looks like and how it is kept. A key is {@code pct_} and 256 random bits in URL-safe Base64, so it is
 * recognisable in a configuration file or a leaked log, and its first {@value #PREFIX_LENGTH} characters (which
 * give away 48 of the 256 bits) are shown to tell keys apart.
 * <p>
 * Only a SHA-256 of the key is stored. A fast, unsalted hash is enough here, unlike for passwords: a key is 256
 * random bits, not something a person chose, so no dictionary or table of hashes can find it and trying keys one
 * by one is hopeless however fast each try is. It also makes checking a call one index lookup rather than a
 * BCrypt check of about 100 ms.
 */
final class ApiKeySecrets {

	static final String SCHEME = "pct_";

	static final int PREFIX_LENGTH = SCHEME.length() + 8;

	/** {@code pct_} and 32 bytes in URL-safe Base64 without padding: 43 characters. */
	private static final Pattern FORMAT = Pattern.compile("pct_[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeySecrets() {
	}

	static String newKey() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** Whether the text could be a key at all: anything else is refused without reading the database. */
	static boolean wellFormed(String key) {
		return key != null && FORMAT.matcher(key).matches();
	}

	static String prefixOf(String key) {
		return key.substring(0, PREFIX_LENGTH);
	}

	/** SHA-256 of the key, in lower-case hex. */
	static String hashOf(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
