package com.promotracking.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import com.promotracking.kernel.DomainException;

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
		return page(ex.status(), ex.messageKey());
	}

	private static ModelAndView page(HttpStatus status, String messageKey) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("messageKey", messageKey);
		return page;
	}

	/** {@code /programs/abc/settings} is no page; {@code ?historyPage=x} is a bad request. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return notFound();
		}
		return page(HttpStatus.BAD_REQUEST, "error.badAddress");
	}

	/** Two saves raced to the same unique value: the loser is told so, nothing was changed. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView constraint(DataIntegrityViolationException ex) {
		return page(HttpStatus.CONFLICT, "problem." + ConstraintConflicts.problemTypeOf(ex) + ".detail");
	}

	private static ModelAndView notFound() {
		return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
	}

}
