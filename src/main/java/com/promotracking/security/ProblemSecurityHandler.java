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

import com.promotracking.web.Problems;

/**
 * How the API and Actuator answer a security refusal, as every other refusal: a problem response. No or wrong
 * credentials: 401 {@code unauthorized} (or {@code login-locked}) with the Basic challenge; a signed-in caller
 * without the role: 403 {@code forbidden}.
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
		response.setHeader("WWW-Authenticate", "Basic realm=\"promo-code-tracking\", charset=\"UTF-8\"");
		String type = (authException instanceof LockedException) ? "login-locked" : "unauthorized";
		this.problems.write(request, response, Problems.of(authException, HttpStatus.UNAUTHORIZED, type));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.problems.write(request, response, Problems.of(accessDeniedException, HttpStatus.FORBIDDEN, "forbidden"));
	}

}
