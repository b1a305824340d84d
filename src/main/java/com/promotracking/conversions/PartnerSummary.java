package com.promotracking.conversions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The report's per-partner summary: each partner's codes added up, from the report's rows.
  * Public because pages read it: SpEL compiles reads of public types only (TemplateExpressionsCompileIT).
 */
public record PartnerSummary(long partnerId, String partnerName, int codes, long credited,
		SortedMap<String, String> revenue, long carriedNotCredited) {

	/** Most credited first, like the codes. */
	static List<PartnerSummary> of(List<PromoCodeReport.CodeRow> rows) {
		Map<Long, List<PromoCodeReport.CodeRow>> byPartner = new LinkedHashMap<>();
		rows.forEach(row -> byPartner.computeIfAbsent(row.partnerId(), id -> new ArrayList<>()).add(row));
		List<PartnerSummary> summaries = new ArrayList<>();
		byPartner.forEach((partnerId, codes) -> {
			SortedMap<String, BigDecimal> sums = new TreeMap<>();
			codes.forEach(code -> code.revenue().forEach(
					(currency, amount) -> sums.merge(currency, new BigDecimal(amount), BigDecimal::add)));
			SortedMap<String, String> revenue = new TreeMap<>();
			sums.forEach((currency, sum) -> revenue.put(currency, sum.toPlainString()));
			summaries.add(new PartnerSummary(partnerId, codes.get(0).partnerName(), codes.size(),
					codes.stream().mapToLong(PromoCodeReport.CodeRow::credited).sum(), revenue,
					codes.stream().mapToLong(PromoCodeReport.CodeRow::carriedNotCredited).sum()));
		});
		summaries.sort(Comparator.comparingLong(PartnerSummary::credited)
			.reversed()
			.thenComparing(PartnerSummary::partnerName, Comparator.nullsLast(Comparator.naturalOrder())));
		return summaries;
	}

}
