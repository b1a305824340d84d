package com.promotracking.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictParametersTest {

	@ParameterizedTest
	@ValueSource(strings = { "0", "7", "39", "-5", "9223372036854775807", "-9223372036854775808" })
	void readsAWholeNumberInItsOneSpelling(String text) {
		assertThat(StrictParameters.toLong(text)).isEqualTo(Long.parseLong(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0x27", "#27", "+39", "039", "00", "-0", " 39", "39 ", "\u0663\u0669", "3.0", "1e3",
			"9223372036854775808", "99999999999999999999", "-" })
	void refusesEveryOtherSpelling(String text) {
		assertThatThrownBy(() -> StrictParameters.toLong(text)).isInstanceOf(NumberFormatException.class);
	}

}
