package com.promotracking.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.promotracking.web.DateTimes;

/** Puts history entries into words for pages, in the reader's language. */
@Component
public class HistoryText {

	private final MessageSource messages;

	private final DateTimes dateTimes;

	public HistoryText(MessageSource messages, DateTimes dateTimes) {
		this.messages = messages;
		this.dateTimes = dateTimes;
	}

	/** The entry in words, in the given language. */
	public HistoryRow row(HistoryRecord entry, Locale locale) {
		String subject = message(entry.subject().type().messageKey(), locale);
		List<String> changes = new ArrayList<>(entry.changes().size());
		for (Map.Entry<String, FieldChange> change : entry.changes().entrySet()) {
			changes.add(change(change.getKey(), change.getValue(), locale));
		}
		String problem = (entry.problemType() != null)
				? this.messages.getMessage("problem." + entry.problemType() + ".title", null, entry.problemType(), locale)
				: null;
		String comment = (entry.comment() != null)
				? this.messages.getMessage("history.comment", new Object[] { entry.comment() }, locale) : null;
		return new HistoryRow(this.dateTimes.format(entry.at(), locale), entry.actor(),
				message(entry.actorRole().messageKey(), locale), entry.actingForBrandName(),
				message(entry.channel().messageKey(), locale), message(entry.outcome().messageKey(), locale),
				this.messages.getMessage("history.about", new Object[] { subject, entry.subject().label() }, locale),
				changes, problem, comment, entry.outcome() == Outcome.REFUSED);
	}

	private String change(String field, FieldChange change, Locale locale) {
		String label = this.messages.getMessage("history.field." + field, null, field, locale);
		return this.messages.getMessage("history.change",
				new Object[] { label, value(change.from(), locale), value(change.to(), locale) }, locale);
	}

	private String value(Object value, Locale locale) {
		if (value == null) {
			return message("history.value.none", locale);
		}
		if (value instanceof Boolean on) {
			return message(on ? "history.value.on" : "history.value.off", locale);
		}
		return this.messages.getMessage("history.value." + value, null, value.toString(), locale);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
