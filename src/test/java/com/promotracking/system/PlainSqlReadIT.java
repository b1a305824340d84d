package com.promotracking.system;

import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads marked {@code kernel.PlainSqlRead} open no Hibernate session: they run without a transaction of their
 * own, and a JPA read inside one, without a transaction of its own either, would take a second connection from the
 * pool while the first is held. Hibernate counts the sessions it opens (statistics are on for this context only).
 * Each call is made once first, so that what is cached for a while (the program menus, a checked password) is in
 * place, then again while counting.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class PlainSqlReadIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	EntityManagerFactory entities;

	Http http;

	long us;

	@BeforeEach
	void program() {
		this.http = Http.on(this.port, this.json);
		this.us = this.http.program(ACME_US).id();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/promo-code-settings", "/promo-code-settings/history", "/promo-codes", "/conversions" })
	void aBrandAdminsApiReadsOpenNoHibernateSession(String path) {
		String call = "/api/programs/" + this.us + path;
		assertThat(sessionsOpenedBy(() -> this.http.api("GET", call, ALICE, null))).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/promo-codes", "/conversions" })
	void aPartnersApiReadsOpenNoHibernateSession(String path) {
		String call = "/api/programs/" + this.us + path;
		assertThat(sessionsOpenedBy(() -> this.http.api("GET", call, PAT, null))).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/settings/ad-settings", "/conversions" })
	void aBrandAdminsPagesOpenNoHibernateSession(String path) {
		Session alice = this.http.login(ALICE);
		String page = "/programs/" + this.us + path;
		assertThat(sessionsOpenedBy(() -> this.http.get(alice, page))).isZero();
	}

	/**
	 * A new code changes the program's matcher, which the conversions page then reads again through JPA in a
	 * transaction of its own, inside the page's plain read: Spring sets the page's connection aside meanwhile. The
	 * page answers, with that session, then again with none.
	 */
	@Test
	void aChangedMatcherIsReadInATransactionOfItsOwnInsideThePage() {
		Session alice = this.http.login(ALICE);
		String page = "/programs/" + this.us + "/conversions";
		assertThat(this.http.get(alice, page).status()).isEqualTo(200);
		this.http.put(ALICE, this.us, true, false);
		try {
			long corner = this.http.partnerId(ALICE, this.us, "Coupon Corner");
			assertThat(this.http.api("POST", "/api/programs/" + this.us + "/promo-codes", ALICE, "{\"partnerId\": "
					+ corner + ", \"code\": \"PLAINREAD\", \"creditPolicy\": \"always\"}").status())
				.isEqualTo(201);
			assertThat(sessionsOpenedWhile(() -> this.http.get(alice, page))).as("the matcher's own transaction")
				.isPositive();
			assertThat(sessionsOpenedBy(() -> this.http.get(alice, page))).isZero();
		}
		finally {
			this.http.put(ALICE, this.us, false, false);
		}
	}

	/** A read of the same program through JPA does open one: the count above could have failed. */
	@Test
	void aReadThroughJpaIsCounted() {
		String call = "/api/programs/" + this.us + "/event-types";
		assertThat(sessionsOpenedBy(() -> this.http.api("GET", call, ALICE, null))).isPositive();
	}

	/** The sessions the call opens once what it caches for a while is in place. */
	private long sessionsOpenedBy(Supplier<Response> call) {
		assertThat(call.get().status()).isEqualTo(200);
		return sessionsOpenedWhile(call);
	}

	private long sessionsOpenedWhile(Supplier<Response> call) {
		Statistics statistics = this.entities.unwrap(SessionFactory.class).getStatistics();
		long before = statistics.getSessionOpenCount();
		assertThat(call.get().status()).isEqualTo(200);
		return statistics.getSessionOpenCount() - before;
	}

}
