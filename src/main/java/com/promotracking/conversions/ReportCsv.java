package com.promotracking.conversions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.springframework.context.MessageSource;

import com.promotracking.web.CsvFiles;

/**
 * The promo code report's table as CSV, written as {@link CsvFiles} writes every CSV file (a BOM, CRLF, no cell a
 * spreadsheet would run): one line per code, one revenue column per currency, headers in the reader's language.
 */
final class ReportCsv {

	private ReportCsv() {
	}

	static byte[] of(List<PromoCodeReport.CodeRow> rows, MessageSource messages, Locale locale) {
		SortedSet<String> currencies = new TreeSet<>();
		rows.forEach(row -> currencies.addAll(row.revenue().keySet()));
		List<String> header = new ArrayList<>(List.of(text(messages, "reports.code", locale),
				text(messages, "reports.partner", locale), text(messages, "reports.credited", locale)));
		currencies.forEach(currency -> header
			.add(messages.getMessage("reports.csv.revenueIn", new Object[] { currency }, locale)));
		header.add(text(messages, "reports.carriedNotCredited", locale));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			CsvWriter csv = CsvFiles.open(out);
			csv.writeRecord(header.stream().map(CsvFiles::safe).toList());
			for (PromoCodeReport.CodeRow row : rows) {
				List<String> cells = new ArrayList<>(List.of(CsvFiles.safe(row.code()),
						CsvFiles.safe(row.partnerName()), String.valueOf(row.credited())));
				currencies.forEach(currency -> cells.add(row.revenue().getOrDefault(currency, "")));
				cells.add(String.valueOf(row.carriedNotCredited()));
				csv.writeRecord(cells);
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String text(MessageSource messages, String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
