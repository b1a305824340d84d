package com.promotracking.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses API writes sent as an HTML form would send them. A browser that once answered the API's Basic
 * challenge resends those credentials by itself, so another site's form could otherwise make it write; a
 * form can only send these three content types, and real API clients send JSON or no body at all. A file
 * upload ({@link ApiFileUpload}) is let through when no browser page sent it: a browser adds {@code Origin} to
 * every form it posts (and {@code Sec-Fetch-Site}), a program or {@code curl -F} adds neither.
 */
@Component
class ApiFormPostGuard implements WebMvcConfigurer, HandlerInterceptor {

	private static final List<MediaType> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
			MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotSupportedException {
		if (HttpMethod.GET.matches(request.getMethod()) || request.getContentType() == null) {
			return true;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(request.getContentType());
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpMediaTypeNotSupportedException(ex.getMessage());
		}
		if (MediaType.MULTIPART_FORM_DATA.includes(type) && handler instanceof HandlerMethod method
				&& method.hasMethodAnnotation(ApiFileUpload.class) && !fromABrowserPage(request)) {
			return true;
		}
		if (FORM_TYPES.stream().anyMatch(form -> form.includes(type))) {
			throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON));
		}
		return true;
	}

	private static boolean fromABrowserPage(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return request.getHeader("Origin") != null || (site != null && !"none".equals(site));
	}

}
