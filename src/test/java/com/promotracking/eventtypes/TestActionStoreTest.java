package com.promotracking.eventtypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event type's test actions read a page at a time against the Flyway schema in the test H2: newest first, only
 * that event type's, and each exactly as its entity shows it.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestActionStore.class)
class TestActionStoreTest {

	private static final long PROGRAM = 720;

	private static final Instant RECEIVED = Instant.parse("2026-11-01T08:00:00.123456Z");

	@Autowired
	private TestActionStore store;

	@Autowired
	private EventTypeRepository eventTypes;

	@Autowired
	private TestActionRepository testActions;

	@Autowired
	private EntityManager entities;

	@Autowired
	private JdbcClient jdbc;

	private EventType sale;

	private EventType lead;

	@BeforeEach
	void aProgramWithTwoEventTypes() {
		this.jdbc.sql("insert into brand (id, name) values (72, 'Store Brand')").update();
		this.jdbc.sql("insert into program (id, brand_id, name) values (?, 72, 'Store Program')").param(PROGRAM).update();
		this.sale = this.eventTypes.save(new EventType(PROGRAM, "Store Sale", EventTypeKind.SALE, RECEIVED));
		this.lead = this.eventTypes.save(new EventType(PROGRAM, "Store Lead", EventTypeKind.LEAD, RECEIVED));
	}

	@Test
	void aPageOfFiftyIsTheNewestFiftyAndTheNextPageTheFiftyAfterThem() {
		List<Long> newestFirst = new ArrayList<>(bulk(this.sale, 120));
		Collections.reverse(newestFirst);
		bulk(this.lead, 5);

		List<TestActionView> first = this.store.slice(this.sale, 0, 51);
		List<TestActionView> second = this.store.slice(this.sale, 50, 51);
		List<TestActionView> last = this.store.slice(this.sale, 100, 51);

		assertThat(ids(first)).as("one more than the page, to tell another follows")
			.containsExactlyElementsOf(newestFirst.subList(0, 51));
		assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(50, 101));
		assertThat(ids(last)).containsExactlyElementsOf(newestFirst.subList(100, 120));
		assertThat(first).extracting(TestActionView::eventTypeId).containsOnly(this.sale.id());
	}

	@Test
	void aPagePastTheEndIsEmpty() {
		bulk(this.sale, 3);

		assertThat(this.store.slice(this.sale, 50, 51)).isEmpty();
		assertThat(this.store.slice(this.sale, (long) Integer.MAX_VALUE * 500, 501)).as("far past the end").isEmpty();
		assertThat(this.store.slice(this.lead, 0, 51)).as("an event type without test actions").isEmpty();
	}

	/**
	 * Every field the entity gives its view (reviewed, withdrawn, with comments and a promo code), or none of the
	 * optional ones, reads back the same through the store: pages and the API show what they showed before.
	 */
	@Test
	void aTestActionReadsBackExactlyAsItsEntityShowsIt() {
		TestAction withdrawn = new TestAction(this.sale,
				new TestConversion("TEST-FULL", new BigDecimal("52.50"), "EUR", "ETE15"),
				"{\"orderId\": \"TEST-FULL\", \"note\": \"é ü\"}", RECEIVED);
		withdrawn.review(Decision.APPROVE, "carol@csm.example", RECEIVED.plusSeconds(60), "Code came through");
		withdrawn.withdrawApproval("alice@acme.example", RECEIVED.plusSeconds(120), "Wrong shop");
		this.testActions.save(withdrawn);
		TestAction pending = this.testActions.save(new TestAction(this.sale,
				new TestConversion("TEST-BARE", new BigDecimal("0.00"), "USD", null), "{}", RECEIVED.plusSeconds(1)));
		this.entities.flush();
		this.entities.clear();

		List<TestActionView> read = this.store.slice(this.sale, 0, 10);

		assertThat(read).containsExactly(
				this.testActions.findInProgram(pending.id(), PROGRAM).orElseThrow().toView(),
				this.testActions.findInProgram(withdrawn.id(), PROGRAM).orElseThrow().toView());
		assertThat(read.get(1).withdrawalComment()).as("not all null by chance").isEqualTo("Wrong shop");
		assertThat(read.get(1).eventTypeName()).isEqualTo("Store Sale");
	}

	/** {@code count} rejected test actions of the event type, in the order received; their ids. */
	private List<Long> bulk(EventType eventType, int count) {
		this.jdbc.sql("""
				insert into test_action (event_type_id, order_id, amount, currency, payload, received_at,
				    review_state, reviewed_at, reviewed_by)
				select ?, 'BULK-' || x, 10.00, 'EUR', '{}', current_timestamp, 'REJECTED', current_timestamp,
				    'alice@acme.example'
				from system_range(1, ?) order by x""").params(eventType.id(), count).update();
		return this.jdbc.sql("select id from test_action where event_type_id = ? order by id")
			.param(eventType.id())
			.query(Long.class)
			.list();
	}

	private static List<Long> ids(List<TestActionView> views) {
		return views.stream().map(TestActionView::id).toList();
	}

}
