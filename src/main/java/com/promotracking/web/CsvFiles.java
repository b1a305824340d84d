package com.promotracking.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * How every CSV file the service hands out is written (the promo code export, an import's errors, the report):
 * UTF-8 with a BOM, so that Excel reads the accents of a partner's name; comma separated, CRLF line ends, quoted
 * where needed (RFC 4180, FastCSV); and no cell a spreadsheet would run as a formula.
 */
public final class CsvFiles {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private CsvFiles() {
	}

	/**
	 * Writes the BOM and returns the writer of the records. Not to be closed: that would close {@code out}, which
	 * is the caller's; flush it instead.
	 */
	public static CsvWriter open(OutputStream out) throws IOException {
		out.write(BOM);
		return CsvWriter.builder().fieldSeparator(',').lineDelimiter(LineDelimiter.CRLF).build(out, StandardCharsets.UTF_8);
	}

	/**
	 * A text cell as a spreadsheet reads it as text, never as a formula: a cell starting with {@code = + - @}, a
	 * tab or a carriage return gets a leading apostrophe, so a code or name typed by someone else can never run
	 * in the brand's spreadsheet.
	 */
	public static String safe(String cell) {
		return (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

}
