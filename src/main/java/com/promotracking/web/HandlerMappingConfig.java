package com.promotracking.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's mapping of requests to controller methods, with one change: a mapping is ruled out by its path
 * before anything else of the request is read.
 *
 * <p>A request whose path holds a variable ({@code /api/programs/1/promo-codes}) is checked against every mapping
 * of the application. Spring checks a mapping's method, parameters, headers and media types first and its path
 * last, and each of those checks reads the request again through every wrapper the filters put around it (session,
 * firewall, security headers and so on). Almost every mapping differs from a request by its path, so checking the
 * path first settles them with one read each. The outcome is the same: a mapping matches only when all of its
 * conditions do, and the full check still runs for those whose path matches.
 */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfig {

	@Bean
	WebMvcRegistrations pathFirstHandlerMapping() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}

		};
	}

	static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths != null && paths.getMatchingCondition(request) == null) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

	}

}
