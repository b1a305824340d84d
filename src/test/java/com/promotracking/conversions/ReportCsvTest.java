package com.promotracking.conversions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's CSV: a BOM, one revenue column per currency, headers in the reader's language, formulas as text. */
class ReportCsvTest {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
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

		String english = new String(ReportCsv.of(rows, MESSAGES, Locale.ENGLISH), StandardCharsets.UTF_8);
		String french = new String(ReportCsv.of(rows, MESSAGES, Locale.FRENCH), StandardCharsets.UTF_8);

		assertThat(english.split("\r\n")).containsExactly(
				"\uFEFFCode,Partner,Credited,Revenue (EUR),Revenue (USD),\"Carried, credited elsewhere\"",
				"SAVE20,Coupon Corner,2,,12.50,1",
				"\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",\"'@Trail, \"\"Deals\"\"\",1,3.00,1.00,0");
		assertThat(french.lines().findFirst()).hasValue(
				"\uFEFFCode,Partenaire,Créditées,Chiffre d'affaires (EUR),Chiffre d'affaires (USD),\"Portées, créditées ailleurs\"");
	}

}
