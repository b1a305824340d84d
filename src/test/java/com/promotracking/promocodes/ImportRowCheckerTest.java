package com.promotracking.promocodes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.promotracking.programs.PartnerView;
import com.promotracking.promocodes.ImportRowChecker.OwnedCode;
import com.promotracking.promocodes.ImportRowChecker.ReadyCode;
import com.promotracking.promocodes.ImportRowChecker.Result;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule an import's row is checked against, with the reasons of creating one code, the file's own duplicates
 * and conflicts, and what the program already has, without a database: the checker's inputs are plain values.
 */
class ImportRowCheckerTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private static final PartnerView TRAILBLAZER = new PartnerView(5, "Trailblazer Deals");

	private static final PartnerView CORNER = new PartnerView(7, "Coupon Corner");

	private List<OwnedCode> liveRegexes = new ArrayList<>();

	private List<OwnedCode> liveExact = new ArrayList<>();

	private Set<String> existing = Set.of();

	private final AtomicInteger exactCodeReads = new AtomicInteger();

	private final List<Collection<String>> keyLookups = new ArrayList<>();

	@Test
	void aRowWithOnlyItsRequiredValuesIsAnExactCodeCreditedAlwaysLiveFromNowForGood() {
		Result result = check(row(2, "SPRING10", "Trailblazer Deals"));

		assertThat(result.errors()).isEmpty();
		assertThat(result.ready()).containsExactly(new ReadyCode(2, 5, "SPRING10", MatchType.EXACT,
				CreditPolicy.ALWAYS, NOW, null, ZoneId.of("UTC")));
	}

	@Test
	void valuesAreReadInOurWordsAndImpactComsAndDatesInTheRowsTimeZone() {
		Result result = check(
				new CsvImportRow(2, "A1", "7", true, "LI", "WINNER", "2026-07-01", "2026-08-01T12:00", "Europe/Paris"),
				new CsvImportRow(3, "B.*", "Coupon Corner", false, "regex", "if-involved",
						"2026-07-01T00:00:00+02:00", "", ""),
				new CsvImportRow(4, "C1", "5", false, "RE", "IF_INVOLVED", "", "", ""));

		assertThat(result.errors()).isEmpty();
		assertThat(result.ready()).extracting(ReadyCode::matchType, ReadyCode::creditPolicy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MatchType.EXACT, CreditPolicy.IF_WINNER),
					org.assertj.core.groups.Tuple.tuple(MatchType.REGEX, CreditPolicy.IF_INVOLVED),
					org.assertj.core.groups.Tuple.tuple(MatchType.REGEX, CreditPolicy.IF_INVOLVED));
		ReadyCode first = result.ready().get(0);
		assertThat(first.partnerId()).isEqualTo(7);
		assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
		assertThat(first.endsAt()).isEqualTo(Instant.parse("2026-08-01T10:00:00Z"));
		assertThat(result.ready().get(1).startsAt()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
		assertThat(result.ready().get(2).partnerId()).as("a number in the Partner column is an id first").isEqualTo(5);
	}

	@Test
	void eachFieldSaysWhyWithTheReasonsOfCreatingOneCode() {
		Result result = check(new CsvImportRow(2, "BAD CODE", "Nobody", false, "fuzzy", "sometimes", "soon", "later",
				"Mars/Olympus"), row(3, "", ""), new CsvImportRow(4, "X1", "abc", true, "", "", "", "", ""),
				new CsvImportRow(5, "X2", "5", false, "", "", "2026-02-01", "2026-01-01", ""),
				new CsvImportRow(6, "(open", "5", false, "regex", "", "", "", ""),
				new CsvImportRow(7, "a".repeat(201), "5", false, "regex", "", "", "", ""),
				new CsvImportRow(8, "X3", "5", false, "", "", "2026-02-01", "2026-02-01", ""));

		assertThat(reasons(result)).containsExactly("2 partnerId promoCode.error.unknownPartner",
				"2 matchType promoCodeImport.error.matchType", "2 creditPolicy promoCodeImport.error.creditPolicy",
				"2 timeZone promoCode.error.timeZone", "2 startsAt promoCode.error.date",
				"2 endsAt promoCode.error.date", "3 partnerId promoCode.error.partnerRequired",
				"3 code promoCode.error.codeRequired", "4 partnerId promoCodeImport.error.partnerId",
				"5 endsAt promoCode.error.endBeforeStart", "6 code promoCode.error.regexInvalid",
				"7 code promoCode.error.regexTooLong", "8 endsAt promoCode.error.endBeforeStart");
		assertThat(result.ready()).isEmpty();
	}

	@Test
	void anExactCodeBreakingTheFormatIsRefusedWhateverElseIsWrong() {
		Result result = check(row(2, "HAS SPACE", "Trailblazer Deals"), row(3, "ÉTÉ", "Trailblazer Deals"));

		assertThat(reasons(result)).containsExactly("2 code promoCode.error.exactFormat",
				"3 code promoCode.error.exactFormat");
	}

	@Test
	void aNameTwoPartnersShareIsAmbiguousAndAnIdIsNot() {
		Result result = new ImportRowChecker(List.of(TRAILBLAZER, CORNER, new PartnerView(9, "Coupon Corner")),
				this.liveRegexes, () -> this.liveExact, keys -> Set.of(), NOW).check(List.of(row(2, "A1", "Coupon Corner"), row(3, "A2", "9")));

		assertThat(reasons(result)).containsExactly("2 partnerId promoCodeImport.error.partnerAmbiguous");
		assertThat(result.ready()).extracting(ReadyCode::partnerId).containsExactly(9L);
	}

	@Test
	void theSecondLineOfACodeInTheFileNamesTheFirstWhateverItsCase() {
		Result result = check(row(2, "SPRING10", "Trailblazer Deals"), row(3, "spring10", "Coupon Corner"),
				row(4, "Spring10", "Trailblazer Deals"), new CsvImportRow(5, "SPRING10", "5", false, "regex", "", "",
						"", ""));

		assertThat(result.errors()).extracting(error -> error.line() + " " + error.messageKey() + " " + error.argument())
			.containsExactly("3 promoCodeImport.error.duplicateInFile 2", "4 promoCodeImport.error.duplicateInFile 2");
		assertThat(result.ready()).extracting(ReadyCode::line).as("a regex is another code than the exact one")
			.containsExactly(2, 5);
	}

	@Test
	void aCodeTheProgramHasIsRefusedAndTheProgramIsAskedOnlyForTheFilesKeys() {
		this.existing = Set.of("exact:spring10");

		Result result = check(row(2, "SPRING10", "Trailblazer Deals"), row(3, "NEW1", "Trailblazer Deals"),
				row(4, "BAD CODE", "Trailblazer Deals"));

		assertThat(reasons(result)).containsExactly("2 code promoCodes.refused.duplicate-promo-code",
				"4 code promoCode.error.exactFormat");
		assertThat(this.keyLookups).singleElement()
			.satisfies(keys -> assertThat(keys).containsExactlyInAnyOrder("exact:spring10", "exact:new1"));
	}

	@Test
	void noCodeMayMakeAConversionsPartnerAmbiguousInTheProgramOrInTheFile() {
		this.liveRegexes = List.of(new OwnedCode(7, "CORNER[0-9]+"));
		this.liveExact = List.of(new OwnedCode(7, "SUMMER10"), new OwnedCode(5, "TRAIL10"));

		Result result = check(row(2, "corner15", "Trailblazer Deals"), // another partner's regex matches it
				row(3, "CORNER16", "Coupon Corner"), // its own partner's regex: fine
				regex(4, "summer.*", "Trailblazer Deals"), // matches another partner's exact code
				regex(5, "trail.*", "Trailblazer Deals"), // matches its own partner's only
				row(6, "TRAILX", "Coupon Corner"), // matched by line 5, a regex of the file
				regex(7, "CORN.*", "Trailblazer Deals")); // matches line 3, an exact code of the file

		assertThat(reasons(result)).containsExactly("2 code promoCode.error.matchedByOtherPartnersRegex",
				"4 code promoCode.error.regexMatchesOtherPartnersCode",
				"6 code promoCode.error.matchedByOtherPartnersRegex",
				"7 code promoCode.error.regexMatchesOtherPartnersCode");
		assertThat(result.ready()).extracting(ReadyCode::line).containsExactly(3, 5);
	}

	@Test
	void theProgramsExactCodesAreReadOnlyWhenTheFileHoldsARegex() {
		check(row(2, "A1", "Trailblazer Deals"), row(3, "A2", "Trailblazer Deals"));
		assertThat(this.exactCodeReads).hasValue(0);

		check(row(2, "A1", "Trailblazer Deals"), regex(3, "B.*", "Trailblazer Deals"),
				regex(4, "C.*", "Trailblazer Deals"));
		assertThat(this.exactCodeReads).hasValue(1);
	}

	@Test
	void aRegexThatBacktracksOnAnotherPartnersCodeIsRefusedInTime() {
		this.liveExact = List.of(new OwnedCode(7, "a".repeat(40) + "X"));

		long started = System.nanoTime();
		Result result = check(regex(2, "(.*a){12}b", "Trailblazer Deals"));

		assertThat(reasons(result)).containsExactly("2 code promoCode.error.regexTooComplex");
		assertThat(System.nanoTime() - started).as("bounded by the match budget").isLessThan(5_000_000_000L);
	}

	@Test
	void aFileHoldsAtMostAHundredRegexes() {
		List<CsvImportRow> rows = new ArrayList<>();
		for (int i = 0; i < ImportRowChecker.MAX_REGEX_ROWS + 2; i++) {
			rows.add(regex(i + 2, "R" + i + "-.*", "Trailblazer Deals"));
		}

		Result result = check(rows.toArray(CsvImportRow[]::new));

		assertThat(result.ready()).hasSize(ImportRowChecker.MAX_REGEX_ROWS);
		assertThat(reasons(result)).containsExactly("102 code promoCodeImport.error.tooManyRegexes",
				"103 code promoCodeImport.error.tooManyRegexes");
	}

	// ---------------------------------------------------------------- helpers

	private Result check(CsvImportRow... rows) {
		return new ImportRowChecker(List.of(TRAILBLAZER, CORNER), this.liveRegexes, () -> {
			this.exactCodeReads.incrementAndGet();
			return this.liveExact;
		}, keys -> {
			this.keyLookups.add(List.copyOf(keys));
			return keys.stream().filter(this.existing::contains).collect(Collectors.toSet());
		}, NOW).check(List.of(rows));
	}

	private static CsvImportRow row(int line, String code, String partner) {
		return new CsvImportRow(line, code, partner, false, "", "", "", "", "");
	}

	private static CsvImportRow regex(int line, String code, String partner) {
		return new CsvImportRow(line, code, partner, false, "regex", "", "", "", "");
	}

	private static List<String> reasons(Result result) {
		return result.errors().stream().map(error -> error.line() + " " + error.field() + " " + error.messageKey())
			.toList();
	}

}
