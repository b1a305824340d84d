package com.promotracking.requests;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * How H2 reads a page of promo code requests once a program has thousands: through the index in the list's own
 * order, stopping after the page, with or without a state or a partner, and a partner's requests in every program
 * through theirs. Not in a test transaction: H2 computes the statistics it plans with (ANALYZE) only from committed
 * rows, so the rows are committed here, once for the class (they are only read), and deleted after.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TestInstance(Lifecycle.PER_CLASS)
class PromoCodeRequestQueryPlanTest {

	private static final long PROGRAM = 971;

	private static final long OTHER_PROGRAM = 972;

	private static final long TRAIL = 9711;

	private static final long CORNER = 9712;

	private static final int REQUESTS = 5_000;

	/** H2's note that the rows come in the statement's order, without a sort. */
	private static final String SORTED = "/* index sorted */";

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	void aProgramOfFiveThousandRequestsOfTwoPartners() {
		this.jdbc.update("insert into brand (id, name) values (97, 'Request Plan Brand')");
		this.jdbc.update("insert into program (id, brand_id, name) values (?, 97, 'Request Plan US'), "
				+ "(?, 97, 'Request Plan FR')", PROGRAM, OTHER_PROGRAM);
		this.jdbc.update("insert into partner (id, name) values (?, 'Request Plan Trail'), (?, 'Request Plan Corner')",
				TRAIL, CORNER);
		this.jdbc.update("insert into program_partner (program_id, partner_id) values (?, ?), (?, ?), (?, ?), (?, ?)",
				PROGRAM, TRAIL, PROGRAM, CORNER, OTHER_PROGRAM, TRAIL, OTHER_PROGRAM, CORNER);
		// A tenth of them Trail's; as a program's requests are, most completed, some open, a few rejected.
		this.jdbc.update("""
				insert into promo_code_request (program_id, partner_id, state, created_at, created_by)
				select ?, case when mod(x, 10) = 0 then ? else ? end,
				    case mod(x, 7) when 0 then 'OPEN' when 1 then 'REJECTED' else 'COMPLETED' end, ?, 'test'
				from system_range(1, ?)""", PROGRAM, TRAIL, CORNER, utc(NOW), REQUESTS);
		// The partners' requests in another program, so that a partner's list is not one program's.
		this.jdbc.update("""
				insert into promo_code_request (program_id, partner_id, state, created_at, created_by)
				select ?, case when mod(x, 2) = 0 then ? else ? end, 'COMPLETED', ?, 'test'
				from system_range(1, ?)""", OTHER_PROGRAM, TRAIL, CORNER, utc(NOW), REQUESTS);
		this.jdbc.update("""
				insert into promo_code_request_code (request_id, code_order, code)
				select id, 0, 'PLAN' || id from promo_code_request where program_id in (?, ?)""", PROGRAM,
				OTHER_PROGRAM);
		this.jdbc.execute("analyze");
	}

	@AfterAll
	void deleteTheCommittedRows() {
		this.jdbc.update("""
				delete from promo_code_request_code where request_id in
				    (select id from promo_code_request where program_id in (?, ?))""", PROGRAM, OTHER_PROGRAM);
		this.jdbc.update("delete from promo_code_request where program_id in (?, ?)", PROGRAM, OTHER_PROGRAM);
		this.jdbc.update("delete from program_partner where program_id in (?, ?)", PROGRAM, OTHER_PROGRAM);
		this.jdbc.update("delete from partner where id in (?, ?)", TRAIL, CORNER);
		this.jdbc.update("delete from program where id in (?, ?)", PROGRAM, OTHER_PROGRAM);
		this.jdbc.update("delete from brand where id = 97");
	}

	/**
	 * A page of a program reads the index in the list's order and stops after the page and the one more it asks for;
	 * were it to sort, each page would read all the program's requests first.
	 */
	@Test
	void aPageOfAProgramReadsTheIndexInTheListsOrderAndOnlyItsOwnRows() {
		String plan = plan(PromoCodeRequestStore.sliceOf(PROGRAM, null, null, 0, 51));

		assertThat(plan).containsPattern("IX_PROMO_CODE_REQUEST_PROGRAM_NEWEST: [^*]*PROGRAM_ID = \\?1")
			.endsWith(SORTED);
		assertThat(rowsRead(plan)).isLessThanOrEqualTo(52);
	}

