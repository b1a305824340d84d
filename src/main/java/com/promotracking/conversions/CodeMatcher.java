package com.promotracking.conversions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	private final Map<String, List<PromoCodeRule>> exact = new HashMap<>();

	/** Oldest first: between regexes matching one code, the oldest wins. */
	private final List<CompiledRegex> regexes = new ArrayList<>();

	private CodeMatcher(List<PromoCodeRule> rules) {
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
	}

	static CodeMatcher of(List<PromoCodeRule> rules) {
		return new CodeMatcher(rules);
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
		List<PromoCodeRule> exactCodes = this.exact.get(text.toLowerCase(Locale.ROOT));
		if (exactCodes != null) {
			for (PromoCodeRule rule : exactCodes) {
				if (rule.liveAt(at)) {
					return new Match(rule, false);
				}
				inactive = true;
			}
		}
		for (CompiledRegex regex : this.regexes) {
			if (regex.pattern().matches(text)) {
				if (regex.rule().liveAt(at)) {
					return new Match(regex.rule(), false);
				}
				inactive = true;
			}
		}
		return new Match(null, inactive);
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

	private record CompiledRegex(PromoCodeRule rule, Pattern pattern) {
	}

	private record Match(PromoCodeRule live, boolean inactive) {
	}

}
