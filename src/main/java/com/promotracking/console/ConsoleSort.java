package com.promotracking.console;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.promotracking.kernel.InvalidField;

/**
 * The console's columns it sorts by, each with its SQL column of {@link ConsoleStore}'s first query, or none for the
 * counts the console keeps (conversions in {@link ConversionCountsCache}, live codes in {@link LiveCodeCountsCache}),
 * which are sorted in memory. A client names one by its value, with a leading {@code -} for descending.
 */
public enum ConsoleSort {

	BRAND("brand_name"), PROGRAM("program_name"), VALIDATED("validated"), TRACKING("tracking"),
	REQUESTS_ALLOWED("requests_allowed"), OPEN_REQUESTS("open_requests"), LIVE_CODES(null),
	CREDITED(null), FLAGGED(null), LAST_CHANGE("last_change_at");

	final @Nullable String column;

	ConsoleSort(@Nullable String column) {
		this.column = column;
	}

	/** Sorted by a count the console keeps, in memory, rather than by SQL. */
	boolean byCount() {
		return this.column == null;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** A sort as a client asks for it. */
	record Order(ConsoleSort by, boolean descending) {

		static final Order DEFAULT = new Order(BRAND, false);

		/** {@code live-codes} or {@code -live-codes}; the default when none is asked, a refusal if unknown or empty. */
		static Order of(@Nullable String value) {
			if (value == null) {
				return DEFAULT;
			}
			boolean descending = value.startsWith("-");
			String name = descending ? value.substring(1) : value;
			for (ConsoleSort sort : values()) {
				if (sort.value().equals(name)) {
					return new Order(sort, descending);
				}
			}
			throw new InvalidField("sort", "console.error.sort");
		}

		/** As a client writes it. */
		String value() {
			return (this.descending ? "-" : "") + this.by.value();
		}

	}

}
