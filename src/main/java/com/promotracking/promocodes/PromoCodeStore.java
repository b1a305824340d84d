package com.promotracking.promocodes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.promotracking.kernel.SqlQuery;
import com.promotracking.kernel.SqlRows;

/**
 * A program's codes as lists show them, read a page or a batch at a time in plain SQL. A program may hold a hundred
 * thousand codes: reading them all as entities and filtering their state in Java made every list hold all of them
 * at once, and a few lists at a time ran a small heap out of memory. Here the partner and the state are filtered in
 * the statement, the state as {@link PromoCodeState#at} tells it at the instant given, and the codes come newest
 * first through the indexes on (program_id, id desc) and (program_id, partner_id, id desc), so a page reads its own
 * rows and stops. Callers have checked access.
 */
@Repository
class PromoCodeStore {

	private static final String COLUMNS = "id, program_id, partner_id, code, match_type, credit_policy, starts_at, "
			+ "ends_at, time_zone, created_at, created_by, deactivated_at, deactivated_by, import_id";

	private final JdbcClient jdbc;

	PromoCodeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * At most {@code limit} of the program's codes matching, newest first, skipping the first {@code offset}: a page
	 * asks for one more than it shows to know whether another page follows.
	 */
	List<PromoCodeView> slice(long programId, @Nullable Long partnerId, @Nullable PromoCodeState state, Instant now,
			Map<Long, String> partnerNames, long offset, int limit) {
		return read(sliceOf(programId, partnerId, state, now, offset, limit), partnerNames, now);
	}

	/**
	 * Every code matching, newest first, read {@code batch} at a time while they are gone through, so that only one
	 * batch is held whatever the program's size. Each batch starts below the lowest id of the one before rather
	 * than at an offset: it reads its own rows through the index, not again all those before it.
	 */
	Iterable<PromoCodeView> all(long programId, @Nullable Long partnerId, @Nullable PromoCodeState state, Instant now,
			Map<Long, String> partnerNames, int batch) {
		return () -> new Batches(before -> read(batchOf(programId, partnerId, state, now, before, batch), partnerNames,
				now), batch);
	}

	/** The statement of {@link #slice}, and its named parameters. */
	static SqlQuery sliceOf(long programId, @Nullable Long partnerId, @Nullable PromoCodeState state, Instant now,
			long offset, int limit) {
		SqlQuery query = where(programId, partnerId, state, now, null);
		query.params().put("limit", limit);
		query.params().put("offset", offset);
		return new SqlQuery(query.sql() + " limit :limit offset :offset", query.params());
	}

	/** The statement of one batch of {@link #all}: the codes below {@code before}, all of them when null. */
	static SqlQuery batchOf(long programId, @Nullable Long partnerId, @Nullable PromoCodeState state, Instant now,
			@Nullable Long before, int limit) {
		SqlQuery query = where(programId, partnerId, state, now, before);
		query.params().put("limit", limit);
		return new SqlQuery(query.sql() + " limit :limit", query.params());
	}

	private static SqlQuery where(long programId, @Nullable Long partnerId, @Nullable PromoCodeState state, Instant now,
			@Nullable Long before) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from promo_code where program_id = :program");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("program", programId);
		if (partnerId != null) {
			sql.append(" and partner_id = :partner");
			params.put("partner", partnerId);
		}
		if (state != null) {
			sql.append(" and ").append(condition(state));
			if (state != PromoCodeState.DEACTIVATED) {
				params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
			}
		}
		// Always a bound on id, and the index's own columns in its order: only then does H2 read the page through
		// the index in the list's order and stop after it; else it takes the foreign key's index on the program alone
		// and reads and sorts all the program's codes for each page. No id reaches Long.MAX_VALUE. Ids grow as codes
		// are made, so the highest is the newest.
		sql.append(" and id < :before");
		params.put("before", (before != null) ? before : Long.MAX_VALUE);
		sql.append((partnerId != null) ? " order by program_id, partner_id, id desc" : " order by program_id, id desc");
		return new SqlQuery(sql.toString(), params);
	}

	/** {@link PromoCodeState#at} in SQL: the same order of questions, the same bounds. */
	private static String condition(PromoCodeState state) {
		return switch (state) {
			case DEACTIVATED -> "deactivated_at is not null";
			case FUTURE -> "deactivated_at is null and starts_at > :now";
			case EXPIRED -> "deactivated_at is null and starts_at <= :now and ends_at <= :now";
			case ACTIVE -> "deactivated_at is null and starts_at <= :now and (ends_at is null or ends_at > :now)";
		};
	}

	private List<PromoCodeView> read(SqlQuery query, Map<Long, String> partnerNames, Instant now) {
		return this.jdbc.sql(query.sql())
			.params(query.params())
			.query((row, number) -> view(row, partnerNames, now))
			.list();
	}

	private static PromoCodeView view(ResultSet row, Map<Long, String> partnerNames, Instant now) throws SQLException {
		long partnerId = row.getLong("partner_id");
		Instant startsAt = SqlRows.instant(row, "starts_at");
		Instant endsAt = SqlRows.instant(row, "ends_at");
		Instant deactivatedAt = SqlRows.instant(row, "deactivated_at");
		return new PromoCodeView(row.getLong("id"), row.getLong("program_id"), partnerId, partnerNames.get(partnerId),
				row.getString("code"), MatchType.valueOf(row.getString("match_type")),
				CreditPolicy.valueOf(row.getString("credit_policy")), startsAt, endsAt, row.getString("time_zone"),
				PromoCodeState.at(startsAt, endsAt, deactivatedAt, now), SqlRows.instant(row, "created_at"),
				row.getString("created_by"), deactivatedAt, row.getString("deactivated_by"),
				row.getObject("import_id", Long.class));
	}

	/** Reads the next batch below the lowest id seen when the one in hand is used up and was full. */
	private static final class Batches implements Iterator<PromoCodeView> {

		private final BatchReader reader;

		private final int size;

		private List<PromoCodeView> batch = List.of();

		private int next;

		private @Nullable Long before;

		private boolean done;

		Batches(BatchReader reader, int size) {
			this.reader = reader;
			this.size = size;
		}

		@Override
		public boolean hasNext() {
			if (this.next < this.batch.size()) {
				return true;
			}
			if (this.done) {
				return false;
			}
			this.batch = this.reader.below(this.before);
			this.next = 0;
			// A batch shorter than asked was the last: no statement to learn that nothing follows.
			this.done = this.batch.size() < this.size;
			if (!this.batch.isEmpty()) {
				this.before = this.batch.get(this.batch.size() - 1).id();
			}
			return !this.batch.isEmpty();
		}

		@Override
		public PromoCodeView next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.batch.get(this.next++);
		}

	}

	@FunctionalInterface
	private interface BatchReader {

		List<PromoCodeView> below(@Nullable Long before);

	}

}
