package com.promotracking.console;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A brand made by SQL for one test, with a brand admin of its own (alice's password) and programs in the states the
 * test needs, so that the programs of the other tests, which share the database, change nothing in it.
 */
record ConsoleBrand(JdbcTemplate jdbc, long id, String name, String admin) {

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36);

	private static final AtomicInteger BRANDS = new AtomicInteger();

	static ConsoleBrand create(JdbcTemplate jdbc) {
		int number = BRANDS.incrementAndGet();
		String name = "Console " + RUN + "-" + number;
		jdbc.update("insert into brand (name) values (?)", name);
		long id = jdbc.queryForObject("select id from brand where name = ?", Long.class, name);
		String admin = "console-" + RUN + "-" + number + "@test.example";
		jdbc.update("""
				insert into app_user (username, password_hash, display_name, role, brand_id)
				select ?, password_hash, 'Console Admin', 'BRAND_ADMIN', ? from app_user
				where username = 'alice@acme.example'""", admin, id);
		return new ConsoleBrand(jdbc, id, name, admin);
	}

	long program(String name, boolean validated) {
		this.jdbc.update("insert into program (brand_id, name) values (?, ?)", this.id, name);
		long id = this.jdbc.queryForObject("select id from program where brand_id = ? and name = ?", Long.class,
				this.id, name);
		this.jdbc.update("insert into promo_code_settings (program_id) values (?)", id);
		this.jdbc.update("""
				insert into program_partner (program_id, partner_id) select ?, id from partner
				where name = 'Coupon Corner'""", id);
		if (validated) {
			this.jdbc.update("""
					insert into event_type (program_id, name, kind, created_at)
					values (?, 'Online Sale', 'SALE', current_timestamp)""", id);
			this.jdbc.update("""
					insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload,
					    received_at, review_state, reviewed_at, reviewed_by)
					select id, 'T-1', 10.00, 'USD', 'VALID10', '{}', current_timestamp, 'APPROVED', current_timestamp,
					    'test' from event_type where program_id = ?""", id);
		}
		return id;
	}

	void track(long program, boolean requests) {
		this.jdbc.update("""
				update promo_code_settings set promo_code_tracking_enabled = true,
				    partner_promo_code_requests_allowed = ?, version = version + 1 where program_id = ?""", requests,
				program);
	}

	void openRequest(long program) {
		this.jdbc.update("""
				insert into promo_code_request (program_id, partner_id, state, created_at, created_by)
				select ?, id, 'OPEN', current_timestamp, 'quinn@coupons.example' from partner
				where name = 'Coupon Corner'""", program);
	}

	void liveCode(long program, String code) {
		this.jdbc.update("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    time_zone, created_at, created_by)
				select ?, id, ?, ?, 'EXACT', 'ALWAYS', timestamp with time zone '2025-01-01 00:00:00+00', 'UTC',
				    current_timestamp, 'test' from partner where name = 'Coupon Corner'""", program, code,
				"exact:" + code.toLowerCase());
		// As the promo code service does with every code it creates.
		this.jdbc.update("update program set codes_version = codes_version + 1 where id = ?", program);
	}

	/** The id of the brand's program of that name. */
	long id(String program) {
		return this.jdbc.queryForObject("select id from program where brand_id = ? and name = ?", Long.class, this.id,
				program);
	}

	/**
	 * Conversions of the program's last days (it must be validated, for its event type): {@code credited} credited by
	 * a code, {@code unknown} with a code the program does not know, and one of 40 days ago, which the console leaves
	 * out.
	 */
	void conversions(long program, int credited, int unknown) {
		String insert = """
				insert into conversion (program_id, order_id, event_type_id, occurred_at, received_at, amount, currency,
				    promo_code, clicks, credited_partner_id, attributed_by, promo_code_id, matched_code, credit_policy,
				    flags)
				select ?, ?, e.id, current_timestamp - cast(? as integer) * interval '1' day, current_timestamp, 10.00, 'USD', 'VALID10',
				    '', ?, ?, null, ?, 'ALWAYS', ? from event_type e where e.program_id = ?""";
		Long partner = this.jdbc.queryForObject("select id from partner where name = 'Coupon Corner'", Long.class);
		for (int i = 0; i < credited + unknown + 1; i++) {
			boolean old = i == credited + unknown;
			boolean code = i < credited || old;
			this.jdbc.update(insert, program, "C-" + program + "-" + i, old ? 40 : 1, code ? partner : null,
					code ? "PROMO_CODE" : "NONE", code ? "VALID10" : null, code ? "" : "code-unknown", program);
		}
	}

}
