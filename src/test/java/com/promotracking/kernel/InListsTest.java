package com.promotracking.kernel;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InListsTest {

	@Test
	void aListIsPaddedWithItsLastValueToTheNextPowerOfTwo() {
		assertThat(InLists.padded(List.of(7L, 8L, 9L))).containsExactly(7L, 8L, 9L, 9L);
		assertThat(InLists.padded(List.of("a", "b", "c", "d"))).containsExactly("a", "b", "c", "d");
		assertThat(InLists.padded(List.of(1L))).containsExactly(1L);
		assertThat(InLists.padded(List.<Long>of())).isEmpty();
	}

	@Test
	void manyValuesAreCutIntoPaddedListsOfAtMostTheMost() {
		List<Integer> values = IntStream.range(0, 150).boxed().toList();

		List<List<Integer>> lists = InLists.of(values);

		assertThat(lists).extracting(List::size).containsExactly(64, 64, 32);
		assertThat(lists.get(2)).startsWith(128).endsWith(149, 149);
		assertThat(lists.stream().flatMap(List::stream).distinct()).containsExactlyElementsOf(values);
		assertThat(InLists.of(List.of())).isEmpty();
		assertThat(InLists.of(values, 128)).extracting(List::size).containsExactly(128, 32);
	}

	@Test
	void anyNumberOfValuesMakesListsOfSevenLengthsAtMost() {
		assertThat(IntStream.rangeClosed(1, 3_000)
			.boxed()
			.flatMap(size -> InLists.of(IntStream.range(0, size).boxed().toList()).stream())
			.map(List::size)
			.distinct()
			.sorted()).containsExactly(1, 2, 4, 8, 16, 32, 64);
	}

}
