package com.promotracking.console;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.promotracking.web.PageLinks;

/** The console's filter form, as its address carries it; the page counts from 0. */
public record ConsoleFilters(@Nullable Long brandId,
		@Pattern(regexp = STATES, message = "{console.error.state}") @Nullable String state,
		@Size(max = 200, message = "{console.error.q}") @Nullable String q,
		@Pattern(regexp = SORTS, message = "{console.error.sort}") @Nullable String sort,
		@PositiveOrZero(message = "{pages.error.page}") @Nullable Integer page) {

	static final String STATES = "(ready-to-enable|needs-validation|enabled|requests-waiting)?";

	static final String SORTS = "(-?(brand|program|validated|tracking|requests-allowed|open-requests|live-codes|credited|flagged|last-change))?";

	/** The query of the form, where an empty choice ("All states") is no filter. */
	ConsoleQuery query(int size) {
		return ConsoleQuery.of(this.brandId, emptyAsNone(this.state), this.q, emptyAsNone(this.sort),
				(this.page != null) ? this.page : 0, size);
	}

	private static @Nullable String emptyAsNone(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The same filters on another page or in another order; only the filters given, so the address stays short. */
	public String url(int page, @Nullable String sort) {
		return PageLinks.to(ConsoleController.PATH)
			.with("brandId", this.brandId)
			.with("state", this.state)
			.with("q", (this.q != null && !this.q.isBlank()) ? this.q : null)
			.with("sort", sort)
			.with("page", (page > 0) ? page : null)
			.toString();
	}

	/** The address of this view sorted by a column: ascending, or descending when it is sorted so already. */
	public String sortedBy(String column) {
		return url(0, column.equals(this.sort) ? "-" + column : column);
	}

}
