package com.promotracking.system;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Each one names a stable problem type (the last path segment of the RFC 9457
 * {@code type}), the HTTP status the API answers with, and the message key that explains it to a person.
 * Pages and the API translate the same key, so both say the same thing.
 */
public abstract class DomainException extends RuntimeException {

	private final String problemType;

	private final HttpStatus status;

	private final transient Object[] messageArguments;

	protected DomainException(String problemType, HttpStatus status, Object... messageArguments) {
		super(problemType);
		this.problemType = problemType;
		this.status = status;
		this.messageArguments = messageArguments;
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

	public Object[] messageArguments() {
		return this.messageArguments.clone();
	}

}
