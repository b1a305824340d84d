package com.promotracking.sessions;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session repository that notes a session's "last used" time only when the stored one is older than a set
 * interval. The session filter sets that time on every request, and the JDBC repository turns every such change
 * into an UPDATE and a commit: one database write for each page a signed-in user opens, even when nothing in
 * the session changed. With this, a session in steady use is written about once a minute instead; a session
 * idle for its whole timeout still expires, at most that interval early. Changes to attributes (a login, a
 * CSRF token) are written as before.
 *
 * <p>It offers only what the session filter needs: finding a user's sessions by login (for "sign out
 * everywhere", say) would need the wrapped repository's {@code FindByIndexNameSessionRepository} passed on.
 */
final class SparseTouchSessionRepository
		implements SessionRepository<SparseTouchSessionRepository.SparseTouch>, DisposableBean {

	private static final ThreadLocal<ReadInRequest> READ_IN_REQUEST = new ThreadLocal<>();

	private final SessionRepository<Session> sessions;

	private final Duration interval;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	SparseTouchSessionRepository(SessionRepository<? extends Session> sessions, Duration interval) {
		// The JDBC repository's session type is not public; it only ever gets back its own sessions from here.
		this.sessions = (SessionRepository) sessions;
		this.interval = interval;
	}

	@Override
	public SparseTouch createSession() {
		return new SparseTouch(this.sessions.createSession());
	}

	@Override
	public void save(SparseTouch session) {
		this.sessions.save(session.session);
	}

	/**
	 * Within a request ({@link ReadOncePerRequest}), a session found once is found again without reading it again. The
	 * session filter reads the request's session a second time whenever the response was sent before the request
	 * ended (a redirect, a page longer than the response buffer): saving it on the way out clears what it had
	 * read, and it reads the session again only to learn its id (spring-session issue 1731). That was a query
	 * and the deserialisation of the login and the CSRF token on most saves and pages.
	 */
	@Override
	public SparseTouch findById(String id) {
		ReadInRequest read = READ_IN_REQUEST.get();
		if (read != null && read.session != null && read.session.getId().equals(id)) {
			return read.session;
		}
		Session session = this.sessions.findById(id);
		SparseTouch found = (session != null) ? new SparseTouch(session) : null;
		if (read != null) {
			read.session = found;
		}
		return found;
	}

	@Override
	public void deleteById(String id) {
		ReadInRequest read = READ_IN_REQUEST.get();
		if (read != null) {
			read.session = null;
		}
		this.sessions.deleteById(id);
	}

	/**
	 * The filter, just before the session filter, that gives each request its memory of the session it read; the
	 * memory goes with the request.
	 */
	static final class ReadOncePerRequest extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			READ_IN_REQUEST.set(new ReadInRequest());
			try {
				chain.doFilter(request, response);
			}
			finally {
				READ_IN_REQUEST.remove();
			}
		}

	}

	private static final class ReadInRequest {

		private SparseTouch session;

	}

	/** Stops the wrapped repository's clean-up of expired sessions with the application. */
	@Override
	public void destroy() throws Exception {
		if (this.sessions instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	/** A session whose "last used" time moves only in steps of at least the repository's interval. */
	final class SparseTouch implements Session {

		private final Session session;

		SparseTouch(Session session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Instant due = this.session.getLastAccessedTime().plus(SparseTouchSessionRepository.this.interval);
			if (!lastAccessedTime.isBefore(due)) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
