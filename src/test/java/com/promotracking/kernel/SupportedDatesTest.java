package com.promotracking.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportedDatesTest {

	@Test
	void takesDatesFromTheFirstToTheLastYearAsWritten() {
		for (Object value : new Object[] { LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31),
				LocalDateTime.parse("2999-12-31T23:59:59"), OffsetDateTime.parse("2999-12-31T23:00:00-10:00"),
				Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2999-12-31T23:59:59.999999999Z"),
				ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of("Europe/Paris")), "not a date" }) {
			assertThat(SupportedDates.checked(value)).isSameAs(value);
		}
	}

	@Test
	void refusesDatesBeyondWithTheRangeReason() {
		for (Object value : new Object[] { LocalDate.of(1999, 12, 31), LocalDate.of(3000, 1, 1), LocalDate.MAX,
				LocalDate.MIN, OffsetDateTime.parse("+999999999-12-31T23:59:59Z"), Instant.MAX, Instant.MIN,
				Instant.parse("3000-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59Z"),
				LocalDateTime.parse("+10000-01-01T00:00") }) {
			assertThatThrownBy(() -> SupportedDates.checked(value)).as(String.valueOf(value))
				.isInstanceOfSatisfying(UnreadableValue.class,
						unreadable -> assertThat(unreadable.reasonKey()).isEqualTo(SupportedDates.REASON));
		}
	}

}
