package com.promotracking.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import com.promotracking.apikeys.ApiKeys;
import com.promotracking.users.CurrentUser;

/**
 * Authenticates an API call that brings {@code Authorization: Bearer <key>} as the key's brand. A malformed, unknown
 * or revoked key is refused at once (401 with a Bearer challenge) rather than passed on as anonymous. Requests
 * without a Bearer header go on to HTTP Basic untouched. Made by {@link SecurityConfig} for the API chain only,
 * never a bean, so the servlet container does not run it on every request as well.
 */
final class BearerKeyFilter extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer";

	private final ApiKeys keys;

	private final AuthenticationEntryPoint refusals;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerKeyFilter(ApiKeys keys, AuthenticationEntryPoint refusals) {
		this.keys = keys;
		this.refusals = refusals;
	}

	/** Whether the request brings a Bearer credential, well formed or not. */
	static boolean bringsBearer(HttpServletRequest request) {
		return bearerOf(request) != null;
	}

	/** The text after {@code Bearer}, stripped; null when the header names another scheme or is absent. */
	private static String bearerOf(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
				|| (header.length() > SCHEME.length() && header.charAt(SCHEME.length()) != ' ')) {
			return null;
		}
		return header.substring(SCHEME.length()).strip();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = bearerOf(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CurrentUser> identity = this.keys.identify(key);
		if (identity.isEmpty()) {
			this.contexts.clearContext();
			this.refusals.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(identity.get()));
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

}
