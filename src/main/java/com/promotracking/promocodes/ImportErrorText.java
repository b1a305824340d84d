package com.promotracking.promocodes;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** An import's reasons in the reader's language: the API's answers, the preview page and the errors file. */
record ImportErrorText(int line, String field, String message) {

	static ImportErrorText of(ImportError error, MessageSource messages, Locale locale) {
		Object[] arguments = (error.argument() != null) ? new Object[] { error.argument() } : null;
		return new ImportErrorText(error.line(), error.field(),
				messages.getMessage(error.messageKey(), arguments, error.messageKey(), locale));
	}

	static List<ImportErrorText> of(List<ImportError> errors, MessageSource messages, Locale locale) {
		return errors.stream().map(error -> of(error, messages, locale)).toList();
	}

}
