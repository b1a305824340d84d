package com.promotracking.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import com.promotracking.kernel.DomainException;
import com.promotracking.kernel.DomainException.FieldReason;
import com.promotracking.kernel.ProblemTypes;
import com.promotracking.kernel.UnreadableValue;

/**
 * Every failure of a JSON API call becomes an RFC 9457 problem response through Spring's own
 * {@link ResponseEntityExceptionHandler}: domain refusals are {@code ErrorResponseException}s already, and the
 * framework's own failures (406, 415, ...) get a type and translated texts in {@link #createResponseEntity}. Field
 * errors, from binding or from a domain rule, are listed under {@code errors}. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final String FIELD_INVALID = "problem.invalid-request.field.invalid";

	/** Where a client that went away before its answer was written is logged, at debug level only. */
	private static final String DISCONNECTED_CLIENT_LOG = "com.promotracking.web.DisconnectedClient";

	private final DisconnectedClientHelper disconnectedClients = new DisconnectedClientHelper(DISCONNECTED_CLIENT_LOG);

	private final Problems problems;

	ApiProblemHandler(MessageSource messages, Problems problems) {
		this.problems = problems;
		setMessageSource(messages);
	}

	/**
	 * A path id that is not a number names no resource; a query parameter of the wrong type is a bad request,
	 * with its type's own reason when it gives one (a date out of range).
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@Nullable ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			ProblemDetail notFound = this.problems.body(Problems.of(ex, HttpStatus.NOT_FOUND, "not-found"),
					LocaleContextHolder.getLocale());
			return handleExceptionInternal(ex, notFound, HttpHeaders.EMPTY, HttpStatus.NOT_FOUND, request);
		}
		UnreadableValue unreadable = UnreadableValue.in(ex);
		return invalid(ex, List.of(new FieldReason(ex.getName(), (unreadable != null) ? unreadable.reasonKey()
				: FIELD_INVALID)), request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, ex.getParameterValidationResults()
			.stream()
			.map(result -> new FieldReason(result.getMethodParameter().getParameterName(), FIELD_INVALID))
			.toList(), request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
			.map(error -> new FieldReason(error.getField(), "problem.invalid-request.field." + error.getCode()))
			.toList(), request);
	}

	/**
	 * The client accepts nothing this address answers, or sent an {@code Accept} header that is no media type:
	 * the problem is written as {@code application/problem+json} whatever it asked for, since content negotiation
	 * would refuse the problem too and leave the 406 without a body.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null) {
			try {
				this.problems.write(servlet.getRequest(), servlet.getResponse(), Problems.of(ex, status));
				return null;
			}
			catch (IOException gone) {
				// The client left: nothing more to answer.
				return null;
			}
		}
		return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (RequestBodyLimit.TooLarge.isCauseOf(ex)) {
			// A body sent without a length, read past its address's limit (RequestBodyLimit).
			ProblemDetail tooLarge = this.problems.body(Problems.of(ex, HttpStatus.CONTENT_TOO_LARGE),
					LocaleContextHolder.getLocale());
			return handleExceptionInternal(ex, tooLarge, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		String field = fieldOf(ex);
		UnreadableValue unreadable = UnreadableValue.in(ex);
		if (field != null && unreadable != null) {
			// A value its type refused (a date that is no date): named with the type's own reason, as a rule's is.
			return invalid(ex, List.of(new FieldReason(field, unreadable.reasonKey())), request);
		}
		if (field == null) {
			String detail = (ex instanceof JsonBodies.UndecodableBody) ? "problem.invalid-request.encoding"
					: "problem.invalid-request.unreadable";
			return handleExceptionInternal(ex, body(ex, detail, null), headers, HttpStatus.BAD_REQUEST, request);
		}
		ProblemDetail problem = body(ex, "problem.invalid-request.wrong-type", field);
		problem.setProperty("errors",
				List.of(java.util.Map.of("field", field, "message", String.valueOf(problem.getDetail()))));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Domain refusals naming fields list them as binding errors are listed. A client that went away while its
	 * answer was written (a closed connection, a broken pipe) gets nothing more, and it is no warning: Spring
	 * would log one for every such answer already under way.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (this.disconnectedClients.checkAndLogClientDisconnectedException(ex)) {
			return null;
		}
		ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (ex instanceof DomainException refusal && answer != null
				&& answer.getBody() instanceof ProblemDetail problem) {
			this.problems.addErrors(problem, refusal.fieldReasons(), LocaleContextHolder.getLocale());
			refusal.addProperties(problem, getMessageSource(), LocaleContextHolder.getLocale());
		}
		return answer;
	}

	/** Framework failures without a type of ours get one from their status, with its translated texts. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			ProblemDetail typed = this.problems.body(Problems.of(null, statusCode), LocaleContextHolder.getLocale());
			problem.setType(typed.getType());
			problem.setTitle(typed.getTitle());
			problem.setDetail(typed.getDetail());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private @Nullable ResponseEntity<Object> invalid(Exception ex, List<FieldReason> reasons, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = body(ex, "problem.invalid-request.detail",
				String.join(", ", reasons.stream().map(FieldReason::field).distinct().toList()));
		this.problems.addErrors(problem, reasons, locale);
		return handleExceptionInternal(ex, problem, HttpHeaders.EMPTY, HttpStatus.BAD_REQUEST, request);
	}

	/** An {@code invalid-request} problem with this detail. */
	private ProblemDetail body(Exception ex, String detailCode, String argument) {
		return this.problems.body(org.springframework.web.ErrorResponse.builder(ex, HttpStatus.BAD_REQUEST, detailCode)
			.type(ProblemTypes.of("invalid-request"))
			.titleMessageCode("problem.invalid-request.title")
			.detailMessageCode(detailCode)
			.detailMessageArguments(argument)
			.build(), LocaleContextHolder.getLocale());
	}

	/**
	 * The JSON property a type error points at, if Jackson could tell: a value of the wrong JSON type, or one
	 * that its type refused to read ({@link UnreadableValue}).
	 */
	private static String fieldOf(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException failure && !failure.getPath().isEmpty()
				&& (failure instanceof MismatchedInputException || UnreadableValue.in(failure) != null)) {
			// Items of a list keep their index (conversions[3].amount), as bean validation names them.
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference reference : failure.getPath()) {
				if (reference.getPropertyName() != null) {
					path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0 && !path.isEmpty()) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			return path.isEmpty() ? null : path.toString();
		}
		return null;
	}

}
