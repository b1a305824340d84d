package com.promotracking.promocodes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;

import com.promotracking.promocodes.InvalidCsvFile.Reason;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportFile;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportRow;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvNotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The import file as brands bring it: from Excel in French or English, from impact.com, in UTF-8 or Windows-1252;
 * and every file that is no promo code CSV refused with its reason, as soon as it is seen.
 */
class PromoCodeCsvReaderTest {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	@Nested
	class RealFiles {

		@Test
		void aFrenchExcelFileHasSemicolonsABomAndFrenchHeaders() {
			byte[] file = bytes(BOM, utf8("Code promo;Id du partenaire;Type de correspondance;Règle de crédit;"
					+ "Date de début;Date de fin;Fuseau horaire\r\n"
					+ "ETE25;42;exact;always;2026-06-01;2026-08-31;Europe/Paris\r\n"
					+ "SOLDES-[0-9]+;43;regex;if-winner;2026-01-07T08:00;;Europe/Paris\r\n"));

			Read read = read(file);

			assertThat(read.file()).isEqualTo(new CsvImportFile(2, ';', List.of()));
			assertThat(read.rows()).containsExactly(
					new CsvImportRow(2, "ETE25", "42", true, "exact", "always", "2026-06-01", "2026-08-31",
							"Europe/Paris"),
					new CsvImportRow(3, "SOLDES-[0-9]+", "43", true, "regex", "if-winner", "2026-01-07T08:00", "",
							"Europe/Paris"));
		}

		@Test
		void theColumnNamesOfOurFrenchPagesAreReadToo() {
			byte[] file = bytes(BOM, utf8("Code promo;Partenaire;Correspondance;Règle d’attribution;Début;Fin;"
					+ "Fuseau horaire\r\nETE25;Coupon Corner;exact;if-involved;2026-06-01;2026-08-31;Europe/Paris\r\n"));

			Read read = read(file);

			assertThat(read.file().notices()).isEmpty();
			assertThat(read.rows()).containsExactly(new CsvImportRow(2, "ETE25", "Coupon Corner", false, "exact",
					"if-involved", "2026-06-01", "2026-08-31", "Europe/Paris"));
		}

		@Test
		void aWindows1252FileReadsItsAccentsAsAUtf8FileDoes() {
			String text = "Promo Code,Partner\r\nCAFE10,Café Déals\r\nEURO5,5 € off\r\n";
			byte[] windows1252 = text.getBytes(WINDOWS_1252);
			assertThat(windows1252).contains((byte) 0xE9, (byte) 0x80);

			List<CsvImportRow> fromWindows1252 = read(windows1252).rows();
			List<CsvImportRow> fromUtf8 = read(utf8(text)).rows();

			assertThat(fromWindows1252).extracting(CsvImportRow::partner).containsExactly("Café Déals", "5 € off");
			assertThat(fromWindows1252).containsExactlyElementsOf(fromUtf8);
			assertThat(fromWindows1252.get(0).partnerById()).isFalse();
		}

		@Test
		void aUtf8FileWithABomReadsAsOneWithout() {
			String text = "Promo Code,Partner\nCAFE10,Café Déals\n";

			assertThat(read(bytes(BOM, utf8(text))).rows()).containsExactlyElementsOf(read(utf8(text)).rows());
			assertThat(read(utf8(text)).rows().get(0).partner()).isEqualTo("Café Déals");
		}

		@Test
		void anImpactComExportIsReadWithItsOwnColumnsNamesAndNoticesForTheColumnsItDoesNotNeed() {
			byte[] file = utf8("Program Id,Media Id,Promo Code,Type,Match Mode,Credit Rule,Active Start Date,"
					+ "Active End Date,Timezone,Deal Id\n"
					+ "12345,678,SUMMER10,Promo Code,exact,always,2026-06-01T00:00:00-07:00,,America/Los_Angeles,999\n");

			Read read = read(file);

			assertThat(read.rows()).containsExactly(new CsvImportRow(2, "SUMMER10", "678", true, "exact", "always",
					"2026-06-01T00:00:00-07:00", "", "America/Los_Angeles"));
			assertThat(read.file().notices()).containsExactly(
					new CsvNotice("Program Id", PromoCodeCsvReader.IMPACT_COLUMN_IGNORED),
					new CsvNotice("Type", PromoCodeCsvReader.IMPACT_COLUMN_IGNORED),
					new CsvNotice("Deal Id", PromoCodeCsvReader.IMPACT_COLUMN_IGNORED));
		}

