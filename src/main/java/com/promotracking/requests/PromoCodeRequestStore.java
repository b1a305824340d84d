package com.promotracking.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.promotracking.kernel.InLists;
import com.promotracking.kernel.SqlRows;
import com.promotracking.kernel.SqlQuery;

/**
 * Partners' promo code requests as lists show them, read a page at a time in plain SQL. A program may hold a hundred
 * thousand requests: reading them all as entities and filtering their state and partner in Java made every list hold
 * all of them at once, and a few lists at a time would run a small heap out of memory, as the promo codes list once
 * did. Here the state and the partner are filtered in the statement, and the requests come newest first through the
 * indexes on (program_id, id desc), (program_id, partner_id, id desc) and, for a partner's requests in every program,
 * (partner_id, id desc), so a page reads its own rows and stops; the suggested codes of the page's requests follow in
 * a second statement. Callers have checked access.
 */
@Repository
class PromoCodeRequestStore {

	private static final String COLUMNS = "id, program_id, partner_id, date_needed, instructions, state, created_at, "
			+ "created_by, decided_at, decided_by, decision_comment, approved_code, promo_code_id, completed_at, "
			+ "completed_by";

	private final JdbcClient jdbc;

	PromoCodeRequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * At most {@code limit} of the program's requests matching, newest first, skipping the first {@code offset}: a
	 * page asks for one more than it shows to know whether another page follows.
	 */
	List<RequestView> slice(long programId, @Nullable Long partnerId, @Nullable RequestState state,
			Map<Long, String> partnerNames, long offset, int limit) {
		return read(sliceOf(programId, partnerId, state, offset, limit), partnerNames::get);
	}

	/** At most {@code limit} of the partner's requests in every program, newest first, as {@link #slice} reads. */
	List<RequestView> sliceOfPartner(long partnerId, @Nullable String partnerName, long offset, int limit) {
		return read(partnerSliceOf(partnerId, offset, limit), id -> partnerName);
	}

	/** The statement of {@link #slice}, and its named parameters. */
	static SqlQuery sliceOf(long programId, @Nullable Long partnerId, @Nullable RequestState state, long offset,
			int limit) {
		StringBuilder sql = new StringBuilder(
				"select " + COLUMNS + " from promo_code_request where program_id = :program");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("program", programId);
		if (partnerId != null) {
			sql.append(" and partner_id = :partner");
			params.put("partner", partnerId);
		}
		if (state != null) {
			sql.append(" and state = :state");
			params.put("state", state.name());
		}
		// Always a bound on id, and the index's own columns in its order: only then does H2 read the page through the
		// index in the list's order and stop after it; else it may take the foreign key's index on the program alone,
		// or the console's on (program_id, state), and read and sort all the program's requests for each page. No id
		// reaches Long.MAX_VALUE. Ids grow as requests are made, so the highest is the newest.
		sql.append(" and id < :before");
		sql.append((partnerId != null) ? " order by program_id, partner_id, id desc" : " order by program_id, id desc");
		return paged(sql.toString(), params, offset, limit);
	}

	/** The statement of {@link #sliceOfPartner}, and its named parameters: the same bound and order, by partner. */
	static SqlQuery partnerSliceOf(long partnerId, long offset, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("partner", partnerId);
		return paged("select " + COLUMNS + " from promo_code_request where partner_id = :partner and id < :before"
				+ " order by partner_id, id desc", params, offset, limit);
	}

	private static SqlQuery paged(String sql, Map<String, Object> params, long offset, int limit) {
		params.put("before", Long.MAX_VALUE);
		params.put("limit", limit);
		params.put("offset", offset);
		return new SqlQuery(sql + " limit :limit offset :offset", params);
	}

	private List<RequestView> read(SqlQuery query, Function<Long, @Nullable String> partnerName) {
		List<Row> rows = this.jdbc.sql(query.sql()).params(query.params()).query((row, number) -> row(row)).list();
		Map<Long, List<String>> codes = suggestedCodes(rows.stream().map(Row::id).toList());
		return rows.stream()
			.map(row -> row.view(partnerName.apply(row.partnerId()), codes.getOrDefault(row.id(), List.of())))
			.toList();
	}

	/** The suggested codes of these requests, each in the partner's order, through the key (request_id, code_order). */
	private Map<Long, List<String>> suggestedCodes(List<Long> requestIds) {
		Map<Long, List<String>> codes = new HashMap<>();
		for (List<Long> ids : InLists.of(requestIds)) {
			this.jdbc.sql("select request_id, code from promo_code_request_code where request_id in (:ids)"
					+ " order by request_id, code_order")
				.param("ids", ids)
				.query((RowCallbackHandler) row -> codes.computeIfAbsent(row.getLong("request_id"),
						id -> new ArrayList<>())
					.add(row.getString("code")));
		}
		return codes;
	}

	private static Row row(ResultSet row) throws SQLException {
		return new Row(row.getLong("id"), row.getLong("program_id"), row.getLong("partner_id"),
				row.getObject("date_needed", LocalDate.class), row.getString("instructions"),
				RequestState.valueOf(row.getString("state")), SqlRows.instant(row, "created_at"),
				row.getString("created_by"), SqlRows.instant(row, "decided_at"), row.getString("decided_by"),
				row.getString("decision_comment"),
				row.getString("approved_code"), row.getObject("promo_code_id", Long.class),
				SqlRows.instant(row, "completed_at"), row.getString("completed_by"));
	}

	/** A request as read, before its suggested codes. */
	private record Row(long id, long programId, long partnerId, @Nullable LocalDate dateNeeded,
			@Nullable String instructions, RequestState state, @Nullable Instant createdAt, String createdBy,
			@Nullable Instant decidedAt, @Nullable String decidedBy, @Nullable String decisionComment,
			@Nullable String approvedCode, @Nullable Long promoCodeId, @Nullable Instant completedAt,
			@Nullable String completedBy) {

		/** The same view as {@link PromoCodeRequest#toView}, field for field. */
		RequestView view(@Nullable String partnerName, List<String> suggestedCodes) {
			return new RequestView(this.id, this.programId, this.partnerId, partnerName, List.copyOf(suggestedCodes),
					this.dateNeeded, this.instructions, this.state, this.createdAt, this.createdBy, this.decidedAt,
					this.decidedBy, this.decisionComment, this.approvedCode, this.promoCodeId, this.completedAt,
					this.completedBy);
		}

	}

}
