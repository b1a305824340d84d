package com.promotracking.eventtypes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.promotracking.kernel.SqlQuery;
import com.promotracking.kernel.SqlRows;

/**
 * An event type's test actions as its page and the API list them, read a page at a time in plain SQL. An event type
 * may hold ten thousand rejected tests with payloads of up to 4,000 characters: reading them all as entities on each
 * view held them all at once, and a few viewers at a time ran a small heap out of memory. Here they come newest first
 * through the index on (event_type_id, id desc), so a page reads its own rows and stops. Callers have checked access
 * and found the event type.
 */
@Repository
class TestActionStore {

	private static final String COLUMNS = "id, order_id, amount, currency, promo_code, payload, received_at, "
			+ "review_state, reviewed_at, reviewed_by, review_comment, withdrawn_at, withdrawn_by, withdrawal_comment";

	private final JdbcClient jdbc;

	TestActionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * At most {@code limit} of the event type's test actions, newest first, skipping the first {@code offset}: a page
	 * asks for one more than it shows to know whether another page follows.
	 */
	List<TestActionView> slice(EventType eventType, long offset, int limit) {
		SqlQuery query = sliceOf(eventType.id(), offset, limit);
		return this.jdbc.sql(query.sql())
			.params(query.params())
			.query((row, number) -> view(row, eventType))
			.list();
	}

	/** The statement of {@link #slice}, and its named parameters. */
	static SqlQuery sliceOf(long eventTypeId, long offset, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("eventType", eventTypeId);
		// A bound on id, and the index's own columns in its order: only then does H2 read the page through the index
		// in the list's order and stop after it; else it takes the foreign key's index on the event type alone and
		// reads and sorts all the event type's test actions for each page. No id reaches Long.MAX_VALUE. Ids grow as
		// test actions arrive, so the highest is the newest.
		params.put("before", Long.MAX_VALUE);
		params.put("limit", limit);
		params.put("offset", offset);
		return new SqlQuery("select " + COLUMNS + " from test_action where event_type_id = :eventType and id < :before"
				+ " order by event_type_id, id desc limit :limit offset :offset", params);
	}

	/** The same view as {@link TestAction#toView}, field for field. */
	private static TestActionView view(ResultSet row, EventType eventType) throws SQLException {
		return new TestActionView(row.getLong("id"), eventType.id(), eventType.name(), row.getString("order_id"),
				row.getBigDecimal("amount"), row.getString("currency"), row.getString("promo_code"),
				row.getString("payload"), SqlRows.instant(row, "received_at"),
				ReviewState.valueOf(row.getString("review_state")), SqlRows.instant(row, "reviewed_at"),
				row.getString("reviewed_by"), row.getString("review_comment"), SqlRows.instant(row, "withdrawn_at"),
				row.getString("withdrawn_by"), row.getString("withdrawal_comment"));
	}

}
