package com.promotracking.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages turn a refusal nobody handled into a translated error page with the right status: an unknown or
 * invisible program is the 404 page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException ex) {
		if (ex.status() == HttpStatus.NOT_FOUND) {
			return notFound();
		}
		ModelAndView page = new ModelAndView("error", ex.status());
		page.addObject("status", ex.status().value());
		page.addObject("messageKey", ex.messageKey());
		return page;
	}

	/** {@code /programs/abc/settings}: no such page. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch() {
		return notFound();
	}

	private static ModelAndView notFound() {
		return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
	}

}
