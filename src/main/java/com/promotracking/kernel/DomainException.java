package com.promotracking.kernel;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A business rule said no. Spring's {@link ErrorResponseException}, so the API answers it as every other
 * problem: an RFC 9457 response with a stable {@code type} (its last path segment is the problem type), the
 * HTTP status declared here, and a title and detail from the message codes {@code problem.<type>.title} and
 * {@code .detail}. A page that handles it says it in its own words ({@link #refusalKeyOn}), with a link to the fix
 * where there is one.
 */
public abstract class DomainException extends ErrorResponseException {

	private final String problemType;

	protected DomainException(String problemType, HttpStatus status, Object... detailArguments) {
		super(status, ProblemDetail.forStatus(status), null, "problem." + problemType + ".detail", detailArguments);
		this.problemType = problemType;
		setType(ProblemTypes.of(problemType));
	}

	public String problemType() {
		return this.problemType;
	}

	public HttpStatus status() {
		return HttpStatus.valueOf(getStatusCode().value());
	}

	@Override
	public String getTitleMessageCode() {
		return "problem." + this.problemType + ".title";
	}

	/** The fields this refusal is about, each with the key of its reason; empty when it is about no field. */
	public List<FieldReason> fieldReasons() {
		return List.of();
	}

	/**
	 * Adds to the API's answer what this refusal says besides its title, detail and fields (the rows of a file it
	 * is about), in the reader's language. Nothing, unless a refusal says more.
	 */
	public void addProperties(ProblemDetail problem, MessageSource messages, Locale locale) {
	}

	/** Key of how a page says it, in its own words: {@code <page>.refused.<type>}. */
	public String refusalKeyOn(String page) {
		return page + ".refused." + this.problemType;
	}

	/** A refusal is an answer, not a failure: no stack trace to capture. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	/** A field and the message key of why its value was refused, phrased to follow the field's name. */
	public record FieldReason(String field, String reasonKey) {
	}

}
