package com.promotracking.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import com.promotracking.web.ProblemWriter;
import com.promotracking.web.RequestLog;

/** API and Actuator calls without valid credentials get a 401 problem response and the Basic challenge. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problems;

	private final LocaleResolver locales;

	ProblemAuthenticationEntryPoint(ProblemWriter problems, LocaleResolver locales) {
		this.problems = problems;
		this.locales = locales;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"promo-code-tracking\", charset=\"UTF-8\"");
		String type = (authException instanceof LockedException) ? "login-locked" : "unauthorized";
		RequestLog.noteProblem(request, type);
		this.problems.write(response, HttpStatus.UNAUTHORIZED, type, request.getRequestURI(),
				this.locales.resolveLocale(request));
	}

}
