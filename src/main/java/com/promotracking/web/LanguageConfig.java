package com.promotracking.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and French. The browser's Accept-Language picks the first of them it names (Spring's resolver, with
 * these as its supported locales); {@code ?lang=fr} or {@code ?lang=en} switches and is remembered in a cookie.
 * Anything else is English.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfig implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

	/** {@code spring.messages.*}, bound as Spring Boot binds them for its own message source. */
	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	/**
	 * The messages, configured by {@code spring.messages.*} as Spring Boot's own would be, in a source whose
	 * threads do not share their message formats ({@link PerThreadFormatsMessageSource}). Its name replaces Boot's.
	 */
	@Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	MessageSource messageSource(MessageSourceProperties properties) {
		PerThreadFormatsMessageSource messages = new PerThreadFormatsMessageSource();
		messages.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			throw new IllegalStateException(
					"spring.messages.cache-duration: messages are read once (PerThreadFormatsMessageSource)");
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return messages;
	}

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
		browser.setSupportedLocales(SUPPORTED);
		browser.setDefaultLocale(Locale.ENGLISH);
		CookieLocaleResolver chosen = new CookieLocaleResolver("lang") {

			/** A cookie naming another language (set by hand, say) counts as English. */
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return supported(super.resolveLocale(request));
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				super.setLocale(request, response, (locale != null) ? supported(locale) : null);
			}

		};
		chosen.setDefaultLocaleFunction(browser::resolveLocale);
		return chosen;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {

			/**
			 * Not on the error page's dispatch: the failed request may be one whose parameters cannot be read (a
			 * form body over its size, which Tomcat refuses again on every read), and the error page is shown in
			 * the language already chosen.
			 */
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws ServletException {
				return request.getDispatcherType() == DispatcherType.ERROR || super.preHandle(request, response, handler);
			}

		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static Locale supported(Locale locale) {
		return (locale != null && Locale.FRENCH.getLanguage().equals(locale.getLanguage())) ? Locale.FRENCH
				: Locale.ENGLISH;
	}

}
