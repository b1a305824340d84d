package com.promotracking.conversions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.kernel.InvalidField;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.PromoCodeRule;
import com.promotracking.promocodes.PromoCodeRules;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.users.CurrentUser;

/**
 * Promo code performance: per code, the conversions it credited, their revenue per currency, and the
 * conversions that carried it but were credited elsewhere (or to nobody), over whole days of a time zone.
 */
@Service
class PromoCodeReport {

	/** Without dates, the report covers the last 30 days, today included. */
	static final int DEFAULT_DAYS = 30;

	private final ProgramCatalog catalog;

	private final PromoCodeRules codes;

	private final ConversionStore store;

	private final Clock clock;

	PromoCodeReport(ProgramCatalog catalog, PromoCodeRules codes, ConversionStore store, Clock clock) {
		this.catalog = catalog;
		this.codes = codes;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Codes that at least one conversion of the range matched, most credited first; a partner sees their own
	 * codes only. {@code from} and {@code to} are included; null ones make the last {@value #DEFAULT_DAYS} days.
	 */
	@Transactional(readOnly = true)
	Report report(CurrentUser user, long programId, LocalDate from, LocalDate to, ZoneId zone) {
		ProgramView program = access(user, programId);
		LocalDate last = (to != null) ? to : LocalDate.now(this.clock.withZone(zone));
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw new InvalidField("from", "report.error.fromAfterTo");
		}
		Instant start = first.atStartOfDay(zone).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
		Map<Long, Row> rows = new HashMap<>();
		List<ConversionStore.CodeFigures> figures = this.store.figures(program.id(), start, end);
		if (!figures.isEmpty()) {
			Map<Long, PromoCodeRule> byId = new HashMap<>();
			this.codes.of(program.id()).forEach(code -> byId.put(code.id(), code));
			Map<Long, String> partners = this.catalog.partnerNames(program.id());
			for (ConversionStore.CodeFigures figure : figures) {
				PromoCodeRule code = byId.get(figure.promoCodeId());
				if (code == null || (user.isPartner() && code.partnerId() != user.partnerId())) {
					continue;
				}
				Row row = rows.computeIfAbsent(code.id(), id -> new Row(code.id(), code.code(), code.partnerId(),
						partners.get(code.partnerId()), new long[2], new TreeMap<>()));
				row.counts()[0] += figure.credited();
				row.counts()[1] += figure.elsewhere();
				if (figure.credited() > 0) {
					row.revenue().merge(figure.currency(), figure.revenue(), BigDecimal::add);
				}
			}
		}
		List<CodeRow> result = new ArrayList<>();
		for (Row row : rows.values()) {
			SortedMap<String, String> revenue = new TreeMap<>();
			row.revenue().forEach((currency, sum) -> revenue.put(currency, sum.setScale(2, RoundingMode.UNNECESSARY)
				.toPlainString()));
			result.add(new CodeRow(row.id(), row.code(), row.partnerId(), row.partnerName(), row.counts()[0], revenue,
					row.counts()[1]));
		}
		result.sort(Comparator.comparingLong(CodeRow::credited).reversed().thenComparing(CodeRow::code));
		return new Report(first, last, zone, result);
	}

	/**
	 * Per day from {@code first} to {@code last} in {@code zone}, every day listed (zeros too), the conversions
	 * credited by a promo code; a partner counts those their own codes credited. The database counts per quarter
	 * hour (see {@link ConversionStore#creditedPerQuarterHour}) and the days are made here, in the zone asked for.
	 */
	@Transactional(readOnly = true)
	List<Day> daily(CurrentUser user, long programId, LocalDate first, LocalDate last, ZoneId zone) {
		ProgramView program = access(user, programId);
		Instant[] range = ConversionService.range(first, last, zone);
		Map<Long, Long> buckets = this.store.creditedPerQuarterHour(program.id(), range[0], range[1],
				user.isPartner() ? user.partnerId() : null);
		SortedMap<LocalDate, Long> days = new TreeMap<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			days.put(day, 0L);
		}
		buckets.forEach((bucket, credited) -> days.merge(
				Instant.ofEpochSecond(bucket * ConversionStore.QUARTER_HOUR_SECONDS).atZone(zone).toLocalDate(),
				credited, Long::sum));
		return days.entrySet().stream().map(day -> new Day(day.getKey(), day.getValue())).toList();
	}

	private ProgramView access(CurrentUser user, long programId) {
		return user.isPartner() ? this.catalog.requireJoined(user, programId) : this.catalog.require(user, programId);
	}

	/** One day of the daily figures. */
	record Day(LocalDate date, long credited) {
	}

	record Report(LocalDate from, LocalDate to, ZoneId timeZone, List<CodeRow> rows) {
	}

	/**
	 * One code's figures; revenue by currency as decimal strings, e.g. {@code {"USD": "12.50"}}.
	  * Public because pages read it: SpEL compiles reads of public types only (TemplateExpressionsCompileIT).
	 */
	public record CodeRow(long promoCodeId, String code, long partnerId, String partnerName, long credited,
			SortedMap<String, String> revenue, long carriedNotCredited) {
	}

	private record Row(long id, String code, long partnerId, String partnerName, long[] counts,
			SortedMap<String, BigDecimal> revenue) {
	}

}
