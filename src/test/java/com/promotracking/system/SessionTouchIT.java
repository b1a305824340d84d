package com.promotracking.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Program;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions in the database are not written for every page a signed-in user opens: the stored "last used" time
 * moves only once it is more than a minute old ({@link SparseTouchSessionRepository}). Read from the
 * {@code SPRING_SESSION} table itself, over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionTouchIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	Program program;

	@BeforeEach
	void connect() {
		this.http = Http.on(this.port, this.json);
		this.program = this.http.program(ACME_US);
	}

	@Test
	void openingPagesSoonAfterSigningInWritesNoNewLastAccessTime() {
		Session alice = this.http.login(ALICE);
		StoredSession afterLogin = storedSessionOf(alice);
		String page = Http.adSettingsPath(this.program.id());

		Response first = this.http.get(alice, page);
		Response second = this.http.get(alice, page);

		assertThat(first.status()).as("%s", first).isEqualTo(200);
		assertThat(second.status()).as("%s", second).isEqualTo(200);
		assertThat(first.sessionSetCookie()).as("the same session goes on").isEmpty();
		assertThat(second.sessionSetCookie()).isEmpty();
		StoredSession afterPages = storedSessionOf(alice);
		assertThat(afterPages.primaryId()).isEqualTo(afterLogin.primaryId());
		assertThat(afterPages.lastAccessTime()).as("last access time").isEqualTo(afterLogin.lastAccessTime());
		assertThat(afterPages.expiryTime()).as("expiry time").isEqualTo(afterLogin.expiryTime());
	}

	@Test
	void pagesOpenedAllAtOnceRightAfterSigningInAllAnswer() throws Exception {
		// Signing in clears the session's CSRF token: each of these pages makes one and adds it to the session.
		Session alice = this.http.login(ALICE);
		String page = Http.adSettingsPath(this.program.id());
		int pages = 16;
		ExecutorService pool = Executors.newFixedThreadPool(pages);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < pages; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.http.get(alice, page);
				}));
			}
			start.countDown();
			for (Future<Response> answer : answers) {
				Response response = answer.get(60, TimeUnit.SECONDS);
				assertThat(response.status()).as("%s", response).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id"
						+ " where s.session_id = ? and a.attribute_name like '%CsrfToken%'",
				Integer.class, sessionIdOf(alice)))
			.as("one CSRF token in the session")
			.isEqualTo(1);
	}

	@Test
	void aSessionLastUsedMoreThanAMinuteAgoGetsANewLastAccessTimeOnTheNextRequest() {
		Session alice = this.http.login(ALICE);
		StoredSession afterLogin = storedSessionOf(alice);
		long fiveMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
		long maxInactive = Duration.ofSeconds(afterLogin.maxInactiveInterval()).toMillis();
		assertThat(maxInactive).as("the timeout outlasts the five minutes").isGreaterThan(Duration.ofMinutes(5).toMillis());
		int updated = this.jdbc.update(
				"update SPRING_SESSION set LAST_ACCESS_TIME = ?, EXPIRY_TIME = ? where PRIMARY_ID = ?", fiveMinutesAgo,
				fiveMinutesAgo + maxInactive, afterLogin.primaryId());
		assertThat(updated).isEqualTo(1);
		long beforeRequest = System.currentTimeMillis();

		Response page = this.http.get(alice, Http.adSettingsPath(this.program.id()));

		long afterRequest = System.currentTimeMillis();
		assertThat(page.status()).as("still signed in: %s", page).isEqualTo(200);
		StoredSession touched = storedSessionOf(alice);
		assertThat(touched.primaryId()).isEqualTo(afterLogin.primaryId());
		assertThat(touched.lastAccessTime()).as("last access time").isBetween(beforeRequest, afterRequest);
		assertThat(touched.expiryTime()).as("expiry time").isEqualTo(touched.lastAccessTime() + maxInactive);

		// And the time just written holds for the next minute.
		assertThat(this.http.get(alice, Http.adSettingsPath(this.program.id())).status()).isEqualTo(200);
		assertThat(storedSessionOf(alice).lastAccessTime()).isEqualTo(touched.lastAccessTime());
	}

	@Test
	void theSessionCookieCarriesTheStoredSessionIdInBase64() {
		Session alice = this.http.login(ALICE);

		String sessionId = sessionIdOf(alice);

		assertThat(sessionId).isNotEqualTo(alice.id());
		assertThat(this.jdbc.queryForObject("select count(*) from SPRING_SESSION where SESSION_ID = ?", Integer.class,
				sessionId))
			.isEqualTo(1);
	}

	// ---------------------------------------------------------------- helpers

	/** A row of {@code SPRING_SESSION}; times in milliseconds since the epoch, the interval in seconds. */
	record StoredSession(String primaryId, long lastAccessTime, long expiryTime, int maxInactiveInterval) {
	}

	private StoredSession storedSessionOf(Session browser) {
		return this.jdbc.queryForObject(
				"select PRIMARY_ID, LAST_ACCESS_TIME, EXPIRY_TIME, MAX_INACTIVE_INTERVAL from SPRING_SESSION "
						+ "where SESSION_ID = ?",
				(row, number) -> new StoredSession(row.getString("PRIMARY_ID"), row.getLong("LAST_ACCESS_TIME"),
						row.getLong("EXPIRY_TIME"), row.getInt("MAX_INACTIVE_INTERVAL")),
				sessionIdOf(browser));
	}

	/** Spring Session's cookie serializer writes the session id in Base64. */
	private static String sessionIdOf(Session browser) {
		assertThat(browser.id()).as("session cookie").isNotNull();
		return new String(Base64.getDecoder().decode(browser.id()), StandardCharsets.UTF_8);
	}

}
