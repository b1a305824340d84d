package com.promotracking.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows when nothing else handled a failure (an unknown URL, a wrong method, an
 * unexpected exception): a problem response for API and Actuator calls, a translated page otherwise. Never a
 * stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = statusOf(request);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && (uri.startsWith(request.getContextPath() + "/api/")
				|| uri.startsWith(request.getContextPath() + "/actuator"))) {
			this.problems.write(request, response, Problems.of(null, status));
			return null;
		}
		return PageErrorHandler.page(status, null);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
