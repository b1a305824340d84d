package com.promotracking.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each program's conversion counts as the console shows them, kept for {@link #FRESH_FOR}: counting means reading
 * every conversion of a program's last days, and a console page shows fifty programs to every user who opens it.
 * Counts a minute old are as true for "the last 30 days" as counts of this second; tracking, validation and requests
 * are read fresh on every page.
 */
class ConversionCountsCache {

	static final Duration FRESH_FOR = Duration.ofMinutes(1);

	private static final int PROGRAMS = 20_000;

	private final Cache<Long, ConversionCounts> counts = Caffeine.newBuilder()
		.expireAfterWrite(FRESH_FOR)
		.maximumSize(PROGRAMS)
		.build();

	private final BiFunction<Collection<Long>, Instant, Map<Long, ConversionCounts>> count;

	ConversionCountsCache(BiFunction<Collection<Long>, Instant, Map<Long, ConversionCounts>> count) {
		this.count = count;
	}

	/** The counts of these programs since then; those not held are counted together, in one query. */
	Map<Long, ConversionCounts> of(List<Long> programIds, Instant since) {
		Map<Long, ConversionCounts> present = this.counts.getAllPresent(programIds);
		if (present.size() == programIds.size()) {
			return present;
		}
		// One count at a time: pages asked for at once while the counts are missing (every minute, when they
		// expire) wait for the first one's count instead of all counting the same conversions.
		synchronized (this) {
			return load(programIds, since);
		}
	}

	private Map<Long, ConversionCounts> load(List<Long> programIds, Instant since) {
		return this.counts.getAll(programIds, missing -> {
			Map<Long, ConversionCounts> found = new HashMap<>(this.count.apply(List.copyOf(missing), since));
			missing.forEach(id -> found.putIfAbsent(id, ConversionCounts.NONE));
			return found;
		});
	}

}
