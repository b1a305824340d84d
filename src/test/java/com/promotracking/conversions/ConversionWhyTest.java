package com.promotracking.conversions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.promotracking.promocodes.CreditPolicy;
import com.promotracking.promocodes.MatchType;
import com.promotracking.promocodes.PromoCodeRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "why" of a conversion, in English and French, for every row of the attribution rule and each flag: the
 * attribution comes from the real rule ({@link CodeMatcher}), the words from the real message bundles.
 */
class ConversionWhyTest {

	private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

	private static final long CORNER = 1;

	private static final long TRAIL = 2;

	private static final Map<Long, String> PARTNERS = Map.of(CORNER, "Coupon Corner", TRAIL, "Trailblazer Deals");

	private static final List<PromoCodeRule> CODES = List.of(
			code(10, CORNER, "SAVE20", CreditPolicy.ALWAYS, null),
			code(11, CORNER, "NEAR11", CreditPolicy.IF_INVOLVED, null),
			code(12, CORNER, "WIN12", CreditPolicy.IF_WINNER, null),
			code(13, TRAIL, "TRAIL15", CreditPolicy.IF_WINNER, null),
			code(14, TRAIL, "TRAILIN", CreditPolicy.IF_INVOLVED, null),
			code(15, CORNER, "OLD5", CreditPolicy.ALWAYS, AT.minusSeconds(60)));

	private static final CodeMatcher MATCHER = CodeMatcher.of(CODES);

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	@ParameterizedTest(name = "tracking {0}, code {1}, clicks {2}: {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			off | SAVE20  | T     | Promo code tracking was off, so code SAVE20 was not looked at; credited to Trailblazer Deals by click
			off | SAVE20  | -     | Promo code tracking was off, so code SAVE20 was not looked at; credited to nobody (no click came before the conversion)
			off | -       | C     | Credited to Coupon Corner by click: no promo code was sent
			on  | SAVE20  | T     | Credited to Coupon Corner by promo code SAVE20 (credit policy: always)
			on  | near11  | C,T   | Credited to Coupon Corner by promo code NEAR11 (credit policy: if involved)
			on  | WIN12   | T,C   | Credited to Coupon Corner by promo code WIN12 (credit policy: if winner)
			on  | TRAIL15 | T,C   | Not credited to Trailblazer Deals: code TRAIL15 requires the winning click; credited to Coupon Corner by click
			on  | TRAILIN | -     | Not credited to Trailblazer Deals: code TRAILIN requires a click of that partner; credited to nobody (no click came before the conversion)
			on  | OLD5    | C     | Code OLD5 was not live when the conversion occurred; credited to Coupon Corner by click
			on  | OLD5    | -     | Code OLD5 was not live when the conversion occurred; credited to nobody (no click came before the conversion)
			on  | NOPE    | T     | Code NOPE is not a promo code of this program; credited to Trailblazer Deals by click
			on  | -       | C     | Credited to Coupon Corner by click: no promo code was sent
			on  | -       | -     | Credited to nobody: no promo code was sent and no click came before the conversion
			""")
	void theBrandReadsWhyInEnglish(String tracking, String code, String clicks, String why) {
		assertThat(why(tracking, code, clicks, false, Locale.ENGLISH)).isEqualTo(why);
	}

	@ParameterizedTest(name = "tracking {0}, code {1}, clicks {2}: {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			off | SAVE20  | T     | Le suivi des codes promo était désactivé, le code SAVE20 n'a donc pas été examiné ; créditée à Trailblazer Deals par clic
			on  | SAVE20  | T     | Créditée à Coupon Corner par le code promo SAVE20 (règle de crédit : toujours)
			on  | near11  | C,T   | Créditée à Coupon Corner par le code promo NEAR11 (règle de crédit : si impliqué)
			on  | WIN12   | T,C   | Créditée à Coupon Corner par le code promo WIN12 (règle de crédit : si gagnant)
			on  | TRAIL15 | T,C   | Non créditée à Trailblazer Deals : le code TRAIL15 exige le clic gagnant ; créditée à Coupon Corner par clic
			on  | TRAILIN | -     | Non créditée à Trailblazer Deals : le code TRAILIN exige un clic de ce partenaire ; créditée à personne (aucun clic n'a précédé la conversion)
			on  | OLD5    | C     | Le code OLD5 n'était pas actif au moment de la conversion ; créditée à Coupon Corner par clic
			on  | NOPE    | T     | Le code NOPE n'est pas un code promo de ce programme ; créditée à Trailblazer Deals par clic
			on  | -       | C     | Créditée à Coupon Corner par clic : aucun code promo n'a été envoyé
			on  | -       | -     | Créditée à personne : aucun code promo n'a été envoyé et aucun clic n'a précédé la conversion
			""")
	void theBrandReadsWhyInFrench(String tracking, String code, String clicks, String why) {
		assertThat(why(tracking, code, clicks, false, Locale.FRENCH)).isEqualTo(why);
	}

	@Test
	void aPartnerCreditedByClickIsNotToldWhichOtherPartnersCodeWentUncredited() {
		String english = why("on", "TRAIL15", "T,C", true, Locale.ENGLISH);
		String french = why("on", "TRAIL15", "T,C", true, Locale.FRENCH);

		assertThat(english).isEqualTo("Another partner's promo code matched, but its credit policy was not met; "
				+ "credited to Coupon Corner by click");
		assertThat(french).isEqualTo("Le code promo d'un autre partenaire correspondait, mais sa règle de crédit "
				+ "n'était pas remplie ; créditée à Coupon Corner par clic");
		assertThat(english + french).doesNotContain("Trailblazer", "TRAIL15");
	}

	@Test
	void aPartnerReadsTheOtherSentencesAsTheBrandDoes() {
		assertThat(why("on", "SAVE20", "-", true, Locale.ENGLISH))
			.isEqualTo(why("on", "SAVE20", "-", false, Locale.ENGLISH));
		assertThat(why("on", "NOPE", "C", true, Locale.ENGLISH))
			.isEqualTo("Code NOPE is not a promo code of this program; credited to Coupon Corner by click");
	}

	/**
	 * @param clicks C (Coupon Corner) and T (Trailblazer Deals), oldest first: the last is the winning click
	 */
	private static String why(String tracking, String code, String clicks, boolean forPartner, Locale locale) {
		List<Click> journey = new ArrayList<>();
		if (clicks != null) {
			String[] partners = clicks.split(",");
			for (int i = 0; i < partners.length; i++) {
				journey.add(new Click(partners[i].equals("C") ? CORNER : TRAIL,
						AT.minusSeconds(600L * (partners.length - i))));
			}
		}
		Attribution attribution = MATCHER.attribute(AT, code, journey, tracking.equals("on"));
		Conversion conversion = new Conversion(1, 9, "ORDER-1", 3, AT, AT, new BigDecimal("10.00"), "USD", code,
				journey, attribution);
		Map<Long, Long> codePartners = new java.util.HashMap<>();
		CODES.forEach(rule -> codePartners.put(rule.id(), rule.partnerId()));
		return MESSAGES.getMessage(ConversionWhy.of(conversion, PARTNERS, codePartners, forPartner), locale);
	}

	private static PromoCodeRule code(long id, long partner, String code, CreditPolicy policy, Instant endsAt) {
		return new PromoCodeRule(id, partner, code, MatchType.EXACT, policy, AT.minusSeconds(86_400), endsAt, null);
	}

}
