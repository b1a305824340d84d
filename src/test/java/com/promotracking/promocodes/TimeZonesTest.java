package com.promotracking.promocodes;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.promotracking.kernel.UnreadableValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A promo code's time zone as typed. */
class TimeZonesTest {

	@Test
	void anIanaNameIsItsZone() {
		assertThat(TimeZones.parse(" Europe/Paris ")).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(TimeZones.parse("UTC")).isEqualTo(ZoneId.of("UTC"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void blankIsNoZoneWhichTheServiceTakesForUtc(String text) {
		assertThat(TimeZones.parse(text)).isNull();
		assertThat(TimeZones.parse(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mars/Base", "CET+", "not a zone" })
	void anUnknownZoneIsUnreadableWithTheTimeZoneReason(String text) {
		UnreadableValue unreadable = catchThrowableOfType(UnreadableValue.class, () -> TimeZones.parse(text));

		assertThat(unreadable.reasonKey()).isEqualTo("promoCode.error.timeZone");
	}

}
