package com.promotracking.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name or a code a person reads: something is left once invisible characters are stripped (control and format
 * characters, spaces and separators of every script, blank fillers such as U+2800, U+3164), and no control
 * character, line or paragraph separator, lone surrogate or bidirectional override is anywhere in it. A name
 * of only {@code U+200B} shows as nothing in every list, and a NUL or a right-to-left override in one disguises
 * it. Null and blank values are left to {@code @NotNull} and {@code @NotBlank}, so that one mistake gets one message.
 */
@Documented
@Constraint(validatedBy = VisibleText.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

	String message() default "{validation.visibleText}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a value by the rule, leaving null and blank values to other constraints. */
	final class Check implements ConstraintValidator<VisibleText, CharSequence> {

		/** The rule itself, also for values that are not bound through Bean Validation. */
		public static boolean holds(CharSequence text) {
			boolean visible = false;
			for (int i = 0; i < text.length();) {
				int codePoint = Character.codePointAt(text, i);
				if (forbidden(codePoint)) {
					return false;
				}
				visible |= !invisible(codePoint);
				i += Character.charCount(codePoint);
			}
			return visible;
		}

		/** Not allowed anywhere in a name: it breaks lines, it hides or reorders what follows, or it is no character. */
		private static boolean forbidden(int codePoint) {
			int type = Character.getType(codePoint);
			return type == Character.CONTROL || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || (codePoint >= 0x202A && codePoint <= 0x202E)
					|| (codePoint >= 0x2066 && codePoint <= 0x2069);
		}

		/** Shows as nothing: format characters, spaces of any width, and the letters and marks that are blank. */
		private static boolean invisible(int codePoint) {
			int type = Character.getType(codePoint);
			return type == Character.FORMAT || type == Character.SPACE_SEPARATOR || codePoint == 0x115F
					|| codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0 || codePoint == 0x2800
					|| codePoint == 0x034F || codePoint == 0x17B4 || codePoint == 0x17B5
					|| (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
					|| codePoint == 0xFFFC;
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.toString().isBlank() || holds(value);
		}

	}

}
