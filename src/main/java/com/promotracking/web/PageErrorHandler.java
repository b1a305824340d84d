package com.promotracking.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages turn a refusal their controller did not handle (a domain refusal, or a framework's) into a translated
 * error page with its status and the detail text of the same message code the API uses: an unknown or invisible
 * program is the 404 page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

	@ExceptionHandler(com.promotracking.kernel.DomainException.class)
	ModelAndView refused(ErrorResponse refusal) {
		return page(refusal.getStatusCode(), refusal.getDetailMessageCode());
	}

	/** {@code /programs/abc/settings} is no page; {@code ?historyPage=x} is a bad request. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return page(HttpStatus.NOT_FOUND, null);
		}
		return page(HttpStatus.BAD_REQUEST, "error.badAddress");
	}

	static ModelAndView page(HttpStatusCode status, String messageKey) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return new ModelAndView("error/404", status);
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("messageKey", messageKey);
		return page;
	}

}