		@Test
		void quotedSeparatorsQuotesAndLineBreaksAreValuesAndTheRowsAfterThemKeepTheirLineNumbers() {
			byte[] file = utf8("Promo Code,Partner\n" // 1
					+ "\"A,1\",\"Coupon \"\"Corner\"\"; Inc\"\n" // 2
					+ "\"B\n2\",X\n" // 3-4
					+ "\n" // 5
					+ "C3,\"multi\r\nline\"\r\n" // 6-7
					+ "D4,Y"); // 8, without a final line break

			List<CsvImportRow> rows = read(file).rows();

			assertThat(rows).extracting(CsvImportRow::line).containsExactly(2, 3, 6, 8);
			assertThat(rows).extracting(CsvImportRow::code).containsExactly("A,1", "B\n2", "C3", "D4");
			assertThat(rows).extracting(CsvImportRow::partner)
				.containsExactly("Coupon \"Corner\"; Inc", "X", "multi\nline", "Y");
		}

		/** FastCSV 4.1.0 alone would lose the second row, and put the third on line 2. */
		@Test
		void aCarriageReturnInAQuotedValueIsALineBreakAndLosesNoRow() {
			List<CsvImportRow> rows = read(utf8("Promo Code,Partner\nA1,\"Coupon\rCorner\"\nA2,P\n")).rows();

			assertThat(rows).extracting(CsvImportRow::line, CsvImportRow::code, CsvImportRow::partner)
				.containsExactly(tuple(2, "A1", "Coupon\nCorner"), tuple(4, "A2", "P"));
		}

		@Test
		void anOldMacFileEndsItsLinesWithCarriageReturns() {
			assertThat(read(utf8("Promo Code,Partner\rA1,P\r\rA2,P\r")).rows()).extracting(CsvImportRow::line)
				.containsExactly(2, 4);
		}

		@Test
		void crlfAndLfLineEndsReadTheSame() {
			String text = "Promo Code,Partner Id,Match Type\nA1,1,exact\nA2,2,regex\n";

			List<CsvImportRow> lf = read(utf8(text)).rows();
			List<CsvImportRow> crlf = read(utf8(text.replace("\n", "\r\n"))).rows();

			assertThat(crlf).containsExactlyElementsOf(lf);
			assertThat(lf).extracting(CsvImportRow::code, CsvImportRow::matchType)
				.containsExactly(tuple("A1", "exact"),
						tuple("A2", "regex"));
		}

		@Test
		void columnsAreFoundInAnyOrderWhateverTheirCaseAndSurroundingSpaces() {
			byte[] file = utf8("  time ZONE ,END date,partner ID,  PROMO code  ,start DATE,Match TYPE,credit POLICY\n"
					+ "Europe/Paris,2026-12-31,9, XMAS ,2026-12-01,exact,if-involved\n");

			assertThat(read(file).rows()).containsExactly(new CsvImportRow(2, "XMAS", "9", true, "exact",
					"if-involved", "2026-12-01", "2026-12-31", "Europe/Paris"));
		}

		@Test
		void aColumnThatIsNotInTheFileIsEmptyInEveryRow() {
			assertThat(read(utf8("Code,Partenaire\nA1,Coupon Corner\n")).rows()).containsExactly(
					new CsvImportRow(2, "A1", "Coupon Corner", false, "", "", "", "", ""));
		}

		@Test
		void emptyLinesAndLinesOfEmptyCellsAreNoRows() {
			byte[] file = utf8("\n\nPromo Code,Partner\n\nA1,P\n , \n,\n\r\nA2,P\n  \n\n");

			Read read = read(file);

			assertThat(read.rows()).extracting(CsvImportRow::line).containsExactly(5, 9);
			assertThat(read.file().rows()).isEqualTo(2);
		}

		@Test
		void withAPartnerIdThePartnerNameIsIgnoredAndSaidSo() {
			Read read = read(utf8("Promo Code,Partner,Partner Id\nA1,Coupon Corner,7\n"));

			assertThat(read.rows()).extracting(CsvImportRow::partner, CsvImportRow::partnerById)
				.containsExactly(tuple("7", true));
			assertThat(read.file().notices())
				.containsExactly(new CsvNotice("Partner", PromoCodeCsvReader.PARTNER_NAME_IGNORED));
		}

