package com.promotracking.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;

@Configuration(proxyBeanMethods = false)
class SystemConfig {

	/**
	 * One clock for "when was this changed", replaceable in tests. It ticks in microseconds, the precision
	 * both databases keep, so what a save answers is exactly what a later read shows.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

	/**
	 * Outside every other filter, Spring Session's and Spring Security's included: those are where a missing
	 * database shows first.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ProblemWriter problems,
			SpringTemplateEngine templates, LocaleResolver locales) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(problems, templates, locales));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
