package com.promotracking.promocodes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.promotracking.kernel.UnreadableValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A promo code's start or end as typed, and the instant it means in the code's time zone. */
class MomentTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void anInstantWithAnOffsetIsTakenAsIsWhateverTheTimeZone() {
		Moment moment = Moment.parse("2026-12-01T09:00:00+02:00");

		assertThat(moment).isEqualTo(new Moment.WithOffset(OffsetDateTime.parse("2026-12-01T09:00:00+02:00")));
		assertThat(moment.toInstant(PARIS)).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
		assertThat(moment.toInstant(ZoneId.of("America/New_York"))).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
	}

	@Test
	void aUtcInstantIsAnInstantWithAnOffset() {
		assertThat(Moment.parse("2026-12-01T00:00:00Z").toInstant(PARIS)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
	}

	@Test
	void aLocalDateTimeIsReadInTheTimeZoneGiven() {
		Moment moment = Moment.parse("2026-12-01T09:00");

		assertThat(moment).isEqualTo(new Moment.Local(LocalDateTime.parse("2026-12-01T09:00")));
		assertThat(moment.toInstant(PARIS)).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
		assertThat(moment.toInstant(ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
	}

	@Test
	void aLocalDateTimeInSummerTakesTheSummerOffset() {
		assertThat(Moment.parse("2027-07-01T09:00").toInstant(PARIS)).isEqualTo(Instant.parse("2027-07-01T07:00:00Z"));
	}

	@Test
	void aDateMeansItsFirstMomentInTheTimeZoneGiven() {
		Moment moment = Moment.parse("2026-12-01");

		assertThat(moment).isEqualTo(new Moment.Day(LocalDate.parse("2026-12-01")));
		assertThat(moment.toInstant(PARIS)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
	}

	/** Time zone edge: 02:30 does not exist in Paris on the night clocks go forward; it is read as 03:30. */
	@Test
	void aLocalTimeInTheSpringGapMovesForwardByTheGap() {
		assertThat(Moment.parse("2026-03-29T02:30").toInstant(PARIS)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
	}

	/** Time zone edge: where midnight is skipped (Santiago, September 2026) a day starts at 01:00. */
	@Test
	void aDayWhoseMidnightIsSkippedStartsAtItsFirstRealMoment() {
		ZoneId santiago = ZoneId.of("America/Santiago");

		assertThat(Moment.parse("2026-09-06").toInstant(santiago))
			.isEqualTo(LocalDateTime.parse("2026-09-06T01:00").atZone(santiago).toInstant());
	}

	@Test
	void surroundingSpacesAreIgnored() {
		assertThat(Moment.parse("  2026-12-01T09:00 ")).isEqualTo(Moment.parse("2026-12-01T09:00"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankIsNoMoment(String text) {
		assertThat(Moment.parse(text)).isNull();
		assertThat(Moment.parse(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tomorrow", "next year", "2026-13-01", "01/12/2026", "2026-12-01T25:00", "2026-02-30",
			"2026-12-01T09:00+25:00", "12:00" })
	void junkIsUnreadableWithTheDateReason(String text) {
		UnreadableValue unreadable = catchThrowableOfType(UnreadableValue.class, () -> Moment.parse(text));

		assertThat(unreadable.reasonKey()).isEqualTo("promoCode.error.date");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-01T09:00:00+02:00", "2026-12-01T09:00", "2026-12-01T09:00:30", "2026-12-01" })
	void itsTextReadsBackToTheSameMoment(String text) {
		Moment moment = Moment.parse(text);

		assertThat(Moment.parse(moment.text())).isEqualTo(moment);
	}

}
