package com.promotracking.promocodes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.jspecify.annotations.Nullable;

/**
 * Writes codes as an import file: English headers, comma separated, UTF-8 with a BOM (so that Excel reads the
 * accents of a partner's name), CRLF line ends, quoted where needed (FastCSV). {@link PromoCodeCsvReader} reads it
 * back. A cell a spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or a carriage
 * return) is written with a leading apostrophe, so a code or partner name typed by someone else can never run as
 * a formula in the brand's spreadsheet; the reader drops that apostrophe again.
 */
final class PromoCodeCsvWriter {

	static final String[] HEADER = { "Promo Code", "Partner Id", "Partner", "Match Type", "Credit Policy",
			"Start Date", "End Date", "Time Zone" };

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private PromoCodeCsvWriter() {
	}

	/** Writes the codes in the order given; flushes, and leaves out open for the caller to close. */
	static void write(OutputStream out, Iterable<PromoCodeView> codes) {
		try {
			CsvWriter csv = open(out);
			csv.writeRecord(HEADER);
			for (PromoCodeView code : codes) {
				ZoneId zone = ZoneId.of(code.timeZone());
				csv.writeRecord(safe(code.code()), String.valueOf(code.partnerId()), safe(code.partnerName()),
						code.matchType().value(), code.creditPolicy().value(), moment(code.startsAt(), zone),
						moment(code.endsAt(), zone), safe(code.timeZone()));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A file as every CSV file of ours is written (this one, an import's errors): the BOM, then comma separated
	 * records with CRLF. Not to be closed: that would close {@code out}, which is the caller's.
	 */
	static CsvWriter open(OutputStream out) throws IOException {
		out.write(BOM);
		return CsvWriter.builder().fieldSeparator(',').lineDelimiter(LineDelimiter.CRLF).build(out, StandardCharsets.UTF_8);
	}

	/** ISO 8601 with the offset the code's time zone had then: the instant, and the wall clock the brand set. */
	private static String moment(@Nullable Instant instant, ZoneId zone) {
		return (instant != null)
				? OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : "";
	}

	/** A text cell as a spreadsheet reads it as text, never as a formula. */
	static String safe(String cell) {
		return (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

}
