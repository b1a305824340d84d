package com.promotracking.programs;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramSwitcherTest {

	@Test
	void aFewProgramsAreAllOffered() {
		List<ProgramView> menu = programs(3);

		ProgramSwitcher switcher = ProgramSwitcher.of(menu);

		assertThat(switcher.shown()).isEqualTo(menu);
		assertThat(switcher.total()).isEqualTo(3);
		assertThat(switcher.more()).isFalse();
		assertThat(switcher.shows(3)).isTrue();
		assertThat(switcher.shows(4)).isFalse();
	}

	@Test
	void manyProgramsOfferTheFirstFiftyInMenuOrderAndCountTheRest() {
		List<ProgramView> menu = programs(2000);

		ProgramSwitcher switcher = ProgramSwitcher.of(menu);

		assertThat(switcher.shown()).hasSize(ProgramSwitcher.SHOWN).isEqualTo(menu.subList(0, ProgramSwitcher.SHOWN));
		assertThat(switcher.total()).isEqualTo(2000);
		assertThat(switcher.more()).isTrue();
		assertThat(switcher.shows(50)).isTrue();
		assertThat(switcher.shows(51)).isFalse();
	}

	private static List<ProgramView> programs(int count) {
		return LongStream.rangeClosed(1, count).mapToObj(id -> new ProgramView(id, "Program " + id, 1, "Acme")).toList();
	}

}
