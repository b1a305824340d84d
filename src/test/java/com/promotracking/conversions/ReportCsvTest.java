package com.promotracking.conversions;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's CSV: one revenue column per currency, headers in the reader's language, formulas written as text. */
class ReportCsvTest {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+33612345678", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1" })
	void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText(String cell) {
		assertThat(ReportCsv.safe(cell)).isEqualTo("'" + cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SAVE20", "Coupon Corner", "x=1", "'quoted" })
	void anyOtherCellIsWrittenAsItIs(String cell) {
		assertThat(ReportCsv.safe(cell)).isEqualTo(cell);
	}

	@Test
	void oneLinePerCodeWithARevenueColumnPerCurrencyAndTheFormulasDisarmed() {
		TreeMap<String, String> usd = new TreeMap<>();
		usd.put("USD", "12.50");
		TreeMap<String, String> both = new TreeMap<>();
		both.put("EUR", "3.00");
		both.put("USD", "1.00");
		List<PromoCodeReport.CodeRow> rows = List.of(
				new PromoCodeReport.CodeRow(1, "SAVE20", 5, "Coupon Corner", 2, usd, 1),
				new PromoCodeReport.CodeRow(2, "=HYPERLINK(\"http://evil\",\"x\")", 6, "@Trail, \"Deals\"", 1, both,
						0));

		String english = ReportCsv.of(rows, MESSAGES, Locale.ENGLISH);
		String french = ReportCsv.of(rows, MESSAGES, Locale.FRENCH);

		assertThat(english.split("\r\n")).containsExactly(
				"Code,Partner,Credited,Revenue (EUR),Revenue (USD),\"Carried, credited elsewhere\"",
				"SAVE20,Coupon Corner,2,,12.50,1",
				"\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",\"'@Trail, \"\"Deals\"\"\",1,3.00,1.00,0");
		assertThat(french.lines().findFirst()).hasValue(
				"Code,Partenaire,Créditées,Chiffre d'affaires (EUR),Chiffre d'affaires (USD),\"Portées, créditées ailleurs\"");
	}

}
