package com.promotracking.web;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.kernel.UnreadableValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

	record Named(String name) {
	}

	record Counted(Long partnerId, int size, boolean on) {
	}

	record Dated(Instant at, LocalDate day) {
	}

	private final JsonMapper mapper = strict();

	private static JsonMapper strict() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJson().strictScalars().customize(builder);
		return builder.build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "false", "12", "1.5" })
	void aScalarOfAnotherTypeIsNoText(String value) {
		assertThatThrownBy(() -> this.mapper.readValue("{\"name\":" + value + "}", Named.class))
			.isInstanceOf(JacksonException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"partnerId\":1.9,\"size\":1,\"on\":true}", "{\"partnerId\":1.0,\"size\":1,\"on\":true}",
			"{\"partnerId\":\"1\",\"size\":1,\"on\":true}", "{\"partnerId\":1,\"size\":2.5,\"on\":true}",
			"{\"partnerId\":1,\"size\":1,\"on\":1}", "{\"partnerId\":1,\"size\":1,\"on\":\"true\"}" })
	void numbersAndBooleansHaveTheirOwnTypeOnly(String body) {
		assertThatThrownBy(() -> this.mapper.readValue(body, Counted.class)).isInstanceOf(JacksonException.class);
	}

	@Test
	void valuesOfTheirOwnTypeAreRead() {
		assertThat(this.mapper.readValue("{\"name\":\"x\"}", Named.class).name()).isEqualTo("x");
		assertThat(this.mapper.readValue("{\"partnerId\":1,\"size\":2,\"on\":true}", Counted.class))
			.isEqualTo(new Counted(1L, 2, true));
		assertThat(this.mapper.readValue("{\"at\":\"2999-12-31T23:59:59Z\",\"day\":\"2000-01-01\"}", Dated.class)
			.day()).isEqualTo(LocalDate.of(2000, 1, 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"at\":\"+999999999-12-31T23:59:59Z\"}", "{\"at\":\"1999-12-31T23:59:59Z\"}",
			"{\"day\":\"+1000000-01-01\"}", "{\"day\":\"3000-01-01\"}" })
	void datesBeyondTheSupportedYearsAreRefusedWithTheirReason(String body) {
		assertThatThrownBy(() -> this.mapper.readValue(body, Dated.class))
			.satisfies(failure -> assertThat(UnreadableValue.in(failure)).isNotNull());
	}

}
