package com.promotracking.promocodes;

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
 * How H2 reads a page of a program's codes once the program has a hundred thousand, as the benchmark's does: through
 * the index in the list's own order, stopping after the page, with or without a partner or a state. Not in a test
 * transaction: H2 computes the statistics it plans with (ANALYZE) only from committed rows, so the rows are
 * committed here, once for the class (they are only read), and deleted after.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TestInstance(Lifecycle.PER_CLASS)
class PromoCodeQueryPlanTest {

	private static final long PROGRAM = 961;

	private static final long TRAIL = 9611;

	private static final long CORNER = 9612;

	private static final int CODES = 100_000;

	/** H2's note that the rows come in the statement's order, without a sort. */
	private static final String SORTED = "/* index sorted */";

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	void aProgramOfAHundredThousandCodesOfTwoPartners() {
		this.jdbc.update("insert into brand (id, name) values (96, 'Plan Brand')");
		this.jdbc.update("insert into program (id, brand_id, name) values (?, 96, 'Plan Program')", PROGRAM);
		this.jdbc.update("insert into partner (id, name) values (?, 'Plan Trail'), (?, 'Plan Corner')", TRAIL, CORNER);
		this.jdbc.update("insert into program_partner (program_id, partner_id) values (?, ?), (?, ?)", PROGRAM, TRAIL,
				PROGRAM, CORNER);
		// A tenth of them Trail's, every one active.
		this.jdbc.update("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    time_zone, created_at, created_by)
				select ?, case when mod(x, 10) = 0 then ? else ? end, 'PLAN' || x, 'exact:plan' || x, 'EXACT', 'ALWAYS',
				    ?, 'UTC', ?, 'test'
				from system_range(1, ?)""", PROGRAM, TRAIL, CORNER, utc(NOW.minusSeconds(86_400)),
				utc(NOW.minusSeconds(86_400)), CODES);
		this.jdbc.execute("analyze");
	}

	@AfterAll
	void deleteTheCommittedRows() {
		this.jdbc.update("delete from promo_code where program_id = ?", PROGRAM);
		this.jdbc.update("delete from program_partner where program_id = ?", PROGRAM);
		this.jdbc.update("delete from partner where id in (?, ?)", TRAIL, CORNER);
		this.jdbc.update("delete from program where id = ?", PROGRAM);
		this.jdbc.update("delete from brand where id = 96");
	}

	/**
	 * Each page, with or without a partner or a state, reads the index in the list's order and stops after the page
	 * and the one more it asks for; were it to sort, each page would read all the program's codes first.
	 */
	@Test
	void aPageReadsTheIndexInTheListsOrderAndOnlyItsOwnRows() {
		List<String> plans = new ArrayList<>();
		for (PromoCodeState state : new PromoCodeState[] { null, PromoCodeState.ACTIVE }) {
			plans.add(plan(PromoCodeStore.sliceOf(PROGRAM, null, state, NOW, 0, 51)));
		}
		String partner = plan(PromoCodeStore.sliceOf(PROGRAM, TRAIL, null, NOW, 0, 51));
		String partnerActive = plan(PromoCodeStore.sliceOf(PROGRAM, TRAIL, PromoCodeState.ACTIVE, NOW, 0, 51));

		assertThat(plans).allSatisfy(plan -> {
			assertThat(plan).containsPattern("IX_PROMO_CODE_PROGRAM_NEWEST: [^*]*PROGRAM_ID = \\?1").endsWith(SORTED);
			assertThat(rowsRead(plan)).isLessThanOrEqualTo(52);
		});
		assertThat(List.of(partner, partnerActive)).allSatisfy(plan -> {
			assertThat(plan).containsPattern("IX_PROMO_CODE_PROGRAM_PARTNER_NEWEST: [^*]*PROGRAM_ID = \\?1 AND PARTNER_ID")
				.endsWith(SORTED);
			assertThat(rowsRead(plan)).isLessThanOrEqualTo(52);
		});
	}

	/** A batch of the download starts below the last id written, through the index: it reads its own rows only. */
	@Test
	void aBatchOfTheDownloadReadsOnlyItsOwnRows() {
		long middle = this.jdbc.queryForObject("select min(id) + ? from promo_code where program_id = ?", Long.class,
				CODES / 2, PROGRAM);

		String plan = plan(PromoCodeStore.batchOf(PROGRAM, null, null, NOW, middle, PromoCodeService.EXPORT_BATCH));

		assertThat(plan).containsPattern("IX_PROMO_CODE_PROGRAM_NEWEST: [^*]*PROGRAM_ID = \\?1").endsWith(SORTED);
		assertThat(rowsRead(plan)).isLessThanOrEqualTo(PromoCodeService.EXPORT_BATCH + 1);
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
