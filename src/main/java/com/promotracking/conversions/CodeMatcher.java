package com.promotracking.conversions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.google.re2j.Pattern;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.Attribution.Flag;
import com.promotracking.promocodes.MatchType;
import com.promotracking.promocodes.PromoCodeRule;

/**
 * The attribution rule, as a pure function of a conversion, the program's codes and whether tracking is on: no
 * Spring, no database, so it can run anywhere the same. Built once per program's codes: exact codes sit in a map
 * by lower-case code, regexes are compiled once with RE2/J, whose matching takes time linear in the code, so no
 * brand's pattern can stall a request whatever the internet sends.
 */
final class CodeMatcher {

	/** A regex that starts so matches without case from there on. */
	private static final String CASELESS = "(?i)";

	/** The codes it was built from, as given (oldest first): the pages that explain conversions read them here. */
	private final List<PromoCodeRule> rules;

	private final Map<String, List<PromoCodeRule>> exact = new HashMap<>();

	/** Oldest first: between regexes matching one code, the oldest wins. */
	private final List<CompiledRegex> regexes = new ArrayList<>();

	/**
	 * The regexes that start with a literal part, by that part (lower-case ones for {@code (?i)} regexes): a code
	 * is only tried against those whose part it starts with, and against {@link #unprefixed}. With a hundred
	 * regexes, trying each on every code cost more than all the rest of attributing it.
	 */
	private final Map<String, int[]> byPrefix = new HashMap<>();

	private final Map<String, int[]> byLowerCasePrefix = new HashMap<>();

	/** The lengths of the literal parts above, each once. */
	private int[] prefixLengths = new int[0];

	private int[] lowerCasePrefixLengths = new int[0];

	/** Indexes into {@link #regexes} of those with no literal start: tried on every code. */
	private int[] unprefixed = new int[0];

