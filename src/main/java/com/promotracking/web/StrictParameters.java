package com.promotracking.web;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import com.promotracking.kernel.SupportedDates;

/**
 * Values of paths, queries and forms are read strictly. A date or date-time ({@code @DateTimeFormat}) is within
 * {@link SupportedDates}, else its field's 400. A whole number is written one way only: ASCII digits, no sign
 * but a minus, no leading zero, in range. Spring's own conversion reads {@code 0x27} and {@code #27} as
 * hexadecimal, {@code +39} and other scripts' digits as 39, and trims spaces, so one id had many addresses. Anything
 * else fails to convert: a 404 for an id in a path (no resource has that name), a 400 naming the parameter elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class StrictParameters implements WebMvcConfigurer {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("0|-?[1-9][0-9]{0,18}");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldAnnotation(new Jsr310DateTimeFormatAnnotationFormatterFactory() {

			@Override
			public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
				Parser<?> parser = super.getParser(annotation, fieldType);
				return (text, locale) -> SupportedDates.checked(parser.parse(text, locale));
			}

		});
	}

	/**
	 * As editors of every binder, not as converters: when a conversion fails, the binder falls back to its default
	 * number editor, which reads all the other spellings again. They are given to the binders by the handler
	 * adapter's binding initializer rather than by a controller advice's {@code @InitBinder} method: the adapter
	 * makes a handler method of every advice method anew for each request, and calls it for each binder.
	 */
	@Bean
	static BeanPostProcessor wholeNumberEditors() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter
						&& adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer) {
					PropertyEditorRegistrar[] before = initializer.getPropertyEditorRegistrars();
					PropertyEditorRegistrar[] all = (before != null) ? Arrays.copyOf(before, before.length + 1)
							: new PropertyEditorRegistrar[1];
					all[all.length - 1] = StrictParameters::registerWholeNumberEditors;
					initializer.setPropertyEditorRegistrars(all);
				}
				return bean;
			}

		};
	}

	private static void registerWholeNumberEditors(PropertyEditorRegistry registry) {
		registry.registerCustomEditor(Long.class, new WholeNumberEditor(false, true));
		registry.registerCustomEditor(long.class, new WholeNumberEditor(false, false));
		registry.registerCustomEditor(Integer.class, new WholeNumberEditor(true, true));
		registry.registerCustomEditor(int.class, new WholeNumberEditor(true, false));
	}

	private static final class WholeNumberEditor extends PropertyEditorSupport {

		private final boolean integer;

		private final boolean nullable;

		WholeNumberEditor(boolean integer, boolean nullable) {
			this.integer = integer;
			this.nullable = nullable;
		}

		@Override
		public void setAsText(String text) {
			Long value = toLong(text);
			if (value == null) {
				if (!this.nullable) {
					throw new IllegalArgumentException("no value");
				}
				setValue(null);
			}
			else if (this.integer) {
				if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
					throw new NumberFormatException("out of range");
				}
				setValue(value.intValue());
			}
			else {
				setValue(value);
			}
		}

		@Override
		public String getAsText() {
			return (getValue() != null) ? getValue().toString() : "";
		}

	}

	/** Empty is no value, as Spring's own conversion has it; a required one is then missing. */
	static @Nullable Long toLong(String source) {
		if (source.isEmpty()) {
			return null;
		}
		if (!WHOLE_NUMBER.matcher(source).matches()) {
			throw new NumberFormatException("not a whole number in its one spelling");
		}
		return Long.parseLong(source);
	}

}
