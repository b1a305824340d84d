package com.promotracking.conversions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import com.promotracking.promocodes.PromoCodeRules;

/**
 * Each program's {@link CodeMatcher}, built once and kept while its codes stay the same. Any instance may have
 * created or deactivated a code, so every use first reads the program's codes version (a counter on the program's
 * row, raised in the transaction of each change: one read by primary key) and rebuilds when it differs: a change
 * is seen by the very next conversion on every instance, with no messaging between instances and no window where
 * an old matcher credits.
 * Whether tracking is on is not part of the matcher; the caller reads it with each conversion.
 */
@Component
class Matchers {

	/** Enough for the programs that send conversions at once; an evicted one is built again on its next use. */
	private static final int PROGRAMS = 1_000;

	private final Cache<Long, Versioned> cache = Caffeine.newBuilder().maximumSize(PROGRAMS).build();

	private final PromoCodeRules rules;

	Matchers(PromoCodeRules rules) {
		this.rules = rules;
	}

	CodeMatcher of(long programId) {
		long version = this.rules.versionOf(programId);
		Versioned current = this.cache.getIfPresent(programId);
		if (current != null && current.version() == version) {
			return current.matcher();
		}
		// Read under the key's lock, so concurrent conversions of a program that changed build it once.
		return this.cache.asMap().compute(programId, (id, cached) -> (cached != null && cached.version() == version)
				? cached : new Versioned(version, CodeMatcher.of(this.rules.of(id)))).matcher();
	}

	private record Versioned(long version, CodeMatcher matcher) {
	}

}
