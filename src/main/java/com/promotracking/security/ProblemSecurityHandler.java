package com.promotracking.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

import com.promotracking.kernel.ProblemTypes;
import com.promotracking.web.Problems;

/**
 * How the API and Actuator answer a security refusal, as every other refusal: a problem response. No or wrong
 * credentials: 401 {@code unauthorized} (or {@code login-locked}) with the Basic challenge, or the Bearer one when
 * the call brought an API key; a signed-in caller without the role, or a key outside what keys may call: 403
 * {@code forbidden}.
 */
@Component
class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final Problems problems;

	ProblemSecurityHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (BearerKeyFilter.bringsBearer(request)) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"promo-code-tracking\", error=\"invalid_token\"");
			this.problems.write(request, response,
					forApiKey(authException, HttpStatus.UNAUTHORIZED, "unauthorized"));
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"promo-code-tracking\", charset=\"UTF-8\"");
		String type = (authException instanceof LockedException) ? "login-locked" : "unauthorized";
		this.problems.write(request, response, Problems.of(authException, HttpStatus.UNAUTHORIZED, type));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.problems.write(request, response, BearerKeyFilter.bringsBearer(request)
				? forApiKey(accessDeniedException, HttpStatus.FORBIDDEN, "forbidden")
				: Problems.of(accessDeniedException, HttpStatus.FORBIDDEN, "forbidden"));
	}

	/** The problem of that type, with the detail that speaks to a caller who brought an API key. */
	private static ErrorResponse forApiKey(Throwable cause, HttpStatus status, String type) {
		return ErrorResponse.builder(cause, status, null)
			.type(ProblemTypes.of(type))
			.titleMessageCode("problem." + type + ".title")
			.detailMessageCode("problem." + type + ".detail.api-key")
			.build();
	}

}
