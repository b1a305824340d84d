package com.promotracking.conversions;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.promotracking.kernel.SqlQuery;
import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.Attribution.Flag;
import com.promotracking.kernel.InLists;
import com.promotracking.kernel.SupportedDates;
import com.promotracking.promocodes.CreditPolicy;

/**
 * Conversions in plain SQL: a conversion never changes once stored, so an entity would only add cost, and a batch
 * is one JDBC batch of inserts. The promo code report's daily figures ({@code conversion_daily}) are kept here
 * too, written with the conversions they count.
 */
@Repository
class ConversionStore {

	static final String UNIQUE_ORDER = "uk_conversion_order_program";

	/**
	 * Named in a key violation of the daily or the quarter hours' figures, by H2 (their tables) and PostgreSQL
	 * (their keys) alike.
	 */
	private static final List<String> FIGURES = List.of("conversion_daily", "conversion_quarter_hour");

	private static final String COLUMNS = """
			id, program_id, order_id, event_type_id, occurred_at, received_at, amount, currency, promo_code, clicks,
			credited_partner_id, attributed_by, promo_code_id, matched_code, credit_policy, flags""";

	/**
	 * The program's conversions of some order ids. The order id leads the unique index, so each is looked up
	 * through it whatever the number of the program's conversions (V10__conversion_intake_at_scale.sql). The ids are
	 * padded ({@link InLists}): a batch of any length is one of eleven statements.
	 */
	static final String BY_ORDER_IDS = "select " + COLUMNS
			+ " from conversion where order_id in (:orders) and program_id = :program";

	/** The width of the buckets the daily report counts in: every zone offset is a multiple of it. */
	static final int QUARTER_HOUR_SECONDS = 900;

