package com.promotracking.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live code counts are counted once per codes version: held while a program's codes stay as they were, counted again
 * for the programs whose codes changed, and only for those.
 */
class LiveCodeCountsCacheTest {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private final Map<Long, Long> stored = new HashMap<>(Map.of(1L, 100_000L, 2L, 60L));

	private final List<List<Long>> counted = new ArrayList<>();

	private final LiveCodeCountsCache cache = new LiveCodeCountsCache(this::count);

	@Test
	void programsAreCountedOnceAndThenHeldWhileTheirCodesVersionStays() {
		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 3L, 3L, 0L), NOW)).isEqualTo(Map.of(1L, 100_000L, 2L, 60L, 3L, 0L));
		this.stored.put(1L, 5L);

		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 3L, 3L, 0L), NOW)).as("held")
			.isEqualTo(Map.of(1L, 100_000L, 2L, 60L, 3L, 0L));
		assertThat(this.counted).hasSize(1);
		assertThat(this.counted.get(0)).containsExactlyInAnyOrder(1L, 2L, 3L);
	}

	@Test
	void aProgramWhoseCodesChangedIsCountedAgainAndAloneWithThem() {
		this.cache.of(Map.of(1L, 7L, 2L, 3L), NOW);
		this.stored.put(2L, 61L);

		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 4L), NOW)).isEqualTo(Map.of(1L, 100_000L, 2L, 61L));
		assertThat(this.counted).hasSize(2);
		assertThat(this.counted.get(1)).containsExactly(2L);
	}

	private Map<Long, Long> count(Collection<Long> programIds, Instant now) {
		assertThat(now).isEqualTo(NOW);
		this.counted.add(List.copyOf(programIds));
		Map<Long, Long> live = new HashMap<>();
		programIds.stream().filter(this.stored::containsKey).forEach(id -> live.put(id, this.stored.get(id)));
		return live;
	}

}
