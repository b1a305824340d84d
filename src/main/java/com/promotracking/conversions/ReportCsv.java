package com.promotracking.conversions;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

/**
 * The promo code report's table as CSV (RFC 4180, written by Commons CSV): one line per code, one revenue
 * column per currency. A text cell a spreadsheet would take for a formula (it starts with {@code = + - @}, a tab
 * or a carriage return) is written with a leading apostrophe, so a code or partner name typed by someone else
 * can never run as a formula in the brand's spreadsheet.
 */
final class ReportCsv {

	private ReportCsv() {
	}

	static String of(List<PromoCodeReport.CodeRow> rows, MessageSource messages, Locale locale) {
		SortedSet<String> currencies = new TreeSet<>();
		rows.forEach(row -> currencies.addAll(row.revenue().keySet()));
		List<String> header = new ArrayList<>(List.of(text(messages, "reports.code", locale),
				text(messages, "reports.partner", locale), text(messages, "reports.credited", locale)));
		currencies.forEach(currency -> header
			.add(messages.getMessage("reports.csv.revenueIn", new Object[] { currency }, locale)));
		header.add(text(messages, "reports.carriedNotCredited", locale));
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
			csv.printRecord(header.stream().map(ReportCsv::safe).toList());
			for (PromoCodeReport.CodeRow row : rows) {
				List<String> cells = new ArrayList<>(
						List.of(safe(row.code()), safe(row.partnerName()), String.valueOf(row.credited())));
				currencies.forEach(currency -> cells.add(row.revenue().getOrDefault(currency, "")));
				cells.add(String.valueOf(row.carriedNotCredited()));
				csv.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** A text cell as a spreadsheet reads it as text, never as a formula. */
	static String safe(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		return ("=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

	private static String text(MessageSource messages, String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