	/** How many rows the daily figures of one code, day and currency are spread over (at most). */
	static final int STRIPES = 16;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ConversionStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The program's conversions of these order ids, by order id, in one query. */
	Map<String, Conversion> findByOrderIds(long programId, Collection<String> orderIds) {
		if (orderIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(BY_ORDER_IDS)
			.param("program", programId)
			.param("orders", InLists.padded(orderIds))
			.query(ConversionStore::conversion)
			.list()
			.stream()
			.collect(Collectors.toMap(Conversion::orderId, conversion -> conversion));
	}

	Optional<Conversion> find(long programId, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from conversion where id = :id and program_id = :program")
			.param("id", id)
			.param("program", programId)
			.query(ConversionStore::conversion)
			.optional();
	}

	/**
	 * Stores the conversions in one JDBC batch and adds them to the daily figures, and returns the ids given to
	 * them, by order id (the database hands them back with the batch: no query to read them). The caller runs it
	 * in a transaction, so a conversion and its share of the figures commit together.
	 */
	Map<String, Long> insert(long programId, Instant receivedAt, List<Attributed> conversions) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.template.batchUpdate(connection -> connection.prepareStatement("""
				insert into conversion (program_id, order_id, event_type_id, occurred_at, received_at, amount, currency,
				    promo_code, clicks, credited_partner_id, attributed_by, promo_code_id, matched_code, credit_policy,
				    flags)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int i) throws SQLException {
						Attributed item = conversions.get(i);
						NewConversion conversion = item.conversion();
						Attribution attribution = item.attribution();
						statement.setLong(1, programId);
						statement.setString(2, conversion.orderId());
						statement.setLong(3, conversion.eventTypeId());
						statement.setObject(4, utc(conversion.occurredAt()));
						statement.setObject(5, utc(receivedAt));
						statement.setBigDecimal(6, conversion.amount());
						statement.setString(7, conversion.currency());
						statement.setString(8, conversion.promoCode());
						statement.setString(9, Conversion.clicksText(conversion.clicks()));
						setLong(statement, 10, attribution.partnerId());
						statement.setString(11, attribution.by().name());
						setLong(statement, 12, attribution.promoCodeId());
						statement.setString(13, attribution.code());
						statement.setString(14,
								(attribution.creditPolicy() != null) ? attribution.creditPolicy().name() : null);
						statement.setString(15,
								attribution.flags().stream().map(Flag::value).collect(Collectors.joining(" ")));
					}

					@Override
					public int getBatchSize() {
						return conversions.size();
					}

				}, keys);
		List<Map<String, Object>> generated = keys.getKeyList();
		if (generated.size() != conversions.size()) {
			throw new IllegalStateException("the database gave " + generated.size() + " ids for "
					+ conversions.size() + " conversions");
		}
		Map<String, Long> ids = new HashMap<>();
		for (int i = 0; i < conversions.size(); i++) {
			ids.put(conversions.get(i).conversion().orderId(), idOf(generated.get(i)));
		}
		int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
		addToDailyFigures(programId, conversions, stripe);
		addToQuarterHours(programId, conversions, stripe);
		return ids;
	}

	/**
	 * Adds the conversions that matched a code to the figures of their UTC day, one statement batch whatever their
	 * number. Keys go in one order, so two transactions adding to the same days lock them in the same order. The
	 * figures of a day are spread over {@link #STRIPES} rows and a transaction adds to one of them, picked at
	 * random by the caller: a row stays locked until its transaction commits, so conversions of one code and day
	 * arriving at once would otherwise be stored one at a time.
	 */
	private void addToDailyFigures(long programId, List<Attributed> conversions, int stripe) {
		SortedMap<DayKey, long[]> counts = new TreeMap<>();
		Map<DayKey, BigDecimal> revenue = new HashMap<>();
		for (Attributed item : conversions) {
			Long codeId = item.attribution().promoCodeId();
			if (codeId == null) {
				continue;
			}
			DayKey key = new DayKey(LocalDate.ofInstant(item.conversion().occurredAt(), ZoneOffset.UTC), codeId,
					item.conversion().currency());
			long[] count = counts.computeIfAbsent(key, k -> new long[2]);
			if (item.attribution().by() == By.PROMO_CODE) {
				count[0]++;
				revenue.merge(key, item.conversion().amount(), BigDecimal::add);
			}
			else {
				count[1]++;
			}
		}
		if (counts.isEmpty()) {
			return;
		}
		List<DayKey> keys = List.copyOf(counts.keySet());
		this.template.batchUpdate("""
				merge into conversion_daily d
				using (select cast(? as bigint) as program_id, cast(? as date) as utc_day, cast(? as bigint) as promo_code_id,
				    cast(? as varchar(3)) as currency, cast(? as bigint) as credited, cast(? as numeric(18, 2)) as revenue,
				    cast(? as bigint) as elsewhere, cast(? as smallint) as stripe) s
				on d.program_id = s.program_id and d.utc_day = s.utc_day and d.promo_code_id = s.promo_code_id
				    and d.currency = s.currency and d.stripe = s.stripe
				when matched then update set credited = d.credited + s.credited, revenue = d.revenue + s.revenue,
				    elsewhere = d.elsewhere + s.elsewhere
				when not matched then insert (program_id, utc_day, promo_code_id, currency, credited, revenue, elsewhere,
				    stripe)
				    values (s.program_id, s.utc_day, s.promo_code_id, s.currency, s.credited, s.revenue, s.elsewhere,
				    s.stripe)""",
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int i) throws SQLException {
						DayKey key = keys.get(i);
						long[] count = counts.get(key);
						statement.setLong(1, programId);
						statement.setObject(2, key.day());
						statement.setLong(3, key.promoCodeId());
						statement.setString(4, key.currency());
						statement.setLong(5, count[0]);
						statement.setBigDecimal(6, revenue.getOrDefault(key, BigDecimal.ZERO));
						statement.setLong(7, count[1]);
						statement.setInt(8, stripe);
					}

					@Override
					public int getBatchSize() {
						return keys.size();
					}

				});
	}

	/**
	 * Adds the conversions a code credited to the count of their partner in their quarter hour (since the epoch):
	 * the figures of the report's daily chart, which any time zone's days are made of. Keys in one order and
	 * stripes, as {@link #addToDailyFigures}.
	 */
	private void addToQuarterHours(long programId, List<Attributed> conversions, int stripe) {
		SortedMap<QuarterHourKey, long[]> counts = new TreeMap<>();
		for (Attributed item : conversions) {
			if (item.attribution().by() != By.PROMO_CODE || item.attribution().partnerId() == null) {
				continue;
			}
			QuarterHourKey key = new QuarterHourKey(
					Math.floorDiv(item.conversion().occurredAt().getEpochSecond(), QUARTER_HOUR_SECONDS),
					item.attribution().partnerId());
			counts.computeIfAbsent(key, k -> new long[1])[0]++;
		}
		if (counts.isEmpty()) {
			return;
		}
		List<QuarterHourKey> keys = List.copyOf(counts.keySet());
		this.template.batchUpdate("""
				merge into conversion_quarter_hour q
				using (select cast(? as bigint) as program_id, cast(? as bigint) as quarter_hour,
				    cast(? as bigint) as partner_id, cast(? as smallint) as stripe, cast(? as bigint) as credited) s
				on q.program_id = s.program_id and q.quarter_hour = s.quarter_hour and q.partner_id = s.partner_id
				    and q.stripe = s.stripe
				when matched then update set credited = q.credited + s.credited
				when not matched then insert (program_id, quarter_hour, partner_id, stripe, credited)
				    values (s.program_id, s.quarter_hour, s.partner_id, s.stripe, s.credited)""",
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int i) throws SQLException {
						QuarterHourKey key = keys.get(i);
						statement.setLong(1, programId);
						statement.setLong(2, key.quarterHour());
						statement.setLong(3, key.partnerId());
						statement.setInt(4, stripe);
						statement.setLong(5, counts.get(key)[0]);
					}

					@Override
					public int getBatchSize() {
						return keys.size();
					}

				});
	}

	/** A page of the program's conversions matching the filter, newest first. */
	List<Conversion> page(long programId, ConversionFilter filter, int page, int size) {
		return slice(programId, filter, (long) page * size, size);
	}

	/**
	 * At most {@code limit} of the program's conversions matching the filter, newest first, skipping the first
	 * {@code offset}: a page asks for one more than it shows to know whether another page follows.
	 */
	List<Conversion> slice(long programId, ConversionFilter filter, long offset, int limit) {
		SqlQuery slice = sliceOf(programId, filter, offset, limit);
		return this.jdbc.sql(slice.sql()).params(slice.params()).query(ConversionStore::conversion).list();
	}

	/** The statement of {@link #slice}, and its named parameters. */
	static SqlQuery sliceOf(long programId, ConversionFilter filter, long offset, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from conversion where program_id = :program");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("program", programId);
		if (filter.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", utc(filter.from()));
		}
		// Always an upper bound, and the program first in the order: only then does H2 read the page through the
		// index in the list's order (ix_conversion_program_newest); else it takes the foreign key's index on the
		// program alone and sorts all the program's conversions for each page. No conversion is left out: none
		// occurs at or after SupportedDates.AFTER_LAST. PostgreSQL reads that index either way.
		sql.append(" and occurred_at < :to");
		params.put("to", utc((filter.to() != null) ? filter.to() : SupportedDates.AFTER_LAST));
		if (filter.partnerId() != null) {
			sql.append(" and credited_partner_id = :partner");
			params.put("partner", filter.partnerId());
		}
		if (filter.promoCodeId() != null) {
			sql.append(" and promo_code_id = :code");
			params.put("code", filter.promoCodeId());
		}
		if (filter.by() != null) {
			sql.append(" and attributed_by = :by");
			params.put("by", filter.by().name());
		}
		sql.append(" order by program_id, occurred_at desc, id desc limit :size offset :offset");
		params.put("size", limit);
		params.put("offset", offset);
		return new SqlQuery(sql.toString(), params);
	}

	/**
	 * The promo code report's figures over {@code [from, to)}, in one statement: per code that a conversion of the
	 * range matched, and per currency, the conversions it credited, their revenue, and those that carried it but
	 * went elsewhere. The whole UTC days of the range come from the daily figures, the hours before the first and
	 * after the last (a time zone whose days do not start at a UTC midnight) from the conversions, through the
	 * index on (program_id, occurred_at): the cost follows the number of days and codes, not of conversions.
	 */
	List<CodeFigures> figures(long programId, Instant from, Instant to) {
		LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
		if (!firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().equals(from)) {
			firstDay = firstDay.plusDays(1);
		}
		LocalDate endDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
		Instant headEnd = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant tailStart = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
		if (!firstDay.isBefore(endDay)) {
			// No whole UTC day in the range: all of it from the conversions.
			endDay = firstDay;
			headEnd = to;
			tailStart = to;
		}
		return this.jdbc.sql("""
				select promo_code_id, currency, sum(credited) as credited, sum(revenue) as revenue,
				    sum(elsewhere) as elsewhere
				from (
				    select promo_code_id, currency, credited, revenue, elsewhere
				    from conversion_daily
				    where program_id = :program and utc_day >= :firstDay and utc_day < :endDay
				    union all
				""" + rawFigures("from", "headEnd") + " union all " + rawFigures("tailStart", "to") + """
				) figures
				group by promo_code_id, currency""")
			.param("program", programId)
			.param("firstDay", firstDay)
			.param("endDay", endDay)
			.param("from", utc(from))
			.param("headEnd", utc(headEnd))
			.param("tailStart", utc(tailStart))
			.param("to", utc(to))
			.query((row, n) -> new CodeFigures(row.getLong("promo_code_id"), row.getString("currency"),
					row.getLong("credited"), row.getBigDecimal("revenue"), row.getLong("elsewhere")))
			.list();
	}

	/**
	 * Conversions credited by a promo code (to one partner, when {@code partnerId} is given), counted per quarter
	 * of an hour since the epoch, from the quarter hours' figures written with the conversions: the cost follows
	 * the number of quarter hours, not of conversions. Every time zone's offset is a whole number of quarter hours,
	 * so the caller folds these buckets into the days of any zone; the database never needs to know the zone.
	 */
	Map<Long, Long> creditedPerQuarterHour(long programId, Instant from, Instant to, Long partnerId) {
		StringBuilder sql = new StringBuilder("select quarter_hour, sum(credited) as credited from conversion_quarter_hour"
				+ " where program_id = :program and quarter_hour >= :from and quarter_hour < :to");
		if (partnerId != null) {
			sql.append(" and partner_id = :partner");
		}
		sql.append(" group by quarter_hour");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("program", programId)
			.param("from", Math.floorDiv(from.getEpochSecond(), QUARTER_HOUR_SECONDS))
			.param("to", -Math.floorDiv(-to.getEpochSecond(), QUARTER_HOUR_SECONDS));
		if (partnerId != null) {
			statement = statement.param("partner", partnerId);
		}
		Map<Long, Long> buckets = new HashMap<>();
		statement.query(row -> {
			buckets.put(row.getLong("quarter_hour"), row.getLong("credited"));
		});
		return buckets;
	}

	/** The figures of each conversion between two named instants, as a part of the report's statement. */
	private static String rawFigures(String from, String to) {
		return """
				select promo_code_id, currency,
				    case when attributed_by = 'PROMO_CODE' then 1 else 0 end,
				    case when attributed_by = 'PROMO_CODE' then amount else 0 end,
				    case when attributed_by = 'PROMO_CODE' then 0 else 1 end
				from conversion
				where program_id = :program and occurred_at >= :%s and occurred_at < :%s and promo_code_id is not null
				""".formatted(from, to);
	}

	/** A conversion and the attribution decided for it, about to be stored. */
	record Attributed(NewConversion conversion, Attribution attribution) {
	}

	/** A partner's credited conversions of one quarter hour, ordered so that every transaction locks them alike. */
	private record QuarterHourKey(long quarterHour, long partnerId) implements Comparable<QuarterHourKey> {

		@Override
		public int compareTo(QuarterHourKey other) {
			int byQuarterHour = Long.compare(this.quarterHour, other.quarterHour);
			return (byQuarterHour != 0) ? byQuarterHour : Long.compare(this.partnerId, other.partnerId);
		}

	}

	/** A code's figures of one UTC day in one currency, ordered so that every transaction locks them alike. */
	private record DayKey(LocalDate day, long promoCodeId, String currency) implements Comparable<DayKey> {

		@Override
		public int compareTo(DayKey other) {
			int byDay = this.day.compareTo(other.day);
			if (byDay != 0) {
				return byDay;
			}
			int byCode = Long.compare(this.promoCodeId, other.promoCodeId);
			return (byCode != 0) ? byCode : this.currency.compareTo(other.currency);
		}

	}

	/** One code's figures in one currency. */
	record CodeFigures(long promoCodeId, String currency, long credited, BigDecimal revenue, long elsewhere) {
	}

	private static Conversion conversion(ResultSet row, int n) throws SQLException {
		String policy = row.getString("credit_policy");
		String flags = row.getString("flags");
		Attribution attribution = new Attribution(nullableLong(row, "credited_partner_id"),
				By.valueOf(row.getString("attributed_by")), nullableLong(row, "promo_code_id"),
				row.getString("matched_code"), (policy != null) ? CreditPolicy.valueOf(policy) : null,
				(flags == null || flags.isEmpty()) ? List.of()
						: Arrays.stream(flags.split(" ")).map(Flag::of).toList());
		return new Conversion(row.getLong("id"), row.getLong("program_id"), row.getString("order_id"),
				row.getLong("event_type_id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				row.getObject("received_at", OffsetDateTime.class).toInstant(), row.getBigDecimal("amount"),
				row.getString("currency"), row.getString("promo_code"), Conversion.clicksOf(row.getString("clicks")),
				attribution);
	}

	/**
	 * Whether {@code ex} is two transactions that both added the first figures of one code's day or one partner's
	 * quarter hour.
	 */
	static boolean figuresRaced(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
		return FIGURES.stream().anyMatch(message::contains);
	}

	/** The id in a row of generated keys, whatever the driver names or cases it. */
	private static long idOf(Map<String, Object> generated) {
		Object id = (generated.size() == 1) ? generated.values().iterator().next() : generated.get("id");
		if (id == null) {
			id = generated.get("ID");
		}
		return ((Number) id).longValue();
	}

	private static Long nullableLong(ResultSet row, String column) throws SQLException {
		long value = row.getLong(column);
		return row.wasNull() ? null : value;
	}

	private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
		if (value != null) {
			statement.setLong(index, value);
		}
		else {
			statement.setNull(index, Types.BIGINT);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
