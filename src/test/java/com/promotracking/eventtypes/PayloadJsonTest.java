package com.promotracking.eventtypes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadJsonTest {

	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":1}", " [1, 2] ", "\"text\"", "12.50", "{\"note\":\"caf\uFFFD\"}" })
	void oneJsonValueIsEmbeddedAsItIs(String payload) {
		assertThat(PayloadJson.isOneJsonValue(payload)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\uFEFF{\"a\":1}", "{\u0000\"a\":1}", "{\"a\":\"\u0000\"}", "{\"a\":1} {\"b\":2}",
			"{\"a\":1", "{'a':1}", "NaN", "{\"a\":1} x", "caf\uFFFD" })
	void anythingElseIsNot(String payload) {
		assertThat(PayloadJson.isOneJsonValue(payload)).isFalse();
	}

}