	/**
	 * With a state, the same index in the same order: the state is checked on each row read, and the page stops at its
	 * last row, so it reads only the rows down to it (those of other states among them), not all the program's.
	 */
	@Test
	void aPageOfAStateReadsTheSameIndexAndStopsAtItsLastRow() {
		List<String> plans = new ArrayList<>();
		List<Integer> down = new ArrayList<>();
		for (RequestState state : new RequestState[] { RequestState.COMPLETED, RequestState.OPEN }) {
			plans.add(plan(PromoCodeRequestStore.sliceOf(PROGRAM, null, state, 0, 51)));
			down.add(rowsDownToThe51stNewest(state, null));
		}

		for (int n = 0; n < plans.size(); n++) {
			assertThat(plans.get(n)).containsPattern("IX_PROMO_CODE_REQUEST_PROGRAM_NEWEST: [^*]*PROGRAM_ID = \\?1")
				.endsWith(SORTED);
			assertThat(rowsRead(plans.get(n))).isLessThanOrEqualTo(down.get(n) + 1).isLessThan(REQUESTS / 10);
		}
		assertThat(down.get(0)).as("the newest completed ones are most of the newest").isLessThanOrEqualTo(80);
	}

	/** The same with a partner, through the index that has the partner after the program. */
	@Test
	void aPageOfAPartnerInAProgramReadsTheIndexWithThePartnerAndOnlyItsOwnRows() {
		String partner = plan(PromoCodeRequestStore.sliceOf(PROGRAM, TRAIL, null, 0, 51));
		String partnerCompleted = plan(PromoCodeRequestStore.sliceOf(PROGRAM, TRAIL, RequestState.COMPLETED, 0, 51));

		assertThat(List.of(partner, partnerCompleted)).allSatisfy(plan -> assertThat(plan)
			.containsPattern("IX_PROMO_CODE_REQUEST_PROGRAM_PARTNER_NEWEST: [^*]*PROGRAM_ID = \\?1 AND PARTNER_ID")
			.endsWith(SORTED));
		assertThat(rowsRead(partner)).isLessThanOrEqualTo(52);
		assertThat(rowsRead(partnerCompleted))
			.isLessThanOrEqualTo(rowsDownToThe51stNewest(RequestState.COMPLETED, TRAIL) + 1);
	}

	/**
	 * A partner's requests in every program, newest first, through (partner_id, id desc): the second page reads the
	 * first and its own rows, not all the partner's. (H2 reads no index backwards: the ascending (partner_id, id) it
	 * replaces made each page read all the partner's requests and sort them.)
	 */
	@Test
	void aPageOfAPartnersOwnRequestsReadsTheirIndexAndOnlyTheRowsUpToIt() {
		String plan = plan(PromoCodeRequestStore.partnerSliceOf(TRAIL, 50, 51));

		assertThat(plan).containsPattern("IX_PROMO_CODE_REQUEST_PARTNER_NEWEST: [^*]*PARTNER_ID = \\?1")
			.endsWith(SORTED);
		assertThat(rowsRead(plan)).isLessThanOrEqualTo(50 + 52);
	}

	/**
	 * The program's requests (of the partner, when given) from the newest down to the 51st newest in the state: those
	 * a page of 50 and the one more reads through the index in the list's order.
	 */
	private int rowsDownToThe51stNewest(RequestState state, Long partnerId) {
		String partner = (partnerId != null) ? " and partner_id = " + partnerId : "";
		Long last = this.jdbc.queryForObject("select min(id) from (select id from promo_code_request"
				+ " where program_id = ?" + partner + " and state = ? order by id desc limit 51)", Long.class, PROGRAM,
				state.name());
		return this.jdbc.queryForObject("select count(*) from promo_code_request where program_id = ?" + partner
				+ " and id >= ?", Integer.class, PROGRAM, last);
	}

	/** H2's plan as it ran the statement (the rows each table read), on one line. */
	private String plan(SqlQuery query) {
		String plan = new NamedParameterJdbcTemplate(this.jdbc).queryForObject("explain analyze " + query.sql(),
				query.params(), String.class);
		return plan.replaceAll("\\s+", " ");
	}

	/** The rows H2 read from the table to answer. */
	private static int rowsRead(String plan) {
		Matcher scanned = Pattern.compile("/\\* scanCount: (\\d+) \\*/").matcher(plan);
		assertThat(scanned.find()).as(plan).isTrue();
		return Integer.parseInt(scanned.group(1));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
