package com.promotracking.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;

import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guards the Ad settings page against N+1 reads and whole-table reads without timing anything: rendering it
 * and saving it issue a small, fixed number of SQL statements, however many history entries the program
 * has. Statements are counted where they reach the database's driver, so plain JDBC (the history) and JPA
 * (the rest) count alike, and so do the statements of the session store.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AdSettingsQueryCountTest.CountStatements.class)
class AdSettingsQueryCountTest {

	/**
	 * Program, settings, validation, a page of history, the brand's CSM, and the user's brands and programs for the
	 * menus when the catalog's cache does not hold them yet.
	 */
	static final int PAGE_STATEMENTS = 7;

	/** Program, locked settings row, validation, the update and its history entry (then a redirect). */
	static final int SAVE_STATEMENTS = 5;

	/**
	 * The request of the test comes without a session; the page's form needs a CSRF token, so Spring Session
	 * stores a new session with it: the session and its attribute. A browser pays this once per login.
	 */
	static final int NEW_SESSION_STATEMENTS = 2;

	/** A page of history and a handful of programs and settings rows: nowhere near the 500 entries. */
	static final int ROWS_READ = 40;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** The application's own, wrapped by {@link CountStatements}. */
	@Autowired
	DataSource dataSource;

	CountingDataSource statements;

	CurrentUser alice;

	long acmeUs;

	@BeforeEach
	void aliceWithHistory() {
		this.acmeUs = this.jdbc.queryForObject("select id from program where name = 'Acme Outdoor US'", Long.class);
		long aliceId = this.jdbc.queryForObject("select id from app_user where username = 'alice@acme.example'",
				Long.class);
		long acme = this.jdbc.queryForObject("select id from brand where name = 'Acme Outdoor'", Long.class);
		this.statements = (CountingDataSource) this.dataSource;
		this.alice = new CurrentUser(aliceId, "alice@acme.example", "Alice Martin", Role.BRAND_ADMIN, Set.of(acme));
		this.jdbc.update("""
				insert into history_entry (program_id, acting_for_brand_id, acting_for_brand_name, occurred_at, actor,
				    actor_role, channel, outcome, subject_type, subject_id, subject_label, changes)
				select ?, ?, 'Acme Outdoor', current_timestamp, 'alice@acme.example', 'BRAND_ADMIN', 'API', 'CHANGED',
				    'PROMO_CODE_SETTINGS', ?, 'Acme Outdoor US', '{}' from system_range(1, 500)""", this.acmeUs, acme,
				this.acmeUs);
	}

	@Test
	void renderingTheAdSettingsPageIssuesAFixedSmallNumberOfStatements() throws Exception {
		Issued issued = this.statements.countOnThisThread(() -> this.mvc
			.perform(get("/programs/" + this.acmeUs + "/settings/ad-settings")
				.with(authentication(SignedInUsers.authenticationOf(this.alice))))
			.andExpect(status().isOk()));

		assertThat(issued.statements()).isLessThanOrEqualTo(PAGE_STATEMENTS + NEW_SESSION_STATEMENTS);
		assertThat(issued.rows()).as("rows read, with 500 history entries").isLessThan(ROWS_READ);
	}

	@Test
	void savingTheFormIssuesAFixedSmallNumberOfStatements() throws Exception {
		Issued issued = this.statements.countOnThisThread(() -> this.mvc
			.perform(post("/programs/" + this.acmeUs + "/settings/ad-settings").param("promoCodeTrackingEnabled", "true")
				.with(csrf())
				.with(authentication(SignedInUsers.authenticationOf(this.alice))))
			.andExpect(status().isFound()));

		assertThat(issued.statements()).isLessThanOrEqualTo(SAVE_STATEMENTS);
		assertThat(issued.rows()).as("rows read, with 500 history entries").isLessThan(ROWS_READ);
		this.mvc.perform(post("/programs/" + this.acmeUs + "/settings/ad-settings").with(csrf())
			.with(authentication(SignedInUsers.authenticationOf(this.alice)))).andExpect(status().isFound());
	}

