package com.promotracking.conversions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.Attribution.Flag;
import com.promotracking.promocodes.CreditPolicy;
import com.promotracking.promocodes.MatchType;
import com.promotracking.promocodes.PromoCodeRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attribution rule as a table: every row of the rule, each flag, which code wins when several match, when a
 * code is live, which click wins, and a hostile regex that must not stall.
 */
class CodeMatcherTest {

	private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

	/** P owns the codes; Q and R are other partners of the program. */
	private static final long P = 1;

	private static final long Q = 2;

	private static final long R = 3;

	private static final List<PromoCodeRule> CODES = List.of(
			exact(10, P, "ALWAYS10", CreditPolicy.ALWAYS),
			exact(11, P, "INVOLVED11", CreditPolicy.IF_INVOLVED),
			exact(12, P, "WINNER12", CreditPolicy.IF_WINNER),
			new PromoCodeRule(13, P, "EXPIRED13", MatchType.EXACT, CreditPolicy.ALWAYS, AT.minusSeconds(7200),
					AT.minusSeconds(3600), null),
			new PromoCodeRule(14, P, "FUTURE14", MatchType.EXACT, CreditPolicy.ALWAYS, AT.plusSeconds(1), null, null),
			new PromoCodeRule(15, P, "GONE15", MatchType.EXACT, CreditPolicy.ALWAYS, AT.minusSeconds(7200), null,
					AT.minusSeconds(60)),
			// Deactivated after the conversion occurred: still live at the time it occurred.
			new PromoCodeRule(16, P, "LATE16", MatchType.EXACT, CreditPolicy.ALWAYS, AT.minusSeconds(7200), null,
					AT.plusSeconds(60)),
			// Ends exactly when the conversion occurs: no longer live (the end is excluded).
			new PromoCodeRule(17, P, "ENDS17", MatchType.EXACT, CreditPolicy.ALWAYS, AT.minusSeconds(7200), AT, null),
			// Starts exactly when the conversion occurs: live (the start is included).
			new PromoCodeRule(18, P, "STARTS18", MatchType.EXACT, CreditPolicy.ALWAYS, AT, null, null),
			regex(20, Q, "SUMMER[0-9]+", CreditPolicy.ALWAYS),
			regex(21, R, "SUMMER.*", CreditPolicy.ALWAYS),
			exact(22, R, "SUMMER99", CreditPolicy.ALWAYS),
			regex(23, R, "(?i)win.*", CreditPolicy.ALWAYS));

	private static final CodeMatcher MATCHER = CodeMatcher.of(CODES);

