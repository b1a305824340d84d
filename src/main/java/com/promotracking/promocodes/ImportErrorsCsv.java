package com.promotracking.promocodes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * An import's reasons as a CSV file to correct the import file by: line, column and message, in the reader's
 * language, written as the export is (UTF-8 with a BOM, comma separated, CRLF, no cell a spreadsheet would run).
 */
final class ImportErrorsCsv {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private ImportErrorsCsv() {
	}

	/** Flushes, and leaves {@code out} open for the caller to close. */
	static void write(OutputStream out, List<ImportErrorText> errors, Function<String, String> columnOfField,
			String... header) {
		try {
			out.write(BOM);
			// Not closed: that would close out, which is the caller's.
			CsvWriter csv = CsvWriter.builder()
				.fieldSeparator(',')
				.lineDelimiter(LineDelimiter.CRLF)
				.build(out, StandardCharsets.UTF_8);
			csv.writeRecord(header);
			for (ImportErrorText error : errors) {
				csv.writeRecord(Integer.toString(error.line()),
						PromoCodeCsvWriter.safe(columnOfField.apply(error.field())),
						PromoCodeCsvWriter.safe(error.message()));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