	/**
	 * A save answers with a redirect, which sends the response before the request ends; the session filter then
	 * asked for the session a second time (see SparseTouchSessionRepository.findById). It reads it once.
	 */
	@Test
	void aSaveWithItsSessionReadsTheSessionOnce() throws Exception {
		Cookie session = this.mvc.perform(get("/programs/" + this.acmeUs + "/settings/ad-settings")
			.with(authentication(SignedInUsers.authenticationOf(this.alice))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the page opened a session").isNotNull();

		Issued issued = this.statements.countOnThisThread(() -> this.mvc
			.perform(post("/programs/" + this.acmeUs + "/settings/ad-settings").param("promoCodeTrackingEnabled", "true")
				.cookie(session)
				.with(csrf())
				.with(authentication(SignedInUsers.authenticationOf(this.alice))))
			.andExpect(status().isFound()));

		assertThat(issued.statements()).as("the save, and one read of the session").isEqualTo(SAVE_STATEMENTS + 1);
		this.mvc.perform(post("/programs/" + this.acmeUs + "/settings/ad-settings").with(csrf())
			.with(authentication(SignedInUsers.authenticationOf(this.alice)))).andExpect(status().isFound());
	}

	@Test
	void theCounterSeesEveryStatementItIsShown() throws Exception {
		int entries = this.jdbc.queryForObject("select count(*) from history_entry where program_id = ?", Integer.class,
				this.acmeUs);

		Issued issued = this.statements.countOnThisThread(() -> {
			this.jdbc.queryForList("select id from history_entry where program_id = ?", Long.class, this.acmeUs);
			this.jdbc.update("update program set name = name where id = ?", this.acmeUs);
		});

		assertThat(entries).isGreaterThanOrEqualTo(500);
		assertThat(issued).isEqualTo(new Issued(2, entries));
	}

	interface Work {

		void run() throws Exception;

	}

	/** What a piece of work asked of the database. */
	record Issued(int statements, int rows) {
	}

	/** Counts the statements prepared, and the rows read, on one thread while a piece of work runs. */
	static class CountingDataSource extends DelegatingDataSource {

		private static final Set<String> STATEMENT_MAKERS = Set.of("prepareStatement", "prepareCall",
				"createStatement");

		private static final Set<String> RESULT_MAKERS = Set.of("executeQuery", "getResultSet");

		private final ThreadLocal<int[]> counter = new ThreadLocal<>();

		CountingDataSource(DataSource target) {
			super(target);
		}

		Issued countOnThisThread(Work work) throws Exception {
			int[] count = new int[2];
			this.counter.set(count);
			try {
				work.run();
			}
			finally {
				this.counter.remove();
			}
			return new Issued(count[0], count[1]);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private Connection counting(Connection connection) {
			return proxy(Connection.class, connection, (method, result) -> {
				int[] count = this.counter.get();
				if (count == null || !STATEMENT_MAKERS.contains(method)) {
					return result;
				}
				count[0]++;
				Class<? extends Statement> type = switch (method) {
					case "prepareCall" -> CallableStatement.class;
					case "prepareStatement" -> PreparedStatement.class;
					default -> Statement.class;
				};
				return proxy(type, (Statement) result, this::countingRows);
			});
		}

		private Object countingRows(String method, Object result) {
			int[] count = this.counter.get();
			if (count == null || !RESULT_MAKERS.contains(method) || result == null) {
				return result;
			}
			return proxy(ResultSet.class, (ResultSet) result, (next, found) -> {
				if (next.equals("next") && Boolean.TRUE.equals(found)) {
					count[1]++;
				}
				return found;
			});
		}

		interface OnReturn {

			Object apply(String method, Object result);

		}

		private static <T> T proxy(Class<T> type, Object target, OnReturn onReturn) {
			return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						try {
							return onReturn.apply(method.getName(), method.invoke(target, args));
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					}));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountStatements {

		/** Wraps the application's data source, so everything that uses it is counted. */
		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource))
							? new CountingDataSource(dataSource) : bean;
				}
			};
		}

	}

}
