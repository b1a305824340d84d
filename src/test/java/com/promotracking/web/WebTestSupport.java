package com.promotracking.web;

import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of pages needs from this package, which its slice does not pick up by itself:
 * the language rules, the error pages and the {@code @dateTimes} formatter.
 */
@Import({ LanguageConfig.class, Problems.class, PageErrorHandler.class, DateTimes.class })
public final class WebTestSupport {

	private WebTestSupport() {
	}

}
