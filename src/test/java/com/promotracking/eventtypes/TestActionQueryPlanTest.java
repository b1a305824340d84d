package com.promotracking.eventtypes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.kernel.SqlQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How H2 reads a page of an event type's test actions once it has ten thousand rejected tests, as the benchmark's
 * does: through the index in the list's own order, stopping after the page. Not in a test transaction: H2 computes
 * the statistics it plans with (ANALYZE) only from committed rows, so the rows are committed here, once for the class
 * (they are only read), and deleted after.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TestInstance(Lifecycle.PER_CLASS)
class TestActionQueryPlanTest {

	private static final long PROGRAM = 710;

	private static final long SALE = 7101;

	private static final long LEAD = 7102;

	private static final int REJECTED = 10_000;

	/** H2's note that the rows come in the statement's order, without a sort. */
	private static final String SORTED = "/* index sorted */";

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	void anEventTypeWithTenThousandRejectedTestsBesideAnother() {
		this.jdbc.update("insert into brand (id, name) values (71, 'Plan Brand')");
		this.jdbc.update("insert into program (id, brand_id, name) values (?, 71, 'Plan Program')", PROGRAM);
		this.jdbc.update("""
				insert into event_type (id, program_id, name, kind, created_at)
				values (?, ?, 'Plan Sale', 'SALE', current_timestamp), (?, ?, 'Plan Lead', 'LEAD', current_timestamp)""",
				SALE, PROGRAM, LEAD, PROGRAM);
		// The other event type's tests arrive in between, as they would: the sale's ids are not one range.
		this.jdbc.update("""
				insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at,
				    review_state, reviewed_at, reviewed_by)
				select case when mod(x, 20) = 0 then ? else ? end, 'REJECTED-' || x, 10.00, 'EUR', 'NOPE',
				    '{"orderId": "REJECTED-' || x || '"}', current_timestamp, 'REJECTED', current_timestamp,
				    'alice@acme.example'
				from system_range(1, ?) order by x""", LEAD, SALE, REJECTED * 20 / 19);
		this.jdbc.execute("analyze");
	}

	@AfterAll
	void deleteTheCommittedRows() {
		this.jdbc.update("delete from test_action where event_type_id in (?, ?)", SALE, LEAD);
		this.jdbc.update("delete from event_type where program_id = ?", PROGRAM);
		this.jdbc.update("delete from program where id = ?", PROGRAM);
		this.jdbc.update("delete from brand where id = 71");
	}

	/**
	 * The first page reads the index in the list's order and stops after the page and the one more it asks for; were
	 * it to sort, it would read all ten thousand test actions, payloads included, to show fifty.
	 */
	@Test
	void theFirstPageReadsTheIndexInTheListsOrderAndOnlyItsOwnRows() {
		assertThat(count(SALE)).as("the benchmark's size").isGreaterThanOrEqualTo(REJECTED);

		String plan = plan(TestActionStore.sliceOf(SALE, 0, 51));

		assertThat(plan).containsPattern("IX_TEST_ACTION_EVENT_TYPE_NEWEST: [^*]*EVENT_TYPE_ID = \\?1")
			.endsWith(SORTED);
		assertThat(rowsRead(plan)).isLessThanOrEqualTo(51);
	}

	/** A later page reads the pages before it through the same index, never the rest of the event type. */
	@Test
	void aLaterPageReadsNoFurtherThanItsOwnEnd() {
		String plan = plan(TestActionStore.sliceOf(SALE, 150, 51));

		assertThat(plan).containsPattern("IX_TEST_ACTION_EVENT_TYPE_NEWEST: [^*]*EVENT_TYPE_ID = \\?1")
			.endsWith(SORTED);
		assertThat(rowsRead(plan)).isLessThanOrEqualTo(150 + 51);
	}

	/** H2's plan as it ran the statement (the rows each table read), on one line. */
	private String plan(SqlQuery query) {
		String plan = new NamedParameterJdbcTemplate(this.jdbc).queryForObject("explain analyze " + query.sql(),
				query.params(), String.class);
		return plan.replaceAll("\\s+", " ");
	}

	private long count(long eventType) {
		return this.jdbc.queryForObject("select count(*) from test_action where event_type_id = ?", Long.class,
				eventType);
	}

	/** The rows H2 read from the table to answer. */
	private static int rowsRead(String plan) {
		Matcher scanned = Pattern.compile("/\\* scanCount: (\\d+) \\*/").matcher(plan);
		assertThat(scanned.find()).as(plan).isTrue();
		return Integer.parseInt(scanned.group(1));
	}

}
