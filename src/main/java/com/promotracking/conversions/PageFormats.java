package com.promotracking.conversions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.format.Formatter;

import com.promotracking.kernel.SupportedDates;
import com.promotracking.kernel.UnreadableValue;

/**
 * How the pages' GET forms read a day and a time zone: as the API does (ISO 8601 day, IANA zone), with a
 * translated reason on the field when the text is neither, rather than Spring's generic type mismatch.
 * Blank fields never reach these: they bind null.
 */
final class PageFormats {

	private PageFormats() {
	}

	static Formatter<LocalDate> days() {
		return new Formatter<>() {

			@Override
			public LocalDate parse(String text, Locale locale) {
				try {
					return SupportedDates.checked(LocalDate.parse(text.strip()));
				}
				catch (DateTimeException ex) {
					throw new UnreadableValue("pages.error.date");
				}
			}

			@Override
			public String print(LocalDate day, Locale locale) {
				return day.toString();
			}

		};
	}

	static Formatter<ZoneId> timeZones() {
		return new Formatter<>() {

			@Override
			public ZoneId parse(String text, Locale locale) {
				try {
					return ZoneId.of(text.strip());
				}
				catch (DateTimeException ex) {
					throw new UnreadableValue("pages.error.timeZone");
				}
			}

			@Override
			public String print(ZoneId zone, Locale locale) {
				return zone.getId();
			}

		};
	}

}