	@ParameterizedTest(name = "tracking {0}, code {1}, clicks {2} → {3} by {4}, code {5}, flags {6}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# tracking | code       | clicks (partner@minutes before) | credited | by         | code id | flags
			# tracking off: the winning click, else nobody; a code sent is flagged
			off        | ALWAYS10   | 2@5                             | 2        | click      | -       | tracking-off
			off        | ALWAYS10   | -                               | -        | none       | -       | tracking-off
			off        | -          | 2@5                             | 2        | click      | -       | -
			# a matching code with policy always: P, whatever the clicks
			on         | ALWAYS10   | 2@5                             | 1        | promo-code | 10      | -
			on         | always10   | -                               | 1        | promo-code | 10      | -
			# if-involved: P has some click, not necessarily the last
			on         | INVOLVED11 | 1@30 2@5                        | 1        | promo-code | 11      | -
			on         | INVOLVED11 | 2@5                             | 2        | click      | 11      | policy-not-met
			on         | INVOLVED11 | -                               | -        | none       | 11      | policy-not-met
			# if-winner: P has the latest click at or before the conversion
			on         | WINNER12   | 2@30 1@5                        | 1        | promo-code | 12      | -
			on         | WINNER12   | 1@30 2@5                        | 2        | click      | 12      | policy-not-met
			on         | WINNER12   | 1@0                             | 1        | promo-code | 12      | -
			# a code of the program, not live when the conversion occurred
			on         | EXPIRED13  | 2@5                             | 2        | click      | -       | code-inactive
			on         | FUTURE14   | -                               | -        | none       | -       | code-inactive
			on         | GONE15     | -                               | -        | none       | -       | code-inactive
			on         | LATE16     | -                               | 1        | promo-code | 16      | -
			on         | ENDS17     | -                               | -        | none       | -       | code-inactive
			on         | STARTS18   | -                               | 1        | promo-code | 18      | -
			# a code no code of the program matches
			on         | NOPE       | 2@5                             | 2        | click      | -       | code-unknown
			on         | NOPE       | -                               | -        | none       | -       | code-unknown
			# no code: the winning click, else nobody
			on         | -          | 2@5 3@1                         | 3        | click      | -       | -
			on         | -          | -                               | -        | none       | -       | -
			# exact beats regex; between regexes the oldest wins; regexes match the whole code, with case
			on         | SUMMER99   | -                               | 3        | promo-code | 22      | -
			on         | summer99   | -                               | 3        | promo-code | 22      | -
			on         | SUMMER7    | -                               | 2        | promo-code | 20      | -
			on         | SUMMERX    | -                               | 3        | promo-code | 21      | -
			on         | summer7    | -                               | -        | none       | -       | code-unknown
			on         | XSUMMER7   | -                               | -        | none       | -       | code-unknown
			on         | WINTER     | -                               | 3        | promo-code | 23      | -
			""")
	void attributes(String tracking, String code, String clicks, Long credited, String by, Long codeId,
			String flag) {
		Attribution attribution = MATCHER.attribute(AT, code, clicks(clicks), "on".equals(tracking));

		assertThat(attribution.partnerId()).isEqualTo(credited);
		assertThat(attribution.by()).isEqualTo(By.of(by));
		assertThat(attribution.promoCodeId()).isEqualTo(codeId);
		assertThat(attribution.flags()).containsExactlyElementsOf((flag == null) ? List.of() : List.of(Flag.of(flag)));
		if (codeId != null) {
			PromoCodeRule matched = CODES.stream().filter(rule -> rule.id() == codeId).findFirst().orElseThrow();
			assertThat(attribution.code()).isEqualTo(matched.code());
			assertThat(attribution.creditPolicy()).isEqualTo(matched.creditPolicy());
		}
		else {
			assertThat(attribution.code()).isNull();
			assertThat(attribution.creditPolicy()).isNull();
		}
	}

	@Test
	void theWinningClickIsTheLatestAtOrBeforeTheConversion() {
		List<Click> clicks = List.of(new Click(Q, AT.minusSeconds(60)), new Click(R, AT.plusSeconds(1)),
				new Click(P, AT.minusSeconds(120)));

		assertThat(CodeMatcher.winningClick(AT, clicks)).isEqualTo(new Click(Q, AT.minusSeconds(60)));
		assertThat(CodeMatcher.winningClick(AT, List.of())).isNull();
	}

	@Test
	void ofTwoRegexesTheOldestWinsWhateverTheOrderTheyAreGivenIn() {
		CodeMatcher matcher = CodeMatcher.of(List.of(regex(31, R, "A.*", CreditPolicy.ALWAYS),
				regex(30, Q, "AB.*", CreditPolicy.ALWAYS)));

		assertThat(matcher.attribute(AT, "ABC", List.of(), true).promoCodeId()).isEqualTo(30);
	}

	@ParameterizedTest(name = "{0} matches {1}")
	@CsvSource(delimiter = ';', textBlock = """
			SUMMER[0-9]+    ; SUMMER25
			AB?C            ; AC
			AB{0,2}C        ; AC
			AB*C            ; AC
			ABC|XY          ; XY
			^PART-[0-9]+    ; PART-7
			(?i)club-[a-z]+ ; CLUB-Abc
			(?i)sale        ; \u017Fale
			[A-Z]+-ONE      ; TWO-ONE
			""")
	void aRegexIsTriedOnEveryCodeItCanMatchWhateverItsLiteralStart(String regex, String code) {
		// Beside codes of other literal starts, so that the index of starts is used, not only the regexes without.
		CodeMatcher matcher = CodeMatcher.of(List.of(regex(50, Q, "OTHER[0-9]+", CreditPolicy.ALWAYS),
				regex(51, R, "(?i)second[0-9]+", CreditPolicy.ALWAYS), regex(52, P, regex, CreditPolicy.ALWAYS)));

		assertThat(matcher.attribute(AT, code, List.of(), true).promoCodeId()).isEqualTo(52);
		assertThat(matcher.attribute(AT, "OTHER1", List.of(), true).promoCodeId()).isEqualTo(50);
		assertThat(matcher.attribute(AT, "Second2", List.of(), true).promoCodeId()).isEqualTo(51);
	}

	@Test
	void theLiteralStartOfARegexStopsBeforeAnyPartThatMayNotBeThere() {
		assertThat(CodeMatcher.LiteralStart.of("SUMMER[0-9]+")).isEqualTo("SUMMER");
		assertThat(CodeMatcher.LiteralStart.of("^P7-[A-Z]{2}")).isEqualTo("P7-");
		assertThat(CodeMatcher.LiteralStart.of("AB?C")).isEqualTo("A");
		assertThat(CodeMatcher.LiteralStart.of("ABC|XY")).isEmpty();
		assertThat(CodeMatcher.LiteralStart.of("A*")).isEmpty();
		assertThat(CodeMatcher.LiteralStart.of("(?i)abc")).isEmpty();
	}

	@Test
	@Timeout(5)
	void aHostileRegexAnswersAtOnce() {
		CodeMatcher matcher = CodeMatcher.of(List.of(regex(40, P, "(a+)+$", CreditPolicy.ALWAYS)));
		String hostile = "a".repeat(5000) + "!";

		long started = System.nanoTime();
		Attribution attribution = matcher.attribute(AT, hostile, List.of(), true);

		assertThat(attribution.flags()).containsExactly(Flag.CODE_UNKNOWN);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(matcher.attribute(AT, "a".repeat(5000), List.of(), true).promoCodeId()).isEqualTo(40);
	}

	private static List<Click> clicks(String text) {
		List<Click> clicks = new ArrayList<>();
		if (text != null) {
			for (String click : text.trim().split("\\s+")) {
				String[] parts = click.split("@");
				clicks.add(new Click(Long.parseLong(parts[0]), AT.minusSeconds(60 * Long.parseLong(parts[1]))));
			}
		}
		return clicks;
	}

	private static PromoCodeRule exact(long id, long partnerId, String code, CreditPolicy policy) {
		return new PromoCodeRule(id, partnerId, code, MatchType.EXACT, policy, AT.minusSeconds(86_400), null, null);
	}

	private static PromoCodeRule regex(long id, long partnerId, String code, CreditPolicy policy) {
		return new PromoCodeRule(id, partnerId, code, MatchType.REGEX, policy, AT.minusSeconds(86_400), null, null);
	}

}
