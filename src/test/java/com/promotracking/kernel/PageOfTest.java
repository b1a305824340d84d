package com.promotracking.kernel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageOfTest {

	@Test
	void aReadOfOneMoreThanThePageHasANextPageAndShowsThePageOnly() {
		List<String> read = new ArrayList<>(List.of("e", "d", "c", "b"));

		PageOf<String> page = PageOf.cut(read, 2, 3);

		assertThat(page.hasNext()).isTrue();
		assertThat(page.items()).containsExactly("e", "d", "c");
		assertThat(page.page()).isEqualTo(2);
		assertThat(page.size()).isEqualTo(3);
		read.clear();
		assertThat(page.items()).as("a copy, which does not hold on to the extra one read").containsExactly("e", "d",
				"c");
	}

	@Test
	void aShortReadHasNoNextPage() {
		assertThat(PageOf.cut(List.of("b", "a"), 0, 3)).isEqualTo(new PageOf<>(List.of("b", "a"), 0, 3, false));
		assertThat(PageOf.cut(List.of("c", "b", "a"), 0, 3).hasNext()).as("exactly a page").isFalse();
		assertThat(PageOf.cut(List.of(), 4, 3)).isEqualTo(PageOf.empty(4, 3));
	}

	@Test
	void theFirstPageHasNoPreviousAndTheSecondHasOne() {
		assertThat(PageOf.cut(List.of("a"), 0, 3).hasPrevious()).isFalse();
		assertThat(PageOf.cut(List.of("a"), 1, 3).hasPrevious()).isTrue();
	}

	@Test
	void anEmptyPageIsTheFirstWithNothingAfterIt() {
		PageOf<String> empty = PageOf.empty(50);

		assertThat(empty.items()).isEmpty();
		assertThat(empty.page()).isZero();
		assertThat(empty.size()).isEqualTo(50);
		assertThat(empty.hasNext()).isFalse();
		assertThat(empty.hasPrevious()).isFalse();
	}

}
