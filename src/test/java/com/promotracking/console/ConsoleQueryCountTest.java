package com.promotracking.console;

import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.promotracking.console.ConsoleService.ConsolePage;
import com.promotracking.support.StatementCounting;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caps the SQL of a console page, counted where statements reach the driver: one query finds, sorts, counts and
 * cuts the page (the default view cuts it from the catalog's cache instead, which reads brands and programs when it
 * does not hold them), then one per column group for the page's programs, whatever their number; never one per row.
 */
@SpringBootTest
@Import(StatementCounting.class)
class ConsoleQueryCountTest {

	/**
	 * The page and its total (or, for the default view, the brands and programs the catalog's cache does not hold),
	 * then the settings (with the codes versions), validations and open requests of its programs, and their live codes
	 * and conversions unless the counts' caches hold them.
	 */
	static final int PAGE_STATEMENTS = 7;

	@Autowired
	ConsoleService console;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	ConsoleBrand brand;

	CurrentUser admin;

	@BeforeEach
	void aBrandOfSixtyPrograms() {
		this.brand = ConsoleBrand.create(this.jdbc);
		for (int i = 0; i < 60; i++) {
			long program = this.brand.program("Program " + i, i % 2 == 0);
			if (i % 3 == 0) {
				this.brand.track(program, true);
				this.brand.openRequest(program);
				this.brand.liveCode(program, "CODE" + i);
			}
		}
		long adminId = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class,
				this.brand.admin());
		this.admin = new CurrentUser(adminId, this.brand.admin(), "Console Admin", Role.BRAND_ADMIN,
				Set.of(this.brand.id()));
	}

	@Test
	void aPageOfFiftyIssuesAsManyStatementsAsAPageOfTwo() throws Exception {
		for (String sort : new String[] { null, "-live-codes", "open-requests", "-flagged", "validated" }) {
			int two = count(ConsoleQuery.of(null, null, null, sort, 0, 2), 2);
			int fifty = count(ConsoleQuery.of(null, null, null, sort, 0, 50), 50);

			// The live codes and conversions' counts may be held for some programs and not others, and the page of two
			// may have read the catalog the default view is cut from: fifty rows never cost more than two statements
			// more than two rows.
			assertThat(two).as("sort %s", sort).isLessThanOrEqualTo(PAGE_STATEMENTS);
			assertThat(fifty).as("sort %s", sort).isLessThanOrEqualTo(PAGE_STATEMENTS).isLessThanOrEqualTo(two + 2);
		}
	}

	@Test
	void theDefaultViewOnceItsCatalogIsHeldReadsOnlyItsPagesPrograms() throws Exception {
		count(ConsoleQuery.of(null, null, null, null, 0, 50), 50);

		int again = count(ConsoleQuery.of(null, null, null, null, 0, 50), 50);
		int secondPage = count(ConsoleQuery.of(null, null, null, null, 1, 50), 10);

		// The settings, validations and open requests of the page; its live codes and conversions' counts are held.
		assertThat(again).isEqualTo(PAGE_STATEMENTS - 4);
		assertThat(secondPage).isBetween(PAGE_STATEMENTS - 4, PAGE_STATEMENTS - 2);
	}

	@Test
	void eachStateFilterIsStillOneQueryForThePage() throws Exception {
		for (ConsoleState state : ConsoleState.values()) {
			int statements = count(new ConsoleQuery(null, state, null, ConsoleSort.Order.DEFAULT, 0, 50), -1);

			assertThat(statements).as("%s", state).isLessThanOrEqualTo(PAGE_STATEMENTS);
		}
	}

	private int count(ConsoleQuery query, int expectedRows) throws Exception {
		ConsolePage[] page = new ConsolePage[1];
		int statements = StatementCounting.countOnThisThread(this.dataSource,
				() -> page[0] = this.console.list(this.admin, query)).statements();
		assertThat(page[0].total()).isGreaterThan(0);
		if (expectedRows >= 0) {
			assertThat(page[0].rows()).hasSize(expectedRows);
			assertThat(page[0].total()).isEqualTo(60);
		}
		return statements;
	}

}
