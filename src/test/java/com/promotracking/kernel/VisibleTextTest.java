package com.promotracking.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VisibleTextTest {

	private final VisibleText.Check check = new VisibleText.Check();

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "\u0019", "\u00a0", "\u200b", "\u2800", "\u3164", "\u115f\u1160", "\ufeff",
			"\u00a0\u200b\u2060\u3000", "\ufe0f", "a\u0000b", "Sale\t2", "a\nb", "a\u2028b", "x\u202eevil",
			"\u2066x", "\ud800", "ok\u007f" })
	void refusesNamesThatShowNothingOrHoldControlCharacters(String name) {
		assertThat(VisibleText.Check.holds(name)).isFalse();
		assertThat(this.check.isValid(name, null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Online Sale", "Café", "Vente en ligne\u00a0!", "\ud83d\udc69\u200d\ud83d\udcbb",
			"  padded  ", "日本", "\u0645\u0628\u064a\u0639\u0627\u062a" })
	void takesNamesThatShowSomething(String name) {
		assertThat(VisibleText.Check.holds(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void leavesBlankValuesToNotBlank(String name) {
		assertThat(this.check.isValid(name, null)).isTrue();
		assertThat(this.check.isValid(null, null)).isTrue();
	}

}
