package com.promotracking.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.promotracking.console.LiveCodeCountsCache.LiveCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live code counts are counted once and held while they are exact: until the program's codes version moves or one
 * of its codes starts or ends; then only the programs concerned are counted again.
 */
class LiveCodeCountsCacheTest {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private static final Instant CAMPAIGN_ENDS = NOW.plusSeconds(3_600);

	private final Map<Long, LiveCodes> stored = new HashMap<>(
			Map.of(1L, new LiveCodes(100_000, null), 2L, new LiveCodes(60, CAMPAIGN_ENDS)));

	private final List<List<Long>> counted = new ArrayList<>();

	private final List<Instant> countedAt = new ArrayList<>();

	private final LiveCodeCountsCache cache = new LiveCodeCountsCache(this::count);

	@Test
	void programsAreCountedOnceAndThenHeldWhileTheirCodesVersionStays() {
		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 3L, 3L, 0L), NOW)).isEqualTo(Map.of(1L, 100_000L, 2L, 60L, 3L, 0L));
		this.stored.put(1L, new LiveCodes(5, null));

		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 3L, 3L, 0L), NOW.plusSeconds(600))).as("held")
			.isEqualTo(Map.of(1L, 100_000L, 2L, 60L, 3L, 0L));
		assertThat(this.counted).hasSize(1);
		assertThat(this.counted.get(0)).containsExactlyInAnyOrder(1L, 2L, 3L);
	}

	@Test
	void aProgramWhoseCodesChangedIsCountedAgainAndAloneWithThem() {
		this.cache.of(Map.of(1L, 7L, 2L, 3L), NOW);
		this.stored.put(2L, new LiveCodes(61, CAMPAIGN_ENDS));

		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 4L), NOW)).isEqualTo(Map.of(1L, 100_000L, 2L, 61L));
		assertThat(this.counted).hasSize(2);
		assertThat(this.counted.get(1)).containsExactly(2L);
	}

	@Test
	void aProgramIsCountedAgainOnceOneOfItsCodesStartsOrEnds() {
		this.cache.of(Map.of(1L, 7L, 2L, 3L), NOW);
		this.stored.put(2L, new LiveCodes(0, null));

		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 3L), CAMPAIGN_ENDS.minusMillis(1))).as("just before: held")
			.isEqualTo(Map.of(1L, 100_000L, 2L, 60L));
		assertThat(this.cache.of(Map.of(1L, 7L, 2L, 3L), CAMPAIGN_ENDS)).isEqualTo(Map.of(1L, 100_000L, 2L, 0L));
		assertThat(this.counted).hasSize(2);
		assertThat(this.counted.get(1)).containsExactly(2L);
		assertThat(this.countedAt.get(1)).isEqualTo(CAMPAIGN_ENDS);
	}

	private Map<Long, LiveCodes> count(Collection<Long> programIds, Instant now) {
		this.counted.add(List.copyOf(programIds));
		this.countedAt.add(now);
		Map<Long, LiveCodes> live = new HashMap<>();
		programIds.stream().filter(this.stored::containsKey).forEach(id -> live.put(id, this.stored.get(id)));
		return live;
	}

}
