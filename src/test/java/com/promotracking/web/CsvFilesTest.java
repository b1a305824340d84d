package com.promotracking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CSV file of ours: a BOM, RFC 4180 with CRLF, and no cell a spreadsheet would run as a formula. */
class CsvFilesTest {

	@Test
	void aBomThenCommaSeparatedCrlfRecordsQuotedWhereNeeded() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		CsvWriter csv = CsvFiles.open(out);
		csv.writeRecord("Code", "Partner");
		csv.writeRecord("SAVE20", "Café \"Déals\", Inc");
		csv.flush();

		byte[] written = out.toByteArray();
		assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8))
			.isEqualTo("Code,Partner\r\nSAVE20,\"Café \"\"Déals\"\", Inc\"\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+33612345678", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1" })
	void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText(String cell) {
		assertThat(CsvFiles.safe(cell)).isEqualTo("'" + cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SAVE20", "Coupon Corner", "x=1", "'quoted", "" })
	void anyOtherCellIsWrittenAsItIs(String cell) {
		assertThat(CsvFiles.safe(cell)).isEqualTo(cell);
	}

}
