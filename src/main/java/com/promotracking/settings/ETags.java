package com.promotracking.settings;

/** The settings' version as a strong entity tag, {@code "3"}, and back. */
final class ETags {

	/** Stands for a version no row can have, so a malformed If-Match fails the precondition (412). */
	private static final long NO_VERSION = -1;

	private ETags() {
	}

	static String of(long version) {
		return "\"" + version + "\"";
	}

	/** Null when the client sent no If-Match, or {@code *} (any current version). */
	static Long expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		// If-Match compares strongly (RFC 9110): a weak tag, a list or junk never matches.
		String tag = ifMatch.strip();
		if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
			return NO_VERSION;
		}
		try {
			return Long.parseLong(tag.substring(1, tag.length() - 1));
		}
		catch (NumberFormatException ex) {
			return NO_VERSION;
		}
	}

}
