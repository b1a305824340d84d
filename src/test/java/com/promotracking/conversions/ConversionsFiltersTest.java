package com.promotracking.conversions;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.promotracking.conversions.ConversionsController.Filters;

import static org.assertj.core.api.Assertions.assertThat;

class ConversionsFiltersTest {

	@Test
	void anotherPageKeepsTheCodeAsTypedTrimmedInsteadOfTheLinksId() {
		Filters typed = new Filters(LocalDate.of(2021, 3, 14), null, null, 7L, "  summer 10 ", null, null);

		assertThat(typed.codeText()).isEqualTo("summer 10");
		assertThat(typed.url(3, 1)).isEqualTo("/programs/3/conversions?from=2021-03-14&code=summer%2010&page=1");
	}

	@Test
	void aLinksCodeIdStaysWhenNoCodeIsTyped() {
		Filters linked = new Filters(null, null, null, 7L, " ", null, null);

		assertThat(linked.codeText()).isNull();
		assertThat(linked.url(3, 0)).isEqualTo("/programs/3/conversions?promoCodeId=7");
	}

}
