package com.promotracking.promocodes;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.promotracking.kernel.SupportedDates;
import com.promotracking.kernel.UnreadableValue;

/**
 * A moment as a user gives it (ISO 8601): an instant with its offset, or a wall-clock date-time or a date (its
 * first moment) that only become an instant in a time zone, the promo code's. Read from forms by
 * {@link PromoCodeFormatting}, from JSON by {@link #parse}; an unreadable text is an {@link UnreadableValue}.
 */
public sealed interface Moment {

	/**
	 * What the API documents a moment's text to be: blank (none), a date, or a date-time with or without seconds
	 * and offset, in the supported years.
	 */
	String PATTERN = "^(\\s*|2[0-9]{3}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)$";

	String DESCRIPTION = "ISO 8601: a date-time with an offset, a date-time or a date in the code's time zone "
			+ "(a date is its first moment); blank or null: none";

	Instant toInstant(ZoneId zone);

	/** The text it was read from, normalized: what {@link #parse} reads back. */
	@JsonValue
	String text();

	/**
	 * A date, optionally a time, then optionally an offset: the three ISO 8601 forms a moment takes, read in one
	 * pass (an import reads one or two per row: trying each form in turn cost an exception each time).
	 */
	DateTimeFormatter FORMS = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral('T')
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.optionalStart()
		.appendOffsetId()
		.optionalEnd()
		.optionalEnd()
		.toFormatter(Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT)
		.withChronology(IsoChronology.INSTANCE);

	/** Blank is no moment (null): "now" for a start, "never" for an end. */
	@JsonCreator
	static Moment parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			// Asked what it holds rather than tried as each type: a failed try is an exception, filled in and thrown.
			TemporalAccessor read = FORMS.parse(text.strip());
			if (read.isSupported(ChronoField.OFFSET_SECONDS)) {
				return new WithOffset(SupportedDates.checked(OffsetDateTime.from(read)));
			}
			if (read.isSupported(ChronoField.NANO_OF_DAY)) {
				return new Local(SupportedDates.checked(LocalDateTime.from(read)));
			}
			return new Day(SupportedDates.checked(LocalDate.from(read)));
		}
		catch (DateTimeException unreadable) {
			throw new UnreadableValue("promoCode.error.date");
		}
	}

	/** An instant: the time zone does not change it. */
	record WithOffset(OffsetDateTime dateTime) implements Moment {

		@Override
		public Instant toInstant(ZoneId zone) {
			return this.dateTime.toInstant();
		}

		@Override
		public String text() {
			return this.dateTime.toString();
		}

	}

	/** A wall-clock time, in the zone given (a gap in the clocks moves it forward by the gap's length). */
	record Local(LocalDateTime dateTime) implements Moment {

		@Override
		public Instant toInstant(ZoneId zone) {
			return this.dateTime.atZone(zone).toInstant();
		}

		@Override
		public String text() {
			return this.dateTime.toString();
		}

	}

	/** A day: its first moment in the zone given, which is not midnight where the clocks skip it. */
	record Day(LocalDate date) implements Moment {

		@Override
		public Instant toInstant(ZoneId zone) {
			return this.date.atStartOfDay(zone).toInstant();
		}

		@Override
		public String text() {
			return this.date.toString();
		}

	}

}
