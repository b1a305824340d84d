package com.promotracking.requests;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds a {@link CodeList} text box to its codes: "A1, B2 C3" is A1, B2 and C3. Whether each is a valid code
 * is the service's rule, not the form's.
 */
@Component
class CodeListFormatting implements AnnotationFormatterFactory<CodeList>, WebMvcConfigurer {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldAnnotation(this);
	}

	@Override
	public Set<Class<?>> getFieldTypes() {
		return Set.of(List.class);
	}

	@Override
	public Printer<List<?>> getPrinter(CodeList annotation, Class<?> fieldType) {
		return CodeListFormatting::print;
	}

	@Override
	public Parser<List<String>> getParser(CodeList annotation, Class<?> fieldType) {
		return CodeListFormatting::parse;
	}

	static List<String> parse(String text, Locale locale) {
		return Arrays.stream(SEPARATORS.split(text.strip())).filter(code -> !code.isEmpty()).toList();
	}

	static String print(List<?> codes, Locale locale) {
		return String.join(" ", codes.stream().map(String::valueOf).toList());
	}

}
