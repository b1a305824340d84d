package com.promotracking.web;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Spring's resource bundle message source, except that each thread formats messages with arguments with
 * {@link MessageFormat} copies of its own. The parent keeps one {@code MessageFormat} per message and locale
 * and formats under a lock on it (the class is not thread-safe): a page that formats the same message in each
 * of its rows (the console's, the conversions list) had its request threads queue on that lock, and on two
 * cores a thread preempted while holding it kept the others waiting for a whole time slice. A copy is made
 * once per thread, message and locale (the request threads are a fixed pool); messages are read once, as
 * before (no reloading is configured).
 */
final class PerThreadFormatsMessageSource extends ResourceBundleMessageSource {

	private final ThreadLocal<Map<Locale, Map<String, MessageFormat>>> copies = ThreadLocal.withInitial(HashMap::new);

	@Override
	protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
		Map<String, MessageFormat> formats = this.copies.get().computeIfAbsent(locale, ignored -> new HashMap<>());
		MessageFormat copy = formats.get(code);
		if (copy == null) {
			MessageFormat shared = super.resolveCode(code, locale);
			if (shared == null) {
				return null;
			}
			synchronized (shared) {
				copy = (MessageFormat) shared.clone();
			}
			formats.put(code, copy);
		}
		return copy;
	}

}
