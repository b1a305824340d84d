package com.promotracking.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import com.promotracking.web.ProblemWriter;
import com.promotracking.web.RequestLog;

/** A signed-in caller without the role an address needs gets a 403 problem response, never a page. */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemWriter problems;

	private final LocaleResolver locales;

	ProblemAccessDeniedHandler(ProblemWriter problems, LocaleResolver locales) {
		this.problems = problems;
		this.locales = locales;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		RequestLog.noteProblem(request, "forbidden");
		this.problems.write(response, HttpStatus.FORBIDDEN, "forbidden", request.getRequestURI(),
				this.locales.resolveLocale(request));
	}

}
