package com.promotracking.kernel;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Each one names a stable problem type (the last path segment of the RFC 9457
 * {@code type}) and the HTTP status the API answers with. The API explains it with the texts
 * {@code problem.<type>.title} and {@code .detail}; a page that handles it says it in its own words, with
 * a link to the fix where there is one.
 */
public abstract class DomainException extends RuntimeException {

	private final String problemType;

	private final HttpStatus status;

	protected DomainException(String problemType, HttpStatus status) {
		super(problemType, null, false, false);
		this.problemType = problemType;
		this.status = status;
	}

	public String problemType() {
		return this.problemType;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** Key of the sentence that says what went wrong and how to fix it. */
	public String messageKey() {
		return "problem." + this.problemType + ".detail";
	}

	/** Key of how a page says it, in its own words: {@code <page>.refused.<type>}. */
	public String refusalKeyOn(String page) {
		return page + ".refused." + this.problemType;
	}

}
