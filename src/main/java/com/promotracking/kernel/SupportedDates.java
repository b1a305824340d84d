package com.promotracking.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The dates the service takes: years {@value #FIRST_YEAR} to {@value #LAST_YEAR}, as written (an offset's own
 * date, a day, a wall-clock time). Anything further ({@code +999999999-12-31T23:59:59Z}) was stored and written
 * back in a form that is no RFC 3339 date-time; within these years, any offset or time zone still lands on a
 * four-digit year. The messages {@code validation.dateRange} name the same years.
 */
public final class SupportedDates {

	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2999;

	/** The reason a date outside them is refused, to follow the field's name. */
	public static final String REASON = "validation.dateRange";

	private static final Instant FIRST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	/** The first instant after the years taken: no stored date reaches it. */
	public static final Instant AFTER_LAST = LocalDate.of(LAST_YEAR + 1, 1, 1)
		.atStartOfDay(ZoneOffset.UTC)
		.toInstant();

	private SupportedDates() {
	}

	/** The value itself when it is a date or date-time within the years, otherwise an {@link UnreadableValue}. */
	public static <T> T checked(T value) {
		LocalDate day = dayOf(value);
		if (day != null && (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR)) {
			throw new UnreadableValue(REASON);
		}
		return value;
	}

	private static @Nullable LocalDate dayOf(@Nullable Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof Instant instant) {
			// Compared as instants: the furthest ones (Instant.MAX) have no LocalDate.
			return (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) ? LocalDate.MIN
					: LocalDate.ofInstant(instant, ZoneOffset.UTC);
		}
		return null;
	}

}
