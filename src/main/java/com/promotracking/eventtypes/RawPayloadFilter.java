package com.promotracking.eventtypes;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Keeps the bytes of an incoming test conversion as they are read, so the test action can show the whole
 * payload received (extra fields included) while the controller still binds and validates it as usual.
 */
@Component
class RawPayloadFilter extends OncePerRequestFilter {

	/** Enough to tell "too large" apart from the 4000 characters we keep. */
	private static final int CACHE_LIMIT = 64 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/test-actions"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new ContentCachingRequestWrapper(request, CACHE_LIMIT), response);
	}

	/** The body read so far, as text. */
	static String payloadOf(HttpServletRequest request) {
		ContentCachingRequestWrapper wrapper = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
		return (wrapper != null) ? wrapper.getContentAsString() : "";
	}

}
