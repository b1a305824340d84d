package com.promotracking.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyUsedTest {

	@Test
	void whenFullTheValueUsedLongestAgoGoes() {
		RecentlyUsed<Integer, String> kept = new RecentlyUsed<>(2);
		kept.put(1, "one");
		kept.put(2, "two");
		assertThat(kept.get(1)).isEqualTo("one");

		kept.put(3, "three");

		assertThat(kept.size()).isEqualTo(2);
		assertThat(kept.get(2)).as("used longest ago").isNull();
		assertThat(kept.get(1)).isEqualTo("one");
		assertThat(kept.get(3)).isEqualTo("three");
	}

}
