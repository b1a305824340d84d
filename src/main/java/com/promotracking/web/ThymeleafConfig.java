package com.promotracking.web;

import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Spring Boot's Thymeleaf, set up so that pages keep their parsed and compiled expressions:
 * <ul>
 * <li>Views are {@link EncodedOnceThymeleafView}s.</li>
 * <li>The expression cache holds every expression of every template. Thymeleaf's default of 500 is fewer than
 * the pages have together, so a user going from page to page pushed out the expressions of the pages before, and
 * each came back parsed anew, interpreted again a hundred times before SpEL compiled it once more.</li>
 * <li>Templates reach the helpers they call as variables ({@code ${dateTimes.format(t)}}), not as beans
 * ({@code ${@dateTimes...}}): SpEL cannot compile a bean reference, so every expression naming one stayed
 * interpreted, once per row of a list.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ThymeleafConfig {

	/** Well above the expressions of all the templates together (TemplateExpressionsCompileIT counts them). */
	static final int EXPRESSION_CACHE_SIZE = 5_000;

	/** The helpers every template can call, by the names templates use. */
	static Map<String, Object> helpers(AssetUrls assetUrls, DateTimes dateTimes) {
		return Map.of("assetUrls", assetUrls, "dateTimes", dateTimes);
	}

	@Bean
	static BeanPostProcessor thymeleafViewsAndCaches() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(EncodedOnceThymeleafView.class);
				}
				if (bean instanceof SpringTemplateEngine engine) {
					StandardCacheManager caches = new StandardCacheManager();
					caches.setExpressionCacheMaxSize(EXPRESSION_CACHE_SIZE);
					engine.setCacheManager(caches);
				}
				return bean;
			}

		};
	}

	/** Views are made on a page's first request, after this has run: each of them gets the helpers. */
	@Bean
	SmartInitializingSingleton templateHelpers(ThymeleafViewResolver resolver, AssetUrls assetUrls,
			DateTimes dateTimes) {
		return () -> helpers(assetUrls, dateTimes).forEach(resolver::addStaticVariable);
	}

}
