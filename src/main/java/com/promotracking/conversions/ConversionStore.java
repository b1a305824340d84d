package com.promotracking.conversions;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.Attribution.Flag;
import com.promotracking.promocodes.CreditPolicy;

/**
 * Conversions in plain SQL: a conversion never changes once stored, so an entity would only add cost, and a batch
 * is one JDBC batch of inserts.
 */
@Repository
class ConversionStore {

	static final String UNIQUE_ORDER = "uk_conversion_program_order";

	private static final String COLUMNS = """
			id, program_id, order_id, event_type_id, occurred_at, received_at, amount, currency, promo_code, clicks,
			credited_partner_id, attributed_by, promo_code_id, matched_code, credit_policy, flags""";

	/** The width of the buckets the daily report counts in: every zone offset is a multiple of it. */
	static final int QUARTER_HOUR_SECONDS = 900;

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
		return this.jdbc.sql("select " + COLUMNS + " from conversion where program_id = :program and order_id in (:orders)")
			.param("program", programId)
			.param("orders", orderIds)
			.query(ConversionStore::conversion)
			.list()
			.stream()
			.collect(Collectors.toMap(Conversion::orderId, conversion -> conversion));
	}

	/** The ids just given to these order ids, in one query. */
	Map<String, Long> idsOf(long programId, Collection<String> orderIds) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("select id, order_id from conversion where program_id = :program and order_id in (:orders)")
			.param("program", programId)
			.param("orders", orderIds)
			.query(row -> {
				ids.put(row.getString("order_id"), row.getLong("id"));
			});
		return ids;
	}

	Optional<Conversion> find(long programId, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from conversion where id = :id and program_id = :program")
			.param("id", id)
			.param("program", programId)
			.query(ConversionStore::conversion)
			.optional();
	}

	/** Stores the conversions in one JDBC batch; the caller runs it in a transaction. */
	void insert(long programId, Instant receivedAt, List<Attributed> conversions) {
		this.template.batchUpdate("""
				insert into conversion (program_id, order_id, event_type_id, occurred_at, received_at, amount, currency,
				    promo_code, clicks, credited_partner_id, attributed_by, promo_code_id, matched_code, credit_policy,
				    flags)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {

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
				statement.setString(14, (attribution.creditPolicy() != null) ? attribution.creditPolicy().name() : null);
				statement.setString(15,
						attribution.flags().stream().map(Flag::value).collect(Collectors.joining(" ")));
			}

			@Override
			public int getBatchSize() {
				return conversions.size();
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
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from conversion where program_id = :program");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("program", programId);
		if (filter.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", utc(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" and occurred_at < :to");
			params.put("to", utc(filter.to()));
		}
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
		sql.append(" order by occurred_at desc, id desc limit :size offset :offset");
		params.put("size", limit);
		params.put("offset", offset);
		return this.jdbc.sql(sql.toString()).params(params).query(ConversionStore::conversion).list();
	}

	/**
	 * The promo code report in one aggregate over the index on (program_id, occurred_at): per code that a
	 * conversion of the range matched, and per currency, the conversions it credited, their revenue, and those
	 * that carried it but went elsewhere.
	 */
	List<CodeFigures> figures(long programId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select promo_code_id, currency,
				    sum(case when attributed_by = 'PROMO_CODE' then 1 else 0 end) as credited,
				    sum(case when attributed_by = 'PROMO_CODE' then amount else 0 end) as revenue,
				    sum(case when attributed_by = 'PROMO_CODE' then 0 else 1 end) as elsewhere
				from conversion
				where program_id = :program and occurred_at >= :from and occurred_at < :to and promo_code_id is not null
				group by promo_code_id, currency""")
			.param("program", programId)
			.param("from", utc(from))
			.param("to", utc(to))
			.query((row, n) -> new CodeFigures(row.getLong("promo_code_id"), row.getString("currency"),
					row.getLong("credited"), row.getBigDecimal("revenue"), row.getLong("elsewhere")))
			.list();
	}

	/**
	 * Conversions credited by a promo code (to one partner, when {@code partnerId} is given), counted per quarter
	 * of an hour since the epoch, in one aggregate over the index on (program_id, occurred_at). Every time zone's
	 * offset is a whole number of quarter hours, so the caller folds these buckets into the days of any zone; the
	 * database never needs to know the zone, which H2 and PostgreSQL would each name in their own syntax.
	 */
	Map<Long, Long> creditedPerQuarterHour(long programId, Instant from, Instant to, Long partnerId) {
		String bucket = "floor(extract(epoch from occurred_at) / " + QUARTER_HOUR_SECONDS + ")";
		StringBuilder sql = new StringBuilder("select " + bucket + " as bucket, count(*) as credited from conversion"
				+ " where program_id = :program and occurred_at >= :from and occurred_at < :to"
				+ " and attributed_by = 'PROMO_CODE'");
		if (partnerId != null) {
			sql.append(" and credited_partner_id = :partner");
		}
		sql.append(" group by ").append(bucket);
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("program", programId)
			.param("from", utc(from))
			.param("to", utc(to));
		if (partnerId != null) {
			statement = statement.param("partner", partnerId);
		}
		Map<Long, Long> buckets = new HashMap<>();
		statement.query(row -> {
			buckets.put(row.getLong("bucket"), row.getLong("credited"));
		});
		return buckets;
	}

	/** A conversion and the attribution decided for it, about to be stored. */
	record Attributed(NewConversion conversion, Attribution attribution) {
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
