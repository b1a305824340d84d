package com.promotracking.console;

import org.junit.jupiter.api.Test;

import com.promotracking.kernel.InvalidField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the console reads its sort and state from a request, and escapes a search for LIKE. */
class ConsoleSortTest {

	@Test
	void aSortIsAColumnsValueWithAMinusFirstForDescending() {
		assertThat(ConsoleSort.Order.of("live-codes")).isEqualTo(new ConsoleSort.Order(ConsoleSort.LIVE_CODES, false));
		assertThat(ConsoleSort.Order.of("-last-change"))
			.isEqualTo(new ConsoleSort.Order(ConsoleSort.LAST_CHANGE, true));
		assertThat(ConsoleSort.Order.of(null)).isEqualTo(ConsoleSort.Order.DEFAULT);
		assertThat(ConsoleSort.Order.of("-credited").value()).isEqualTo("-credited");
		assertThat(ConsoleSort.CREDITED.byCount()).isTrue();
		assertThat(ConsoleSort.LIVE_CODES.byCount()).isTrue();
		assertThat(ConsoleSort.PROGRAM.byCount()).isFalse();
	}

	@Test
	void anUnknownSortOrStateIsRefusedNamingItsParameter() {
		for (String sort : new String[] { "", "price", "--program", "LIVE_CODES", "live_codes", " program" }) {
			assertThatThrownBy(() -> ConsoleSort.Order.of(sort)).as(sort)
				.isInstanceOfSatisfying(InvalidField.class,
						refusal -> assertThat(refusal.fieldReasons().get(0).field()).isEqualTo("sort"));
		}
		for (String state : new String[] { "", "on", "READY_TO_ENABLE", "ready to enable" }) {
			assertThatThrownBy(() -> ConsoleState.filter(state)).as(state)
				.isInstanceOfSatisfying(InvalidField.class,
						refusal -> assertThat(refusal.fieldReasons().get(0).field()).isEqualTo("state"));
		}
		assertThat(ConsoleState.filter("requests-waiting")).isEqualTo(ConsoleState.REQUESTS_WAITING);
		assertThat(ConsoleState.filter(null)).isNull();
	}

	@Test
	void aSearchMatchesItsWildcardsLiterally() {
		assertThat(ConsoleStore.likeEscaped("100%_off\\")).isEqualTo("100\\%\\_off\\\\");
		assertThat(ConsoleStore.likeEscaped("plain")).isEqualTo("plain");
	}

}
