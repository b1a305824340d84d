package com.promotracking.promocodes;

import java.util.HashMap;
import java.util.Map;

import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportRow;

/**
 * One copy of each value an import's rows repeat. A file of 20,000 codes says "exact", "Europe/Paris" or the same
 * partner and dates on most lines; kept once each, the rows of a preview take a fraction of the heap while they are
 * checked and stored, under the small heap the README recommends. Codes are not shared: each is new. Not
 * thread-safe: one per file.
 */
final class ImportRowValues {

	/** Distinct values kept at most: past it a value is kept as read (a file of all-different dates). */
	private static final int MAX_VALUES = 10_000;

	private final Map<String, String> values = new HashMap<>();

	CsvImportRow share(CsvImportRow row) {
		return new CsvImportRow(row.line(), row.code(), one(row.partner()), row.partnerById(), one(row.matchType()),
				one(row.creditPolicy()), one(row.startDate()), one(row.endDate()), one(row.timeZone()));
	}

	private String one(String value) {
		String kept = this.values.get(value);
		if (kept != null) {
			return kept;
		}
		if (this.values.size() < MAX_VALUES) {
			this.values.put(value, value);
		}
		return value;
	}

}