	private CodeMatcher(List<PromoCodeRule> rules) {
		this.rules = List.copyOf(rules);
		List<PromoCodeRule> sorted = new ArrayList<>(rules);
		sorted.sort(Comparator.comparingLong(PromoCodeRule::id));
		for (PromoCodeRule rule : sorted) {
			if (rule.matchType() == MatchType.EXACT) {
				this.exact.computeIfAbsent(rule.code().toLowerCase(Locale.ROOT), key -> new ArrayList<>(1)).add(rule);
			}
			else {
				Pattern pattern = compiled(rule.code());
				if (pattern != null) {
					this.regexes.add(new CompiledRegex(rule, pattern));
				}
			}
		}
		Map<String, List<Integer>> byPrefix = new HashMap<>();
		Map<String, List<Integer>> byLowerCasePrefix = new HashMap<>();
		List<Integer> unprefixed = new ArrayList<>();
		for (int i = 0; i < this.regexes.size(); i++) {
			String regex = this.regexes.get(i).rule().code();
			boolean caseless = regex.startsWith(CASELESS);
			String prefix = LiteralStart.of(caseless ? regex.substring(CASELESS.length()) : regex);
			if (prefix.isEmpty()) {
				unprefixed.add(i);
			}
			else if (caseless) {
				byLowerCasePrefix.computeIfAbsent(prefix.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(i);
			}
			else {
				byPrefix.computeIfAbsent(prefix, key -> new ArrayList<>()).add(i);
			}
		}
		byPrefix.forEach((prefix, indexes) -> this.byPrefix.put(prefix, ints(indexes)));
		byLowerCasePrefix.forEach((prefix, indexes) -> this.byLowerCasePrefix.put(prefix, ints(indexes)));
		this.prefixLengths = byPrefix.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
		this.lowerCasePrefixLengths = byLowerCasePrefix.keySet()
			.stream()
			.mapToInt(String::length)
			.distinct()
			.sorted()
			.toArray();
		this.unprefixed = ints(unprefixed);
	}

	static CodeMatcher of(List<PromoCodeRule> rules) {
		return new CodeMatcher(rules);
	}

	/** Every code of the program, as built from: deactivated and expired ones too. */
	List<PromoCodeRule> rules() {
		return this.rules;
	}

	/** Who the conversion credits, and why. */
	Attribution attribute(Instant occurredAt, String promoCode, List<Click> clicks, boolean trackingOn) {
		Click winning = winningClick(occurredAt, clicks);
		boolean codeSent = promoCode != null && !promoCode.isBlank();
		if (!trackingOn) {
			return byClick(winning, null, codeSent ? Flag.TRACKING_OFF : null);
		}
		if (!codeSent) {
			return byClick(winning, null, null);
		}
		Match match = match(promoCode, occurredAt);
		if (match.live() == null) {
			return byClick(winning, null, match.inactive() ? Flag.CODE_INACTIVE : Flag.CODE_UNKNOWN);
		}
		PromoCodeRule code = match.live();
		boolean met = switch (code.creditPolicy()) {
			case ALWAYS -> true;
			case IF_INVOLVED -> clicks.stream()
				.anyMatch(click -> click.partnerId() == code.partnerId() && !click.at().isAfter(occurredAt));
			case IF_WINNER -> winning != null && winning.partnerId() == code.partnerId();
		};
		if (met) {
			return new Attribution(code.partnerId(), By.PROMO_CODE, code.id(), code.code(), code.creditPolicy(),
					List.of());
		}
		return byClick(winning, code, Flag.POLICY_NOT_MET);
	}

	/** The latest click at or before the conversion; of clicks at the same instant, the last sent. */
	static Click winningClick(Instant occurredAt, List<Click> clicks) {
		Click winning = null;
		for (Click click : clicks) {
			if (!click.at().isAfter(occurredAt) && (winning == null || !click.at().isBefore(winning.at()))) {
				winning = click;
			}
		}
		return winning;
	}

	/**
	 * The code live at {@code at} that the text matches: an exact code first (case ignored), else the oldest
	 * regex matching the whole text (case kept); and whether some code matched that was not live then.
	 */
	private Match match(String text, Instant at) {
		boolean inactive = false;
		String lowerCase = text.toLowerCase(Locale.ROOT);
		List<PromoCodeRule> exactCodes = this.exact.get(lowerCase);
		if (exactCodes != null) {
			for (PromoCodeRule rule : exactCodes) {
				if (rule.liveAt(at)) {
					return new Match(rule, false);
				}
				inactive = true;
			}
		}
		for (int i : candidates(text, lowerCase)) {
			CompiledRegex regex = this.regexes.get(i);
			if (regex.pattern().matches(text)) {
				if (regex.rule().liveAt(at)) {
					return new Match(regex.rule(), false);
				}
				inactive = true;
			}
		}
		return new Match(null, inactive);
	}

	/**
	 * The regexes that may match the whole text, oldest first: those whose literal start the text starts with, and
	 * those without one. A text with a character beyond ASCII is tried against every regex, since {@code (?i)}
	 * folds some such characters onto ASCII letters (the long s onto s) that lower-casing leaves apart.
	 */
	private int[] candidates(String text, String lowerCase) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 128) {
				return IntStream.range(0, this.regexes.size()).toArray();
			}
		}
		int[] found = this.unprefixed;
		// Each bucket is oldest first already; two put together are sorted again.
		boolean added = false;
		for (int pass = 0; pass < 2; pass++) {
			int[] lengths = (pass == 0) ? this.prefixLengths : this.lowerCasePrefixLengths;
			Map<String, int[]> index = (pass == 0) ? this.byPrefix : this.byLowerCasePrefix;
			String of = (pass == 0) ? text : lowerCase;
			for (int length : lengths) {
				if (length > of.length()) {
					break;
				}
				int[] more = index.get(of.substring(0, length));
				if (more != null && found.length == 0) {
					found = more;
				}
				else if (more != null) {
					found = concat(found, more);
					added = true;
				}
			}
		}
		if (added) {
			Arrays.sort(found);
		}
		return found;
	}

	private static int[] concat(int[] first, int[] second) {
		int[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static int[] ints(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

	private static Attribution byClick(Click winning, PromoCodeRule matched, Flag flag) {
		List<Flag> flags = (flag != null) ? List.of(flag) : List.of();
		Long partnerId = (winning != null) ? winning.partnerId() : null;
		By by = (winning != null) ? By.CLICK : By.NONE;
		if (matched == null) {
			return new Attribution(partnerId, by, null, null, null, flags);
		}
		return new Attribution(partnerId, by, matched.id(), matched.code(), matched.creditPolicy(), flags);
	}

	/** Stored regexes were checked against RE2/J when created; one stored before that and refused matches nothing. */
	private static Pattern compiled(String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (com.google.re2j.PatternSyntaxException ex) {
			return null;
		}
	}

	/**
	 * The literal characters every whole match of a regex starts with, as far as they can be told safely: letters,
	 * digits, {@code -} and {@code _} up to the first other character, less the last one when a quantifier follows
	 * it; nothing when the regex has an alternation anywhere (the start would hold for one branch only).
	 */
	static final class LiteralStart {

		private LiteralStart() {
		}

		static String of(String regex) {
			if (regex.indexOf('|') >= 0) {
				return "";
			}
			int start = regex.startsWith("^") ? 1 : 0;
			int end = start;
			while (end < regex.length() && literal(regex.charAt(end))) {
				end++;
			}
			if (end < regex.length() && "*+?{".indexOf(regex.charAt(end)) >= 0 && end > start) {
				end--;
			}
			return regex.substring(start, end);
		}

		private static boolean literal(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
		}

	}

	private record CompiledRegex(PromoCodeRule rule, Pattern pattern) {
	}

	private record Match(PromoCodeRule live, boolean inactive) {
	}

}
