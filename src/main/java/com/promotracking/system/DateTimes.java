package com.promotracking.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats instants for pages, in the reader's language, in UTC and saying so: {@code ${@dateTimes.format(t)}}. */
@Component("dateTimes")
public class DateTimes {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter
		.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
		.withZone(ZoneOffset.UTC);

	public String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		return FORMAT.withLocale(LocaleContextHolder.getLocale()).format(instant) + " UTC";
	}

}
