package com.promotracking.eventtypes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How H2 reads "is this program's promo code validated?" once a program has many rejected tests. Not in a test
 * transaction: H2 computes the statistics it plans with (ANALYZE, which it also runs by itself once a table has
 * changed enough) only by committing, so the rows are committed here and deleted after.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PromoCodeValidations.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PromoCodeValidationsPlanTest {

	private static final long PROGRAM = 700;

	private static final long SALE = 7001;

	@Autowired
	private PromoCodeValidations validations;

	@Autowired
	private JdbcTemplate jdbc;

	/**
	 * The one approval is found without reading the 800 rejected tests of its event type, nor those of the program's
	 * 249 others. The proportions are the benchmark's (a program with ten thousand rejected tests among a few
	 * thousand event types): they are what made H2 rate the two indexes alike. H2's statistics
	 * count distinct values, not how rare 'APPROVED' is: with an index on the event type and the review state alone it
	 * rated the foreign key's index on the event type as good, took it, and read every test of the event type on each
	 * settings page.
	 */
	@Test
	void theValidationReadsTheApprovedTestActionsAloneHoweverManyWereRejected() {
		this.jdbc.update("insert into brand (id, name) values (70, 'Plan Brand')");
		this.jdbc.update("insert into program (id, brand_id, name) values (?, 70, 'Plan Program')", PROGRAM);
		this.jdbc.update("""
				insert into event_type (id, program_id, name, kind, created_at)
				select ? + x, ?, 'Event ' || x, 'SALE', current_timestamp from system_range(0, 249)""", SALE, PROGRAM);
		this.jdbc.update("""
				insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at,
				    review_state, reviewed_at, reviewed_by)
				select ? + greatest(x - 800, 0), 'REJECTED-' || x, 10.00, 'EUR', 'NOPE', '{}', current_timestamp,
				    'REJECTED', current_timestamp, 'alice@acme.example'
				from system_range(1, 1049)""", SALE);
		this.jdbc.update("""
				insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at,
				    review_state, reviewed_at, reviewed_by)
				values (?, 'TEST-OK', 10.00, 'EUR', 'SUMMER10', '{}', current_timestamp, 'APPROVED', current_timestamp,
				    'alice@acme.example')""", SALE);
		this.jdbc.execute("analyze");

		String plan = this.jdbc.queryForObject(
				"explain analyze " + PromoCodeValidations.LATEST_APPROVAL.replace("?", String.valueOf(PROGRAM)),
				String.class);

		// 250 event types, each read for its approved tests alone: the one approval, and the end of each range.
		assertThat(plan.replaceAll("\\s+", " ")).containsPattern(
				"IX_TEST_ACTION_APPROVAL: EVENT_TYPE_ID = E.ID AND REVIEW_STATE = 'APPROVED' \\*/ ON 1=1 /\\* scanCount: 251 \\*/");
		assertThat(this.validations.of(PROGRAM)).map(PromoCodeValidation::orderId).contains("TEST-OK");
	}

	@AfterEach
	void deleteTheCommittedRows() {
		this.jdbc.update("delete from test_action where event_type_id between ? and ?", SALE, SALE + 249);
		this.jdbc.update("delete from event_type where program_id = ?", PROGRAM);
		this.jdbc.update("delete from program where id = ?", PROGRAM);
		this.jdbc.update("delete from brand where id = 70");
	}

}
