package com.promotracking.promocodes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.kernel.InLists;
import com.promotracking.kernel.SqlRows;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvNotice;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportRow;

/**
 * An import's preview in the database, and the codes it creates. Plain SQL: a preview is thousands of rows written
 * once and read back once, and the codes of an acceptance go in one JDBC batch (JPA inserts an identity row at a
 * time). Callers run it in their transaction and have checked access.
 */
@Repository
class PromoCodeImportStore {

	/** Rows a JDBC batch sends at once: the parameters of one chunk at a time in memory, not of the whole file. */
	private static final int BATCH = 1_000;

	/** Keys looked up per statement. */
	private static final int KEYS_PER_QUERY = 512;

	private static final TypeReference<List<CsvNotice>> NOTICES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	PromoCodeImportStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	/** An import as stored, without its rows. */
	record ImportRecord(long id, long programId, String createdBy, String fileName, Instant createdAt,
			Instant expiresAt, int rows, int ready, List<CsvNotice> notices, @Nullable Instant acceptedAt,
			@Nullable Integer createdCodes) {
	}

	long insert(long programId, String createdBy, String fileName, Instant createdAt, Instant expiresAt, int rows,
			int ready, List<CsvNotice> notices) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into promo_code_import (program_id, created_by, file_name, created_at, expires_at, row_count,
				    ready_count, notices)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(programId, createdBy, fileName, utc(createdAt), utc(expiresAt), rows, ready,
					this.json.writeValueAsString(notices))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void insertRows(long importId, List<CsvImportRow> rows) {
		inBatches("""
				insert into promo_code_import_row (import_id, line, code, partner, partner_by_id, match_type,
				    credit_policy, start_date, end_date, time_zone)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
				row -> new Object[] { importId, row.line(), row.code(), row.partner(), row.partnerById(),
						row.matchType(), row.creditPolicy(), row.startDate(), row.endDate(), row.timeZone() });
	}

	void insertErrors(long importId, List<ImportError> errors) {
		inBatches("""
				insert into promo_code_import_error (import_id, line, field, message_key, argument)
				values (?, ?, ?, ?, ?)""", errors, error -> new Object[] { importId, error.line(), error.field(),
				error.messageKey(), new SqlParameterValue(Types.VARCHAR, error.argument()) });
	}

	/** The import, if it is the program's and the user's. */
	Optional<ImportRecord> find(long importId, long programId, String user) {
		return this.jdbc.sql("""
				select * from promo_code_import where id = ? and program_id = ? and created_by = ?""")
			.params(importId, programId, user)
			.query(this::toRecord)
			.optional();
	}

	/** The same, locked until the transaction ends: two acceptances at once create the codes once. */
	Optional<ImportRecord> lock(long importId, long programId, String user) {
		return this.jdbc.sql("""
				select * from promo_code_import where id = ? and program_id = ? and created_by = ? for update""")
			.params(importId, programId, user)
			.query(this::toRecord)
			.optional();
	}

	List<CsvImportRow> rows(long importId) {
		ImportRowValues values = new ImportRowValues();
		return this.jdbc.sql("select * from promo_code_import_row where import_id = ? order by line")
			.param(importId)
			.query((row, number) -> values.share(toRow(row, number)))
			.list();
	}

	/** One page of rows in line order, optionally only those with errors. */
	List<CsvImportRow> rows(long importId, boolean onlyWithErrors, int offset, int limit) {
		String filter = onlyWithErrors
				? " and exists (select 1 from promo_code_import_error e where e.import_id = r.import_id and e.line = r.line)"
				: "";
		return this.jdbc.sql("select * from promo_code_import_row r where r.import_id = ?" + filter
				+ " order by r.line offset ? rows fetch first ? rows only")
			.params(importId, offset, limit)
			.query(PromoCodeImportStore::toRow)
			.list();
	}

	/** Errors in line order; {@code fromLine}..{@code toLine} bound them to a page's lines. */
	List<ImportError> errors(long importId, int fromLine, int toLine) {
		return this.jdbc.sql("""
				select line, field, message_key, argument from promo_code_import_error
				where import_id = ? and line between ? and ? order by line""")
			.params(importId, fromLine, toLine)
			.query((row, number) -> new ImportError(row.getInt("line"), row.getString("field"),
					row.getString("message_key"), row.getString("argument")))
			.list();
	}

	int rowsWithErrors(long importId) {
		return this.jdbc.sql("select count(distinct line) from promo_code_import_error where import_id = ?")
			.param(importId)
			.query(Integer.class)
			.single();
	}

	/** The reasons found again on acceptance replace the preview's. */
	void replaceErrors(long importId, List<ImportError> errors, int ready) {
		this.jdbc.sql("delete from promo_code_import_error where import_id = ?").param(importId).update();
		insertErrors(importId, errors);
		this.jdbc.sql("update promo_code_import set ready_count = ? where id = ?").params(ready, importId).update();
	}

	/**
	 * Accepted. Its rows have done their work, but are deleted with the expired ones ({@link #forgetExpired}), not
	 * here: thousands of deletes would lengthen the acceptance the user waits for.
	 */
	void accepted(long importId, Instant at, int created) {
		this.jdbc.sql("update promo_code_import set accepted_at = ?, created_codes = ? where id = ?")
			.params(utc(at), created, importId)
			.update();
	}

	/**
	 * Previews past their time lose their rows, accepted or not; their own row stays, so an acceptance after expiry
	 * is told so. Any instance may run it at any time: it only deletes what no one can accept or see any more.
	 */
	void forgetExpired(Instant now) {
		List<Long> expired = this.jdbc.sql("""
				select id from promo_code_import where expires_at <= ?
				    and exists (select 1 from promo_code_import_row r where r.import_id = promo_code_import.id)""")
			.param(utc(now))
			.query(Long.class)
			.list();
		if (!expired.isEmpty()) {
			forgetRows(expired);
		}
	}

	private void forgetRows(List<Long> importIds) {
		for (String table : List.of("promo_code_import_error", "promo_code_import_row")) {
			for (List<Long> ids : InLists.of(importIds)) {
				this.jdbc.sql("delete from " + table + " where import_id in (:ids)").param("ids", ids).update();
			}
		}
	}

	/** Of the code keys given, those the program already has. */
	Set<String> existingKeys(long programId, Collection<String> keys) {
		Set<String> existing = new HashSet<>();
		// In lists both databases read through the unique index (code key first, V12), long ones: a file holds
		// thousands of keys.
		for (List<String> some : InLists.of(keys, KEYS_PER_QUERY)) {
			existing.addAll(this.jdbc.sql("select code_key from promo_code where code_key in (:keys) and program_id = :program")
				.param("program", programId)
				.param("keys", some)
				.query(String.class)
				.list());
		}
		return existing;
	}

	/** The program's codes of this match type that still credit someone (not deactivated). */
	List<ImportRowChecker.OwnedCode> liveCodes(long programId, MatchType matchType) {
		return this.jdbc.sql("""
				select partner_id, code from promo_code
				where program_id = ? and match_type = ? and deactivated_at is null""")
			.params(programId, matchType.name())
			.query((row, number) -> new ImportRowChecker.OwnedCode(row.getLong(1), row.getString(2)))
			.list();
	}

	void insertCodes(long programId, long importId, List<ImportRowChecker.ReadyCode> codes, Instant now,
			String createdBy) {
		OffsetDateTime createdAt = utc(now);
		inBatches("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    ends_at, time_zone, created_at, created_by, import_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", codes,
				code -> new Object[] { programId, code.partnerId(), code.code(), code.key(), code.matchType().name(),
						code.creditPolicy().name(), utc(code.startsAt()),
						new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, utc(code.endsAt())), code.zone().getId(),
						createdAt, createdBy, importId });
	}

	private <T> void inBatches(String sql, List<T> items, Function<T, Object[]> parameters) {
		for (int from = 0; from < items.size(); from += BATCH) {
			List<Object[]> batch = new ArrayList<>(BATCH);
			for (T item : items.subList(from, Math.min(items.size(), from + BATCH))) {
				batch.add(parameters.apply(item));
			}
			this.template.batchUpdate(sql, batch);
		}
	}

	private ImportRecord toRecord(ResultSet row, int number) throws SQLException {
		return new ImportRecord(row.getLong("id"), row.getLong("program_id"), row.getString("created_by"),
				row.getString("file_name"), instant(row, "created_at"), instant(row, "expires_at"),
				row.getInt("row_count"), row.getInt("ready_count"),
				this.json.readValue(row.getString("notices"), NOTICES), SqlRows.instant(row, "accepted_at"),
				row.getObject("created_codes", Integer.class));
	}

	private static CsvImportRow toRow(ResultSet row, int number) throws SQLException {
		return new CsvImportRow(row.getInt("line"), row.getString("code"), row.getString("partner"),
				row.getBoolean("partner_by_id"), row.getString("match_type"), row.getString("credit_policy"),
				row.getString("start_date"), row.getString("end_date"), row.getString("time_zone"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