		@Test
		void unknownAndUnnamedColumnsAreIgnoredAndSaidSo() {
			Read read = read(utf8("Promo Code,Notes,,Partner\nA1,for summer,x,P\n"));

			assertThat(read.rows()).extracting(CsvImportRow::code, CsvImportRow::partner)
				.containsExactly(tuple("A1", "P"));
			assertThat(read.file().notices()).containsExactly(
					new CsvNotice("Notes", PromoCodeCsvReader.UNKNOWN_COLUMN),
					new CsvNotice("3", PromoCodeCsvReader.UNNAMED_COLUMN));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "'=1+1|=1+1", "'+33|+33", "'-5|-5",
				"'@SUM(A1)|@SUM(A1)", "'x|'x", "'|'", "' =1|' =1", "\"  'a  \"|'a" })
		void aCellTheExportWroteAsTextIsReadAsTheValueItWas(String cell, String value) {
			assertThat(PromoCodeCsvReader.value(cell)).isEqualTo(value);
		}

		@Test
		void aNeutralizedTabOrCarriageReturnLosesItsApostropheThenItsSpaces() {
			assertThat(PromoCodeCsvReader.value("'\tX")).isEqualTo("X");
			assertThat(PromoCodeCsvReader.value("'\rX ")).isEqualTo("X");
			assertThat(read(utf8("Promo Code,Partner\n'=1+1,\"'\rP\"\n")).rows())
				.extracting(CsvImportRow::code, CsvImportRow::partner)
				.containsExactly(tuple("=1+1", "P"));
		}

