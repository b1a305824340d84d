package com.promotracking.promocodes;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.VisibleText;

/**
 * The rules a code's own text must follow, and the test of a regex against another partner's exact code: one copy
 * for creating one code and for checking an import's rows, so both refuse the same codes for the same reasons.
 */
final class PromoCodeChecks {

	/** An exact code: what partners may suggest and brands may create. */
	static final Pattern EXACT_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	static final int MAX_REGEX = 200;

	/** How long one regex may take to match one code. */
	private static final long MATCH_BUDGET_NANOS = 50_000_000;

	private PromoCodeChecks() {
	}

	/** The code as it will be stored, if its text is one: the program's other codes are checked by the caller. */
	static String written(String raw, MatchType matchType) {
		String code = (raw != null) ? raw.strip() : "";
		if (code.isEmpty()) {
			throw new InvalidField("code", "promoCode.error.codeRequired");
		}
		if (!VisibleText.Check.holds(code)) {
			// A regex may hold any character, but one that shows as nothing names no code anyone can read.
			throw new InvalidField("code", "validation.visibleText");
		}
		if (matchType == MatchType.EXACT) {
			if (!EXACT_CODE.matcher(code).matches()) {
				throw new InvalidField("code", "promoCode.error.exactFormat");
			}
			return code;
		}
		if (code.length() > MAX_REGEX) {
			throw new InvalidField("code", "promoCode.error.regexTooLong");
		}
		try {
			Pattern.compile(code);
			// Conversions are matched with RE2/J (linear time): a regex it cannot compile could never credit.
			com.google.re2j.Pattern.compile(code);
		}
		catch (PatternSyntaxException | com.google.re2j.PatternSyntaxException ex) {
			throw new InvalidField("code", "promoCode.error.regexInvalid");
		}
		return code;
	}

	/**
	 * An exact code credits its partner whatever the case a conversion carries it in, so a regex conflicts with it
	 * when it matches any case of it, not only the case it was typed in. Compiled once for the codes it is tried on.
	 */
	static Pattern anyCase(String regex) {
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	static boolean matchesSomeCaseOf(Pattern anyCase, String exactCode) {
		try {
			return anyCase.matcher(new Deadline(exactCode, System.nanoTime() + MATCH_BUDGET_NANOS)).matches();
		}
		catch (Deadline.Exceeded ex) {
			// A regex that backtracks this long on a 64-character code would stall every request using it.
			throw new InvalidField("code", "promoCode.error.regexTooComplex");
		}
	}

	/** Text whose reading stops once its time is up: bounds a user's regex on request threads. */
	private record Deadline(CharSequence text, long deadlineNanos) implements CharSequence {

		@Override
		public char charAt(int index) {
			if (System.nanoTime() > this.deadlineNanos) {
				throw new Exceeded();
			}
			return this.text.charAt(index);
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new Deadline(this.text.subSequence(start, end), this.deadlineNanos);
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

		static final class Exceeded extends RuntimeException {

			Exceeded() {
				super(null, null, false, false);
			}

		}

	}

}
