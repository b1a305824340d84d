package com.promotracking.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.promotracking.kernel.DomainException;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.ProblemTypes;
import com.promotracking.kernel.UnreadableValue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every failure of a JSON API call becomes an RFC 9457 problem response, translated into the caller's
 * language, with a stable {@code type}. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		if (ex instanceof InvalidField invalid) {
			return ResponseEntity.badRequest().body(invalidField(invalid.field(), invalid.reasonKey()));
		}
		ProblemDetail problem = problem(ex.status(), ex.problemType());
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> constraint(DataIntegrityViolationException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, ConstraintConflicts.problemTypeOf(ex)));
	}

	/** A path id that is not a number names no resource; a query parameter of the wrong type is a bad request. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "not-found"));
		}
		return ResponseEntity.badRequest().body(invalid(List.of(ex.getName())));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> names = ex.getParameterValidationResults()
			.stream()
			.map(result -> result.getMethodParameter().getParameterName())
			.toList();
		return ResponseEntity.badRequest().body(invalid(names));
	}

	private ProblemDetail invalidField(String field, String reasonKey) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", field);
		problem.setProperty("errors", List.of(Map.of("field", field, "message",
				this.messages.getMessage(reasonKey, null, LocaleContextHolder.getLocale()))));
		return problem;
	}

	private ProblemDetail invalid(List<String> fields) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", String.join(", ", fields));
		problem.setProperty("errors", fields.stream()
			.map(field -> Map.of("field", field, "message",
					this.messages.getMessage("problem.invalid-request.field.invalid", null, locale)))
			.toList());
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(java.util.Comparator.comparing(FieldError::getField))
			.map(error -> Map.of("field", error.getField(), "message", fieldMessage(error, locale)))
			.toList();
		String fields = String.join(", ",
				errors.stream().map(error -> error.get("field")).distinct().toList());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", fields);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		UnreadableValue unreadable = UnreadableValue.in(ex);
		if (field != null && unreadable != null) {
			// A value its type refused (a date that is no date): named with the type's own reason, as a rule's is.
			return ResponseEntity.badRequest().body(invalidField(field, unreadable.reasonKey()));
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", field);
		if (field == null) {
			problem.setDetail(this.messages.getMessage("problem.invalid-request.unreadable", null,
					LocaleContextHolder.getLocale()));
		}
		else {
			problem.setDetail(this.messages.getMessage("problem.invalid-request.wrong-type", new Object[] { field },
					LocaleContextHolder.getLocale()));
			problem.setProperty("errors", List.of(Map.of("field", field, "message", problem.getDetail())));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/** Other framework failures (406, 415, ...) keep their status and get a type and translated text. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		if (body instanceof ProblemDetail problem && status != null
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			String type = ProblemWriter.typeOf(status);
			Locale locale = LocaleContextHolder.getLocale();
			problem.setType(ProblemTypes.of(type));
			problem.setTitle(this.messages.getMessage("problem." + type + ".title", null, problem.getTitle(), locale));
			problem.setDetail(this.messages.getMessage("problem." + type + ".detail", null, problem.getDetail(), locale));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail problem(HttpStatus status, String type, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(ProblemTypes.of(type));
		problem.setTitle(this.messages.getMessage("problem." + type + ".title", null, locale));
		problem.setDetail(this.messages.getMessage("problem." + type + ".detail", arguments, locale));
		return problem;
	}

	private String fieldMessage(FieldError error, Locale locale) {
		return this.messages.getMessage("problem.invalid-request.field." + error.getCode(), null,
				error.getDefaultMessage(), locale);
	}

	/**
	 * The JSON property a type error points at, if Jackson could tell: a value of the wrong JSON type, or one
	 * that its type refused to read ({@link UnreadableValue}).
	 */
	private static String fieldOf(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException failure && !failure.getPath().isEmpty()
				&& (failure instanceof MismatchedInputException || UnreadableValue.in(failure) != null)) {
			return failure.getPath()
				.stream()
				.map(JacksonException.Reference::getPropertyName)
				.filter(name -> name != null)
				.reduce((a, b) -> a + "." + b)
				.orElse(null);
		}
		return null;
	}

}
