package com.promotracking.promocodes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.jspecify.annotations.Nullable;

import com.promotracking.web.CsvFiles;

/**
 * Writes codes as an import file with English headers, as {@link CsvFiles} writes every CSV file (a BOM, CRLF, no
 * cell a spreadsheet would run). {@link PromoCodeCsvReader} reads it back, and drops the apostrophe put before a
 * cell that would have been a formula.
 */
final class PromoCodeCsvWriter {

	static final String[] HEADER = { "Promo Code", "Partner Id", "Partner", "Match Type", "Credit Policy",
			"Start Date", "End Date", "Time Zone" };

	private PromoCodeCsvWriter() {
	}

	/** Writes the codes in the order given; flushes, and leaves out open for the caller to close. */
	static void write(OutputStream out, Iterable<PromoCodeView> codes) {
		try {
			CsvWriter csv = CsvFiles.open(out);
			csv.writeRecord(HEADER);
			for (PromoCodeView code : codes) {
				ZoneId zone = ZoneId.of(code.timeZone());
				csv.writeRecord(CsvFiles.safe(code.code()), String.valueOf(code.partnerId()),
						CsvFiles.safe(code.partnerName()), code.matchType().value(), code.creditPolicy().value(),
						moment(code.startsAt(), zone), moment(code.endsAt(), zone), CsvFiles.safe(code.timeZone()));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** ISO 8601 with the offset the code's time zone had then: the instant, and the wall clock the brand set. */
	private static String moment(@Nullable Instant instant, ZoneId zone) {
		return (instant != null)
				? OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : "";
	}

}
