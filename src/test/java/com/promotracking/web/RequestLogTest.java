package com.promotracking.web;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request log line, request by request, without a server. */
class RequestLogTest {

	private final RequestLog filter = new RequestLog();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);

	private Level levelBefore;

	@BeforeEach
	void listen() {
		this.levelBefore = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void stopListening() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.levelBefore);
		SecurityContextHolder.clearContext();
	}

	@Test
	void theProgramIdComesFromPagesTheApiAndPartnerPages() {
		assertThat(RequestLog.programOf("/programs/12/settings/ad-settings")).isEqualTo("12");
		assertThat(RequestLog.programOf("/programs/12")).isEqualTo("12");
		assertThat(RequestLog.programOf("/api/programs/7/promo-code-settings/history")).isEqualTo("7");
		assertThat(RequestLog.programOf("/partner/programs/3/promo-code-requests/new")).isEqualTo("3");
		assertThat(RequestLog.programOf("/api/programs")).isNull();
		assertThat(RequestLog.programOf("/programs/abc/settings")).isNull();
		assertThat(RequestLog.programOf("/programsx/1")).isNull();
		assertThat(RequestLog.programOf("/settings")).isNull();
	}

	@Test
	void theOutcomeOfAWriteFollowsTheStatusAndALoginRedirect() {
		assertThat(RequestLog.outcomeOf(200, null)).isEqualTo("ok");
		assertThat(RequestLog.outcomeOf(201, null)).isEqualTo("ok");
		assertThat(RequestLog.outcomeOf(302, "/programs/1/settings/ad-settings")).isEqualTo("ok");
		assertThat(RequestLog.outcomeOf(302, "/login?logout")).isEqualTo("ok");
		assertThat(RequestLog.outcomeOf(302, "http://localhost:8080/login?error")).isEqualTo("refused");
		assertThat(RequestLog.outcomeOf(302, "/login?locked")).isEqualTo("refused");
		assertThat(RequestLog.outcomeOf(403, null)).isEqualTo("refused");
		assertThat(RequestLog.outcomeOf(422, null)).isEqualTo("refused");
		assertThat(RequestLog.outcomeOf(500, null)).isEqualTo("error");
		assertThat(RequestLog.outcomeOf(503, null)).isEqualTo("error");
	}

	@Test
	void aReadHasNoOutcomeAndNoQueryStringOrPathParameter() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET",
				"/api/programs/4/promo-code-settings/history;jsessionid=ABCDEF0123");
		request.setQueryString("page=0&size=5&token=secret");

		this.filter.doFilter(request, new MockHttpServletResponse(), signedIn("alice@acme.example", 200));

		assertThat(lines()).singleElement()
			.asString()
			.matches("GET /api/programs/4/promo-code-settings/history 200 \\d+ms user=alice@acme\\.example program=4");
	}

	@Test
	void aWriteHasItsOutcomeAndProblemType() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/programs/4/promo-code-settings");

		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			RequestLog.noteProblem(request, "promo-code-not-validated");
			signedIn("alice@acme.example", 422).doFilter(req, res);
		});

		assertThat(lines()).singleElement()
			.asString()
			.matches("PUT /api/programs/4/promo-code-settings 422 \\d+ms user=alice@acme\\.example program=4 "
					+ "outcome=refused problem=promo-code-not-validated");
	}

	@Test
	void logoutStillNamesTheUserItSignedOut() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("carol@csm.example", null,
					AuthorityUtils.createAuthorityList("ROLE_CSM")));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(new MockHttpServletRequest("POST", "/logout"), response, (req, res) -> {
			SecurityContextHolder.clearContext();
			((MockHttpServletResponse) res).sendRedirect("/login?logout");
		});

		assertThat(lines()).singleElement()
			.asString()
			.matches("POST /logout 302 \\d+ms user=carol@csm\\.example outcome=ok");
	}

	@Test
	void anExceptionThatEscapesIsLoggedAsA500Error() {
		MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/api/programs/9/event-types/3");

		assertThatThrownBy(() -> this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			throw new ServletException("boom");
		})).hasMessage("boom");

		assertThat(lines()).singleElement()
			.asString()
			.matches("DELETE /api/programs/9/event-types/3 500 \\d+ms user=- program=9 outcome=error");
	}

	@Test
	void aDatabaseThatCannotBeReachedIsLoggedAsThe503ItBecomes() {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/programs/9/promo-code-settings");

		assertThatThrownBy(() -> this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			throw new CannotCreateTransactionException("no connection");
		})).isInstanceOf(CannotCreateTransactionException.class);

		assertThat(lines()).singleElement()
			.asString()
			.matches("PUT /api/programs/9/promo-code-settings 503 \\d+ms user=- program=9 outcome=error");
	}

	@Test
	void staticFilesAndActuatorAreDebugOnly() throws Exception {
		for (String path : List.of("/assets/css/app.css", "/assets/js/app.js", "/assets/logo.png", "/favicon.ico", "/actuator",
				"/actuator/health/readiness", "/actuator/prometheus")) {
			this.filter.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(),
					(req, res) -> {
					});
		}
		assertThat(lines()).isEmpty();

		this.logger.setLevel(Level.DEBUG);
		this.filter.doFilter(new MockHttpServletRequest("GET", "/actuator/prometheus"), new MockHttpServletResponse(),
				(req, res) -> {
				});
		assertThat(this.appender.list).singleElement()
			.satisfies(event -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG))
			.satisfies(event -> assertThat(event.getFormattedMessage()).startsWith("GET /actuator/prometheus 200 "));
	}

	/** A chain that signs the user in, as HTTP Basic would, and answers with that status. */
	private static FilterChain signedIn(String user, int status) {
		return (request, response) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
						AuthorityUtils.createAuthorityList("ROLE_BRAND_ADMIN")));
			((MockHttpServletResponse) response).setStatus(status);
		};
	}

	private List<String> lines() {
		return new ArrayList<>(this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
	}

}