		@Test
		void aFileOfExactlyTheLargestSizeAndTheMostRowsIsRead() {
			assertThat(read(fileOfSize(PromoCodeCsvReader.MAX_BYTES)).file().rows()).isPositive();
			assertThat(read(rows(PromoCodeCsvReader.MAX_ROWS)).file().rows()).isEqualTo(PromoCodeCsvReader.MAX_ROWS);
		}

	}

	@Nested
	class Refusals {

		@ParameterizedTest
		@ValueSource(strings = { "Promo Code,Partner\nA\u0000,P\n", "Promo Code,Partner\nA\u0001,P\n",
				"Promo Code,Partner\nA,P\u001B\n", "\u0000\u0000\u0000" })
		void controlCharactersAreNoText(String text) {
			assertThat(refusal(utf8(text)).reason()).isEqualTo(Reason.NOT_TEXT);
		}

		@Test
		void aPngImageIsNoText() {
			byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

			assertThat(refusal(png).reason()).isEqualTo(Reason.NOT_TEXT);
		}

		@Test
		void aFileOfOneByteMoreThanTheLargestIsTooLarge() {
			InvalidCsvFile refused = refusal(fileOfSize(PromoCodeCsvReader.MAX_BYTES + 1));

			assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
			assertThat(refused.arguments()).containsExactly(5L);
		}

		@Test
		void aHugeUploadIsRefusedAsSoonAsItPassesTheLargestSize() {
			CountingStream huge = new CountingStream(utf8("Promo Code,Partner,Notes\n"),
					row -> utf8("C" + row + ",P," + "x".repeat(4000) + "\n"));

			assertThat(refusal(huge).reason()).isEqualTo(Reason.TOO_LARGE);
			assertThat(huge.read).isEqualTo(PromoCodeCsvReader.MAX_BYTES + 1);
		}

		@Test
		void oneRowMoreThanTheMostIsTooManyRows() {
			InvalidCsvFile refused = refusal(rows(PromoCodeCsvReader.MAX_ROWS + 1));

			assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_ROWS);
			assertThat(refused.arguments()).containsExactly(PromoCodeCsvReader.MAX_ROWS);
		}

		@Test
		void endlessRowsAreRefusedAtTheFirstRowTooMany() {
			List<CsvImportRow> handed = new ArrayList<>();
			CountingStream endless = new CountingStream(utf8("Promo Code,Partner\n"),
					row -> utf8("C" + (100_000 + row) + ",P\n"));

			InvalidCsvFile refused = catchThrowableOfType(InvalidCsvFile.class,
					() -> PromoCodeCsvReader.read(endless, handed::add));

			assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_ROWS);
			assertThat(handed).hasSize(PromoCodeCsvReader.MAX_ROWS);
			long rowsBytes = (PromoCodeCsvReader.MAX_ROWS + 1) * "C100000,P\n".length();
			assertThat(endless.read).isBetween(rowsBytes, rowsBytes + 64 * 1024);
		}

		@Test
		void aRowOfTenThousandValuesDoesNotFitTheHeader() {
			InvalidCsvFile refused = refusal(utf8("Promo Code,Partner\nA1,P\n" + "x,".repeat(9_999) + "x\n"));

			assertThat(refused.reason()).isEqualTo(Reason.FIELD_COUNT);
			assertThat(refused.arguments()).containsExactly(3, 10_000, 2);
		}

		@Test
		void aHeaderOfMoreThanTheMostColumnsIsTooManyColumns() {
			String header = "Promo Code,Partner" + ",Note".repeat(PromoCodeCsvReader.MAX_COLUMNS - 1);

			InvalidCsvFile refused = refusal(utf8(header + "\nA1,P\n"));

			assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_COLUMNS);
			assertThat(refused.arguments()).containsExactly(101, 100);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Promo Code,Partner\\nA1,P\\nA2;P\\n|3|1|2",
				"Promo Code;Partner;Match Type\\nA1;P;exact\\nA2,P,exact\\n|3|1|3",
				"Promo Code,Partner\\nA1,P,exact\\n|2|3|2" })
		void aRowWithAnotherSeparatorOrAnotherCountOfValuesDoesNotFitTheHeader(String text, int line, int found,
				int expected) {
			InvalidCsvFile refused = refusal(utf8(text.replace("\\n", "\n")));

			assertThat(refused.reason()).isEqualTo(Reason.FIELD_COUNT);
			assertThat(refused.arguments()).containsExactly(line, found, expected);
		}

		@Test
		void aQuoteLeftOpenToTheEndOfTheFileIsUnterminated() {
			InvalidCsvFile refused = refusal(utf8("Promo Code,Partner\nA1,P\nA2,\"Coupon\nA3,P\n"));

			assertThat(refused.reason()).isEqualTo(Reason.UNTERMINATED_QUOTE);
			assertThat(refused.arguments()).containsExactly(3);
		}

		@Test
		void aQuoteLeftOpenOnTheLastCharacterIsUnterminated() {
			InvalidCsvFile refused = refusal(utf8("Promo Code,Partner\nA1,\""));

			assertThat(refused.reason()).isEqualTo(Reason.UNTERMINATED_QUOTE);
			assertThat(refused.arguments()).containsExactly(2);
		}

		/** Short, it meets the end of the file; longer, the longest value; much longer, FastCSV's buffer. */
		@ParameterizedTest
		@ValueSource(ints = { 300, 5_000, 50_000 })
		void aQuoteLeftOpenIsUnterminatedHoweverMuchItSwallows(int rowsAfter) {
			InvalidCsvFile refused = refusal(
					utf8("Promo Code,Partner\nA1,P\nA2,\"Coupon\n" + "A3,P\n".repeat(rowsAfter)));

			assertThat(refused.reason()).isEqualTo(Reason.UNTERMINATED_QUOTE);
			assertThat(refused.arguments()).startsWith(3);
		}

		@Test
		void aQuoteLeftOpenInAHugeFileIsRefusedBeforeTheEnd() {
			CountingStream huge = new CountingStream(utf8("Promo Code,Partner\nA1,P\nA2,\"Coupon\n"),
					row -> utf8("A" + row + ",P\n"));

			InvalidCsvFile refused = refusal(huge);

			assertThat(refused.reason()).isEqualTo(Reason.UNTERMINATED_QUOTE);
			assertThat(refused.arguments()).containsExactly(3);
			assertThat(huge.read).isLessThan(256 * 1024);
		}

		@Test
		void aValueLongerThanTheLongestIsTooLong() {
			String longest = "x".repeat(PromoCodeCsvReader.MAX_FIELD_CHARS);

			assertThat(read(utf8("Promo Code,Partner\nA1," + longest + "\n")).rows().get(0).partner())
				.hasSize(PromoCodeCsvReader.MAX_FIELD_CHARS);
			InvalidCsvFile unquoted = refusal(utf8("Promo Code,Partner\nA1,P\nA2," + longest + "x\n"));
			InvalidCsvFile quoted = refusal(utf8("Promo Code,Partner\nA1,P\n\"" + longest + "x\",P\n"));

			assertThat(unquoted.reason()).isEqualTo(Reason.FIELD_TOO_LONG);
			assertThat(unquoted.arguments()).containsExactly(3, PromoCodeCsvReader.MAX_FIELD_CHARS);
			assertThat(quoted.reason()).isEqualTo(Reason.FIELD_TOO_LONG);
			assertThat(quoted.arguments()).containsExactly(3, PromoCodeCsvReader.MAX_FIELD_CHARS);
		}

		@Test
		void aFirstLineTooLongForAHeaderIsRefusedBeforeTheRest() {
			assertThat(refusal(utf8("Promo Code" + ",x".repeat(40_000) + "\nA1\n")).reason())
				.isEqualTo(Reason.HEADER_TOO_LONG);
			assertThat(refusal(utf8("\"Promo Code\n" + "A1,P\n".repeat(20_000))).reason())
				.isEqualTo(Reason.HEADER_TOO_LONG);
		}

		@Test
		void aHeaderWithoutRowsHasNoRows() {
			assertThat(refusal(utf8("Promo Code,Partner\r\n")).reason()).isEqualTo(Reason.NO_ROWS);
			assertThat(refusal(utf8("Promo Code,Partner")).reason()).isEqualTo(Reason.NO_ROWS);
			assertThat(refusal(utf8("Promo Code,Partner\n\n,\n  \n")).reason()).isEqualTo(Reason.NO_ROWS);
		}

		@Test
		void nothingButABomOrLineBreaksIsEmpty() {
			assertThat(refusal(new byte[0]).reason()).isEqualTo(Reason.EMPTY);
			assertThat(refusal(BOM).reason()).isEqualTo(Reason.EMPTY);
			assertThat(refusal(utf8("\r\n\n\n")).reason()).isEqualTo(Reason.EMPTY);
		}

		@Test
		void aFileWithoutACodeColumnOrAPartnerColumnIsRefused() {
			assertThat(refusal(utf8("Partner,Match Type\nP,exact\n")).reason()).isEqualTo(Reason.NO_CODE_COLUMN);
			assertThat(refusal(utf8("Promo Code,Match Type\nA1,exact\n")).reason())
				.isEqualTo(Reason.NO_PARTNER_COLUMN);
			assertThat(refusal(utf8("Promo,Partner Name\nA1,P\n")).reason()).isEqualTo(Reason.NO_CODE_COLUMN);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "Promo Code,Partner, Code |Code", "Promo Code,Media Id,Partner ID|Partner ID",
				"Partenaire,Code promo,Partner|Partner", "Code,Partner,Time Zone,Timezone|Timezone" })
		void twoColumnsForTheSameFieldAreRefused(String header, String second) {
			InvalidCsvFile refused = refusal(utf8(header + "\n" + "x,".repeat(header.split(",").length - 1) + "x\n"));

			assertThat(refused.reason()).isEqualTo(Reason.DUPLICATE_COLUMN);
			assertThat(refused.arguments()).containsExactly(second);
		}

		@Test
		void anUploadThatBreaksOffIsUnreadable() {
			InputStream broken = new InputStream() {

				private int left = 100;

				@Override
				public int read() throws IOException {
					if (this.left-- <= 0) {
						throw new IOException("connection reset");
					}
					return 'a';
				}

			};

			InputStream brokenAfterRows = new SequenceInputStream(new ByteArrayInputStream(rows(10_000)),
					new InputStream() {

						@Override
						public int read() throws IOException {
							throw new IOException("connection reset");
						}

					});

			assertThat(refusal(broken).reason()).isEqualTo(Reason.UNREADABLE);
			assertThat(refusal(brokenAfterRows).reason()).isEqualTo(Reason.UNREADABLE);
		}

	}

	@Nested
	class Problem {

		@Test
		void theProblemIsA400WhoseDetailIsTheReasonInTheUsersLanguage() {
			InvalidCsvFile refused = new InvalidCsvFile(Reason.FIELD_COUNT, 12345, 10_000, 8);

			// One body, translated in place: each language is read before the next.
			ProblemDetail english = refused.updateAndGetBody(MESSAGES, Locale.ENGLISH);
			assertThat(english.getStatus()).isEqualTo(400);
			assertThat(english.getType().toString()).endsWith("/invalid-csv-file");
			assertThat(english.getTitle()).isEqualTo("The file cannot be read as a promo code CSV");
			assertThat(english.getDetail()).isEqualTo("Line 12345 has 10,000 values where the header has 8: check "
					+ "that every line uses the same separator, and put quotes around a value that contains one.");
			ProblemDetail french = refused.updateAndGetBody(MESSAGES, Locale.FRENCH);
			assertThat(french.getTitle()).isEqualTo("Le fichier ne peut pas être lu comme un CSV de codes promo");
			assertThat(french.getDetail()).startsWith("La ligne 12345 a 10").endsWith("000 valeurs alors que l'en-tête "
					+ "en a 8 : vérifiez que toutes les lignes utilisent le même séparateur, et mettez entre guillemets "
					+ "une valeur qui le contient.");
			assertThat(refused.reasonKey()).isEqualTo("promoCodeImport.file.fieldCount");
		}

		@Test
		void everyReasonHasAMessageInEnglishAndFrench() {
			for (Reason reason : Reason.values()) {
				for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
					String detail = new InvalidCsvFile(reason, 3, 4, 5).updateAndGetBody(MESSAGES, locale).getDetail();
					assertThat(detail).as(reason + " in " + locale).isNotBlank().doesNotContain("promoCodeImport");
				}
			}
			assertThat(new InvalidCsvFile(Reason.NO_ROWS).updateAndGetBody(MESSAGES, Locale.FRENCH).getDetail())
				.isEqualTo("Le fichier a un en-tête mais aucun code promo : ajoutez une ligne par code sous l'en-tête.");
		}

	}

	private static Read read(byte[] file) {
		List<CsvImportRow> rows = new ArrayList<>();
		CsvImportFile read = PromoCodeCsvReader.read(new ByteArrayInputStream(file), rows::add);
		assertThat(read.rows()).isEqualTo(rows.size());
		return new Read(read, rows);
	}

	private static InvalidCsvFile refusal(byte[] file) {
		return refusal(new ByteArrayInputStream(file));
	}

	private static InvalidCsvFile refusal(InputStream in) {
		InvalidCsvFile refused = catchThrowableOfType(InvalidCsvFile.class, () -> PromoCodeCsvReader.read(in, row -> {
		}));
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}

	/** A file of codes of count rows. */
	private static byte[] rows(int count) {
		StringBuilder file = new StringBuilder("Promo Code,Partner Id\n");
		for (int i = 0; i < count; i++) {
			file.append("CODE").append(i).append(",7\n");
		}
		return utf8(file.toString());
	}

	/** A valid file of exactly this many bytes: rows of long notes, the last one cut to the size. */
	private static byte[] fileOfSize(long size) {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(utf8("Promo Code,Partner,Notes\n"));
		String note = "x".repeat(4_000);
		int row = 0;
		while (true) {
			byte[] next = utf8("C" + row++ + ",P," + note + "\n");
			if (file.size() + next.length + 50 > size) {
				break;
			}
			file.writeBytes(next);
		}
		String start = "C" + row + ",P,";
		long left = size - file.size() - start.length() - 1;
		file.writeBytes(utf8(start + "x".repeat((int) left) + "\n"));
		assertThat((long) file.size()).isEqualTo(size);
		return file.toByteArray();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private record Read(CsvImportFile file, List<CsvImportRow> rows) {
	}

	/** A header, then as many rows as are read (without end), counting the bytes read. */
	private static class CountingStream extends InputStream {

		private final IntFunction<byte[]> rows;

		private byte[] current;

		private int position;

		private int row;

		long read;

		CountingStream(byte[] header, IntFunction<byte[]> rows) {
			this.current = header;
			this.rows = rows;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			while (this.position == this.current.length) {
				this.current = this.rows.apply(this.row++);
				this.position = 0;
				if (this.current.length == 0) {
					return -1;
				}
			}
			int n = Math.min(length, this.current.length - this.position);
			System.arraycopy(this.current, this.position, buffer, offset, n);
			this.position += n;
			this.read += n;
			return n;
		}

	}

}
