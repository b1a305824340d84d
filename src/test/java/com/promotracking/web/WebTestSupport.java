package com.promotracking.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import com.promotracking.kernel.AppProperties;

/**
 * What a {@code @WebMvcTest} of pages needs from this package, which its slice does not pick up by itself:
 * the language rules, the error pages, Thymeleaf's set-up with the {@code dateTimes} formatter and the layout's
 * {@code assetUrls}, and the app's settings.
 */
@Import({ LanguageConfig.class, Problems.class, PageErrorHandler.class, ThymeleafConfig.class, DateTimes.class,
		AssetUrls.class })
@EnableConfigurationProperties(AppProperties.class)
public final class WebTestSupport {

	private WebTestSupport() {
	}

}
