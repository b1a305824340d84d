package com.promotracking.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each program's number of live codes as the console shows them, counted again only when it can have changed.
 * Counting reads every code of a program, and a program may hold a hundred thousand: one such program among a
 * user's made every console page of theirs count them all. A count is kept with the program's codes version, which
 * every code created, deactivated or imported raises in the same transaction on any instance, and with the next
 * instant one of the program's codes starts or ends: until the version moves or that instant comes, the count is
 * exact. {@link #KEPT_FOR} only bounds how long an unused count takes memory.
 */
final class LiveCodeCountsCache {

	static final Duration KEPT_FOR = Duration.ofHours(1);

	private static final int PROGRAMS = 20_000;

	/** A program's live codes at an instant, and the next instant a code of it starts or ends (null: none does). */
	record LiveCodes(long live, @Nullable Instant nextChange) {

		static final LiveCodes NONE = new LiveCodes(0, null);

	}

	private record Counted(long codesVersion, LiveCodes codes) {

		boolean holdsFor(long version, Instant now) {
			return this.codesVersion == version && (this.codes.nextChange() == null || now.isBefore(this.codes.nextChange()));
		}

	}

	private final Cache<Long, Counted> counts = Caffeine.newBuilder()
		.expireAfterAccess(KEPT_FOR)
		.maximumSize(PROGRAMS)
		.build();

	private final BiFunction<Collection<Long>, Instant, Map<Long, LiveCodes>> count;

	/** {@code count} gives the live codes of the programs it is given at that instant; one it leaves out has none. */
	LiveCodeCountsCache(BiFunction<Collection<Long>, Instant, Map<Long, LiveCodes>> count) {
		this.count = count;
	}

	/**
	 * The live codes {@code now} of the programs given with their codes version; those not held for that version and
	 * instant are counted.
	 */
	Map<Long, Long> of(Map<Long, Long> codesVersions, Instant now) {
		Map<Long, Long> live = new HashMap<>();
		if (held(codesVersions, now, live).isEmpty()) {
			return live;
		}
		// One count at a time: pages asked for at once while counts are missing wait for the first one's count
		// instead of all counting the same codes.
		synchronized (this) {
			List<Long> missing = held(codesVersions, now, live);
			if (!missing.isEmpty()) {
				Map<Long, LiveCodes> counted = this.count.apply(missing, now);
				for (Long programId : missing) {
					LiveCodes codes = counted.getOrDefault(programId, LiveCodes.NONE);
					this.counts.put(programId, new Counted(codesVersions.get(programId), codes));
					live.put(programId, codes.live());
				}
			}
		}
		return live;
	}

	/** Puts the counts that hold into {@code live}; answers the programs left to count. */
	private List<Long> held(Map<Long, Long> codesVersions, Instant now, Map<Long, Long> live) {
		List<Long> missing = new ArrayList<>();
		codesVersions.forEach((programId, version) -> {
			Counted counted = this.counts.getIfPresent(programId);
			if (counted != null && counted.holdsFor(version, now)) {
				live.put(programId, counted.codes().live());
			}
			else {
				missing.add(programId);
			}
		});
		return missing;
	}

}
