package com.promotracking.audit;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Puts a history change into words for pages: {@code ${@historyText.change(field, change)}}. */
@Component("historyText")
public class HistoryText {

	private final MessageSource messages;

	HistoryText(MessageSource messages) {
		this.messages = messages;
	}

	public String change(String field, FieldChange change) {
		Locale locale = LocaleContextHolder.getLocale();
		String label = this.messages.getMessage("history.field." + field, null, field, locale);
		return this.messages.getMessage("history.change",
				new Object[] { label, value(change.from(), locale), value(change.to(), locale) }, locale);
	}

	private String value(Object value, Locale locale) {
		if (value == null) {
			return this.messages.getMessage("history.value.none", null, locale);
		}
		if (value instanceof Boolean on) {
			return this.messages.getMessage(on ? "history.value.on" : "history.value.off", null, locale);
		}
		return this.messages.getMessage("history.value." + value, null, value.toString(), locale);
	}

}
