package com.promotracking.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The addresses of the styles and scripts as pages link them, with a hash of their content in the name
 * ({@code /assets/css/app-<md5>.css}, see {@code spring.web.resources.chain} in application.properties), so
 * browsers keep them for a year and still fetch a new file the moment it changes. Templates ask for them by name
 * ({@code th:with="css=${assetUrls.of('/assets/css/app.css')}" th:href="@{${css}}"}, ThymeleafConfig handing
 * this to every page); each is worked out once, since the files are the jar's.
 * Spring Boot would instead wrap every response in {@link ResourceUrlEncodingFilter}, which runs each of a page's
 * links, to other pages too, through the static resource patterns on every request.
 */
@Component("assetUrls")
public class AssetUrls {

	private final ResourceUrlProvider resources;

	private final Map<String, String> urls = new ConcurrentHashMap<>();

	AssetUrls(ResourceUrlProvider resources) {
		this.resources = resources;
	}

	/** The versioned address of a file under {@code /assets}, or the address as given if none is served there. */
	public String of(String path) {
		return this.urls.computeIfAbsent(path, asked -> {
			String versioned = this.resources.getForLookupPath(asked);
			return (versioned != null) ? versioned : asked;
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class NoUrlEncodingFilter {

		/** Registered and disabled: Spring Boot adds its own only when none is. */
		@Bean
		FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
			FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
					new ResourceUrlEncodingFilter());
			registration.setEnabled(false);
			return registration;
		}

	}

}
