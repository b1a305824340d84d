package com.promotracking.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.EntityManagerFactory;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema Flyway builds, in the test H2: Hibernate accepts it for every entity, and its constraints refuse
 * what the service refuses, so nothing that bypasses the service can store it either.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class FlywaySchemaTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Environment environment;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@BeforeEach
	void aProgramWithAnEventType() {
		this.jdbc.update("insert into brand (id, name) values (10, 'Acme Outdoor')");
		this.jdbc.update("insert into program (id, brand_id, name) values (100, 10, 'Acme Outdoor US')");
		this.jdbc.update("insert into event_type (id, program_id, name, kind, created_at) values (?, 100, ?, 'SALE', ?)",
				1001, "Online Sale", Timestamp.from(Instant.parse("2026-10-01T09:00:00Z")));
		this.jdbc.update("insert into event_type (id, program_id, name, kind, created_at) values (?, 100, ?, 'LEAD', ?)",
				1002, "Newsletter Lead", Timestamp.from(Instant.parse("2026-10-01T09:00:00Z")));
	}

	@Test
	void flywayMigratedAnInMemoryDatabaseAndHibernateValidatedEveryEntityAgainstIt() throws Exception {
		assertThat(this.environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:");
		assertThat(this.environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		List<String> migrations = Stream
			.concat(Arrays.stream(resources.getResources("classpath:db/migration/V*__*.*")),
					Arrays.stream(resources.getResources("classpath:db/vendor/h2/V*__*.*")))
			.map(resource -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
			.toList();
		assertThat(migrations).contains("1", "14");
		assertThat(this.jdbc.queryForList(
				"select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null",
				String.class))
			.containsExactlyInAnyOrderElementsOf(migrations);
		assertThat(this.entityManagerFactory.getMetamodel().getEntities()).extracting(type -> type.getName())
			.contains("Brand", "Program", "EventType", "TestAction", "PromoCodeSettings", "UserAccount");
	}

	@Test
	void suggestedCodesStoredJoinedByAnEarlierVersionBecomeRowsInTheirOrder() throws Exception {
		String url = "jdbc:h2:mem:v6-" + UUID.randomUUID();
		// One connection throughout, as the application's pool keeps them open: H2 evaluates a check constraint in
		// the session that created it, and an in-memory database lives only while a connection is open.
		try (Connection open = DriverManager.getConnection(url, "sa", "")) {
			SingleConnectionDataSource one = new SingleConnectionDataSource(open, true);
			Flyway.configure().dataSource(one).target("5").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(one);
			jdbc.execute("insert into brand (id, name) values (1, 'B')");
			jdbc.execute("insert into program (id, brand_id, name) values (1, 1, 'P')");
			jdbc.execute("insert into partner (id, name) values (1, 'Q')");
			String request = """
					insert into promo_code_request (id, program_id, partner_id, suggested_codes, state, created_at,
					    created_by) values (?, 1, 1, ?, 'OPEN', current_timestamp, 'q')""";
			jdbc.update(request, 7, "TRAIL15 TRAIL16 ZZ9");
			jdbc.update(request, 8, "ONE");

			Flyway.configure().dataSource(one).load().migrate();

			assertThat(jdbc.queryForList("""
					select request_id || ':' || code_order || ':' || code from promo_code_request_code
					order by request_id, code_order""", String.class))
				.containsExactly("7:0:TRAIL15", "7:1:TRAIL16", "7:2:ZZ9", "8:0:ONE");
			assertThat(jdbc.queryForObject("""
					select count(*) from information_schema.columns
					where lower(table_name) = 'promo_code_request' and lower(column_name) = 'suggested_codes'""",
					Integer.class)).isZero();
		}
	}

	@Test
	void h2HandsOutTheIdsOfBulkInsertedTablesAThousandAtATime() {
		assertThat(this.jdbc.queryForList("""
				select lower(table_name) || ':' || identity_cache from information_schema.columns
				where lower(column_name) = 'id' and lower(table_name) in ('promo_code', 'conversion', 'history_entry')
				order by 1""", String.class))
			.containsExactly("conversion:1000", "history_entry:32", "promo_code:1000");
	}

	@Test
	void theSchemaStartsWithoutDemoData() {
		assertThat(this.jdbc.queryForObject("select count(*) from brand where name = 'Globex'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from demo_data_load where loaded_at is null",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void newSettingsAreBothOffAtVersionZero() {
		this.jdbc.update("insert into promo_code_settings (program_id) values (100)");

		assertThat(this.jdbc.queryForMap("""
				select promo_code_tracking_enabled, partner_promo_code_requests_allowed, version
				from promo_code_settings where program_id = 100"""))
			.containsEntry("PROMO_CODE_TRACKING_ENABLED", false)
			.containsEntry("PARTNER_PROMO_CODE_REQUESTS_ALLOWED", false)
			.containsEntry("VERSION", 0L);
	}

	@Test
	void theDatabaseRefusesToStorePartnerRequestsWithoutTracking() {
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into promo_code_settings (program_id, promo_code_tracking_enabled,
				    partner_promo_code_requests_allowed) values (100, false, true)"""))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("CK_REQUESTS_NEED_TRACKING");
		assertThat(this.jdbc.queryForObject("select count(*) from promo_code_settings", Integer.class)).isZero();
	}

	@Test
	void theDatabaseRefusesToTurnTrackingOffUnderPartnerRequests() {
		this.jdbc.update("""
				insert into promo_code_settings (program_id, promo_code_tracking_enabled,
				    partner_promo_code_requests_allowed) values (100, true, true)""");

		assertThatThrownBy(() -> this.jdbc
			.update("update promo_code_settings set promo_code_tracking_enabled = false where program_id = 100"))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("CK_REQUESTS_NEED_TRACKING");
		assertThat(this.jdbc.queryForObject(
				"select promo_code_tracking_enabled from promo_code_settings where program_id = 100", Boolean.class))
			.isTrue();
	}

	@Test
	void theDatabaseAcceptsEveryAllowedCombination() {
		this.jdbc.update("insert into program (id, brand_id, name) values (101, 10, 'Two')");
		this.jdbc.update("insert into program (id, brand_id, name) values (102, 10, 'Three')");

		this.jdbc.update("insert into promo_code_settings (program_id, promo_code_tracking_enabled, "
				+ "partner_promo_code_requests_allowed) values (100, false, false)");
		this.jdbc.update("insert into promo_code_settings (program_id, promo_code_tracking_enabled, "
				+ "partner_promo_code_requests_allowed) values (101, true, false)");
		this.jdbc.update("insert into promo_code_settings (program_id, promo_code_tracking_enabled, "
				+ "partner_promo_code_requests_allowed) values (102, true, true)");

		assertThat(this.jdbc.queryForObject("select count(*) from promo_code_settings", Integer.class)).isEqualTo(3);
	}

	@Test
	void anOrderIdIsUniqueWithinAnEventType() {
		insertTestAction(1, 1001, "TEST-1");

		assertThatThrownBy(() -> insertTestAction(2, 1001, "TEST-1")).isInstanceOf(DuplicateKeyException.class)
			.hasMessageContaining("UK_TEST_ACTION_ORDER");
	}

	@Test
	void theSameOrderIdMayBeUsedByAnotherEventType() {
		insertTestAction(1, 1001, "TEST-1");
		insertTestAction(2, 1002, "TEST-1");

		assertThat(this.jdbc.queryForObject("select count(*) from test_action where order_id = 'TEST-1'",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void aTestActionNeedsAKnownReviewState() {
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into test_action (id, event_type_id, order_id, amount, currency, payload, received_at, review_state)
				values (1, 1001, 'TEST-1', 10.00, 'USD', '{}', current_timestamp, 'MAYBE')"""))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anOperatorBelongsToNoBrandAndNoPartnerAndRolesStayKnown() {
		this.jdbc.update("""
				insert into app_user (username, password_hash, display_name, role)
				values ('ops@example.test', '{noop}x', 'Ops', 'OPERATOR')""");

		assertThatThrownBy(() -> this.jdbc.update("""
				insert into app_user (username, password_hash, display_name, role, brand_id)
				values ('ops2@example.test', '{noop}x', 'Ops', 'OPERATOR', 10)"""))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("CK_APP_USER_OPERATOR");
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into app_user (username, password_hash, display_name, role)
				values ('root@example.test', '{noop}x', 'Root', 'ROOT')"""))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("CK_APP_USER_ROLE");
	}

	private void insertTestAction(long id, long eventTypeId, String orderId) {
		this.jdbc.update("""
				insert into test_action (id, event_type_id, order_id, amount, currency, promo_code, payload, received_at,
				    review_state) values (?, ?, ?, 10.00, 'USD', 'SUMMER10', '{}', current_timestamp, 'PENDING')""", id,
				eventTypeId, orderId);
	}

}
