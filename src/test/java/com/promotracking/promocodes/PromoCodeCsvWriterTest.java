package com.promotracking.promocodes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportFile;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportRow;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvNotice;

import static org.assertj.core.api.Assertions.assertThat;

/** The export: an import file Excel opens with its accents, no cell a formula, and the reader reads back. */
class PromoCodeCsvWriterTest {

	private static final String HEADER = "Promo Code,Partner Id,Partner,Match Type,Credit Policy,Start Date,End Date,"
			+ "Time Zone\r\n";

	@Test
	void aBomTheEnglishHeaderThenOneCrlfLinePerCode() {
		PromoCodeView summer = code(7, "Coupon Corner", "SAVE20", MatchType.EXACT, CreditPolicy.IF_WINNER,
				"2026-03-29T00:30:00Z", "2026-07-01T10:00:00Z", "Europe/Paris");
		PromoCodeView regex = code(8, "Café Déals, Inc", "SUMMER-[0-9]+", MatchType.REGEX, CreditPolicy.IF_INVOLVED,
				"2026-01-01T05:00:00Z", null, "America/New_York");

		byte[] written = write(summer, regex);

		assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8)).isEqualTo(HEADER
				+ "SAVE20,7,Coupon Corner,exact,if-winner,2026-03-29T01:30:00+01:00,2026-07-01T12:00:00+02:00,Europe/Paris\r\n"
				+ "SUMMER-[0-9]+,8,\"Café Déals, Inc\",regex,if-involved,2026-01-01T00:00:00-05:00,,America/New_York\r\n");
	}

	@Test
	void noCodesIsTheHeaderAlone() {
		assertThat(new String(write(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+33612345678", "-5", "@SUM(A1:A2)", "\tX", "\rX" })
	void aCodeOrPartnerNameASpreadsheetWouldRunAsAFormulaIsWrittenAsText(String text) {
		PromoCodeView code = code(7, text, text, MatchType.REGEX, CreditPolicy.ALWAYS, "2026-01-01T00:00:00Z", null,
				"UTC");
		String cell = text.contains("\r") ? "\"'" + text + "\"" : "'" + text;

		String line = new String(write(code), StandardCharsets.UTF_8).split("\r\n", -1)[1];

		assertThat(line).isEqualTo(cell + ",7," + cell + ",regex,always,2026-01-01T00:00:00Z,,UTC");
	}

	@Test
	void theStreamIsFlushedAndLeftOpen() {
		boolean[] closed = { false };
		ByteArrayOutputStream out = new ByteArrayOutputStream() {

			@Override
			public void close() {
				closed[0] = true;
			}

		};

		PromoCodeCsvWriter.write(out, List.of(code(7, "P", "SAVE20", MatchType.EXACT, CreditPolicy.ALWAYS,
				"2026-01-01T00:00:00Z", null, "UTC")));

		assertThat(closed[0]).isFalse();
		assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("SAVE20,7,P,exact,always,2026-01-01T00:00:00Z,,UTC\r\n");
	}

	@Test
	void whatIsWrittenReadsBackAsTheSameCodes() {
		List<PromoCodeView> codes = List.of(
				code(7, "Coupon Corner", "SAVE20", MatchType.EXACT, CreditPolicy.ALWAYS, "2026-03-29T00:30:00Z",
						"2026-10-25T01:30:00Z", "Europe/Paris"),
				code(8, "=HYPERLINK(\"http://evil\",\"x\")", "-5", MatchType.EXACT, CreditPolicy.IF_WINNER,
						"2026-01-01T05:00:00.123Z", null, "America/New_York"),
				code(9, "Café \"Déals\"\nsecond line", "@SUM", MatchType.REGEX, CreditPolicy.IF_INVOLVED,
						"2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z", "Asia/Kolkata"),
				code(10, "+33 Deals; Inc", "=1+1", MatchType.REGEX, CreditPolicy.ALWAYS, "2026-02-01T12:00:00Z", null,
						"UTC"));
		List<CsvImportRow> rows = new ArrayList<>();

		CsvImportFile file = PromoCodeCsvReader.read(new ByteArrayInputStream(write(codes.toArray(PromoCodeView[]::new))),
				rows::add);

		assertThat(file.rows()).isEqualTo(4);
		assertThat(file.separator()).isEqualTo(',');
		assertThat(file.notices()).containsExactly(new CsvNotice("Partner", PromoCodeCsvReader.PARTNER_NAME_IGNORED));
		// The third partner's name spans two lines.
		assertThat(rows).extracting(CsvImportRow::line).containsExactly(2, 3, 4, 6);
		for (int i = 0; i < codes.size(); i++) {
			PromoCodeView code = codes.get(i);
			CsvImportRow row = rows.get(i);
			ZoneId zone = ZoneId.of(row.timeZone());
			assertThat(row.code()).isEqualTo(code.code());
			assertThat(row.partner()).isEqualTo(String.valueOf(code.partnerId()));
			assertThat(row.partnerById()).isTrue();
			assertThat(row.matchType()).isEqualTo(code.matchType().value());
			assertThat(row.creditPolicy()).isEqualTo(code.creditPolicy().value());
			assertThat(Moment.parse(row.startDate()).toInstant(zone)).isEqualTo(code.startsAt());
			Moment end = Moment.parse(row.endDate());
			assertThat((end != null) ? end.toInstant(zone) : null).isEqualTo(code.endsAt());
			assertThat(row.timeZone()).isEqualTo(code.timeZone());
		}
	}

	private static byte[] write(PromoCodeView... codes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PromoCodeCsvWriter.write(out, List.of(codes));
		return out.toByteArray();
	}

	private static PromoCodeView code(long partnerId, String partnerName, String code, MatchType matchType,
			CreditPolicy creditPolicy, String startsAt, @Nullable String endsAt, String timeZone) {
		return new PromoCodeView(100 + partnerId, 1, partnerId, partnerName, code, matchType, creditPolicy,
				Instant.parse(startsAt), (endsAt != null) ? Instant.parse(endsAt) : null, timeZone,
				PromoCodeState.ACTIVE, Instant.parse("2025-12-01T00:00:00Z"), "alice@brand.example", null, null, null);
	}

}
