package com.promotracking.promocodes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import de.siegmar.fastcsv.writer.CsvWriter;

import com.promotracking.web.CsvFiles;

/**
 * An import's reasons as a CSV file to correct the import file by: line, column and message, in the reader's
 * language, written as {@link CsvFiles} writes every CSV file.
 */
final class ImportErrorsCsv {

	private ImportErrorsCsv() {
	}

	/** Flushes, and leaves {@code out} open for the caller to close. */
	static void write(OutputStream out, List<ImportErrorText> errors, Function<String, String> columnOfField,
			String... header) {
		try {
			CsvWriter csv = CsvFiles.open(out);
			csv.writeRecord(header);
			for (ImportErrorText error : errors) {
				csv.writeRecord(Integer.toString(error.line()), CsvFiles.safe(columnOfField.apply(error.field())),
						CsvFiles.safe(error.message()));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
