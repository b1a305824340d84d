package com.promotracking.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages (messages*.properties), set up as Spring Boot sets them up, for unit tests. */
public final class AppMessages {

	private AppMessages() {
	}

	public static ResourceBundleMessageSource source() {
		return configured(new ResourceBundleMessageSource());
	}

	/** {@code messages} set up to read the application's messages, as Spring Boot sets them up. */
	public static <T extends ResourceBundleMessageSource> T configured(T messages) {
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
