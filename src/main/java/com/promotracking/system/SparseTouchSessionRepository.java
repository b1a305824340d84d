package com.promotracking.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

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

	@Override
	public SparseTouch findById(String id) {
		Session session = this.sessions.findById(id);
		return (session != null) ? new SparseTouch(session) : null;
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
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
