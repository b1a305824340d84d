package com.promotracking.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each program's number of live codes as the console shows them, counted again when the program's codes changed or
 * after {@link #FRESH_FOR}. Counting reads every code of a program, and a program may hold a hundred thousand: one
 * such program among a user's made every console page of theirs count them all. A count is kept with the program's
 * codes version, which every code created, deactivated or imported raises in the same transaction on any instance,
 * so a change is counted on the next page; only codes that start or end with time are seen up to a minute late.
 */
final class LiveCodeCountsCache {

	static final Duration FRESH_FOR = Duration.ofMinutes(1);

	private static final int PROGRAMS = 20_000;

	private record Counted(long codesVersion, long live) {
	}

	private final Cache<Long, Counted> counts = Caffeine.newBuilder()
		.expireAfterWrite(FRESH_FOR)
		.maximumSize(PROGRAMS)
		.build();

	private final BiFunction<Collection<Long>, Instant, Map<Long, Long>> count;

	/** {@code count} gives the live codes of the programs it is given at that instant; one it leaves out has none. */
	LiveCodeCountsCache(BiFunction<Collection<Long>, Instant, Map<Long, Long>> count) {
		this.count = count;
	}

	/**
	 * The live codes of the programs given with their codes version; those not held at that version are counted as
	 * they are {@code now}.
	 */
	Map<Long, Long> of(Map<Long, Long> codesVersions, Instant now) {
		Map<Long, Long> live = new HashMap<>();
		if (held(codesVersions, live).isEmpty()) {
			return live;
		}
		// One count at a time: pages asked for at once while counts are missing wait for the first one's count
		// instead of all counting the same codes.
		synchronized (this) {
			List<Long> missing = held(codesVersions, live);
			if (!missing.isEmpty()) {
				Map<Long, Long> counted = this.count.apply(missing, now);
				for (Long programId : missing) {
					long found = counted.getOrDefault(programId, 0L);
					this.counts.put(programId, new Counted(codesVersions.get(programId), found));
					live.put(programId, found);
				}
			}
		}
		return live;
	}

	/** Puts the counts held at the given versions into {@code live}; answers the programs left to count. */
	private List<Long> held(Map<Long, Long> codesVersions, Map<Long, Long> live) {
		List<Long> missing = new ArrayList<>();
		codesVersions.forEach((programId, version) -> {
			Counted counted = this.counts.getIfPresent(programId);
			if (counted != null && counted.codesVersion() == version) {
				live.put(programId, counted.live());
			}
			else {
				missing.add(programId);
			}
		});
		return missing;
	}

}
