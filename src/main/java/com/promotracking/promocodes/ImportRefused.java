package com.promotracking.promocodes;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.promotracking.kernel.DomainException;

/**
 * An acceptance that creates nothing because of some rows, which it names: the preview had errors
 * ({@code import-has-errors}), or rows that were ready no longer are ({@code import-stale}: a code created or a
 * partner removed since).
 */
public class ImportRefused extends DomainException {

	private final List<ImportError> errors;

	private ImportRefused(String problemType, HttpStatus status, List<ImportError> errors) {
		super(problemType, status);
		this.errors = List.copyOf(errors);
	}

	static ImportRefused hasErrors(List<ImportError> errors) {
		return new ImportRefused("import-has-errors", HttpStatus.UNPROCESSABLE_CONTENT, errors);
	}

	static ImportRefused stale(List<ImportError> errors) {
		return new ImportRefused("import-stale", HttpStatus.CONFLICT, errors);
	}

	List<ImportError> errors() {
		return this.errors;
	}

	/** The rows under {@code errors}, each reason as the preview gives it: {@code {"line", "field", "message"}}. */
	@Override
	public void addProperties(ProblemDetail problem, MessageSource messages, Locale locale) {
		problem.setProperty("errors", ImportErrorText.of(this.errors, messages, locale));
	}

}
