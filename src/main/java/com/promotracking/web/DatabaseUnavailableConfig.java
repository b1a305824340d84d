package com.promotracking.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;

@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableConfig {

	/**
	 * Outside every other filter, Spring Session's and Spring Security's included: those are where a missing
	 * database shows first.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(Problems problems,
			SpringTemplateEngine templates, LocaleResolver locales, ApplicationContext context) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(problems, templates, locales, context));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
