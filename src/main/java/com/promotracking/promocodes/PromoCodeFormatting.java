package com.promotracking.promocodes;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How forms bind a promo code's dates: the page's {@code datetime-local} inputs send a local date-time, which
 * {@link Moment} reads like the API's text. Blank fields never reach a parser: they bind null. (The time zone
 * is bound by the page itself: see PromoCodesController.timeZones.)
 */
@Component
class PromoCodeFormatting implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Moment.class, new Formatter<Moment>() {

			@Override
			public Moment parse(String text, Locale locale) {
				return Moment.parse(text);
			}

			@Override
			public String print(Moment moment, Locale locale) {
				return moment.text();
			}

		});
	}

	/** The time zone field of a form, read as the API reads it; blank is none (UTC). */
	static Formatter<ZoneId> timeZones() {
		return new Formatter<>() {

			@Override
			public ZoneId parse(String text, Locale locale) {
				return TimeZones.parse(text);
			}

			@Override
			public String print(ZoneId zone, Locale locale) {
				return zone.getId();
			}

		};
	}

}
