package com.promotracking.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats instants for pages, in the reader's language, in UTC and saying so: {@code ${dateTimes.format(t)}}
 * (ThymeleafConfig hands it to every page).
 */
@Component("dateTimes")
public class DateTimes {

	/**
	 * One formatter per language, with its pattern worked out once: a localized formatter looks its pattern up
	 * again on every call, which showed in the profile of a page with a page of history.
	 */
	private final Map<Locale, DateTimeFormatter> byLocale = new ConcurrentHashMap<>();

	/** In the language of the current request. */
	public String format(Instant instant) {
		return format(instant, LocaleContextHolder.getLocale());
	}

	public String format(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		return this.byLocale.computeIfAbsent(locale, DateTimes::formatterFor).format(instant) + " UTC";
	}

	private static DateTimeFormatter formatterFor(Locale locale) {
		String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.LONG, FormatStyle.SHORT,
				IsoChronology.INSTANCE, locale);
		return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC);
	}

}
