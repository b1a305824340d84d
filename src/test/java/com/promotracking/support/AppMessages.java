package com.promotracking.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages (messages*.properties), set up as Spring Boot sets them up, for unit tests. */
public final class AppMessages {

	private AppMessages() {
	}

	public static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
