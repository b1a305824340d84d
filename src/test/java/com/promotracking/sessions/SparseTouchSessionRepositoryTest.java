package com.promotracking.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import com.promotracking.sessions.SparseTouchSessionRepository.SparseTouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The repository that notes a session's "last used" time only once the stored one is a minute old, over an
 * in-memory repository in place of the JDBC one: a request soon after the last keeps the stored time (and so
 * costs no write), a later one moves it, and everything else goes straight through.
 */
class SparseTouchSessionRepositoryTest {

	static final Duration INTERVAL = Duration.ofMinutes(1);

	MapSessionRepository stored;

	SparseTouchSessionRepository sessions;

	@BeforeEach
	void overAnInMemoryRepository() {
		this.stored = new MapSessionRepository(new HashMap<>());
		this.sessions = new SparseTouchSessionRepository(this.stored, INTERVAL);
	}

	// ---------------------------------------------------------------- the last-used time

	@Test
	void aSessionFoundAgainWithinTheIntervalKeepsItsStoredLastAccessTime() {
		SparseTouch session = this.sessions.createSession();
		Instant lastUsed = session.getLastAccessedTime();
		this.sessions.save(session);

		SparseTouch found = this.sessions.findById(session.getId());
		// What the session filter does on every request.
		found.setLastAccessedTime(lastUsed.plusSeconds(59));

		assertThat(found.getLastAccessedTime()).isEqualTo(lastUsed);
		this.sessions.save(found);
		assertThat(this.stored.findById(session.getId()).getLastAccessedTime()).isEqualTo(lastUsed);
	}

	@Test
	void onceTheIntervalHasPassedTheNewLastAccessTimeIsTaken() {
		SparseTouch session = this.sessions.createSession();
		Instant lastUsed = session.getLastAccessedTime();
		this.sessions.save(session);

		SparseTouch found = this.sessions.findById(session.getId());
		found.setLastAccessedTime(lastUsed.plus(INTERVAL).plusSeconds(1));

		assertThat(found.getLastAccessedTime()).isEqualTo(lastUsed.plus(INTERVAL).plusSeconds(1));
		this.sessions.save(found);
		assertThat(this.stored.findById(session.getId()).getLastAccessedTime())
			.isEqualTo(lastUsed.plus(INTERVAL).plusSeconds(1));
	}

	@Test
	void aTimeExactlyOneIntervalLaterIsTaken() {
		SparseTouch session = this.sessions.createSession();
		Instant lastUsed = session.getLastAccessedTime();

		session.setLastAccessedTime(lastUsed.plus(INTERVAL));

		assertThat(session.getLastAccessedTime()).isEqualTo(lastUsed.plus(INTERVAL));
	}

	@Test
	void anEarlierTimeNeverMovesTheLastAccessTimeBack() {
		SparseTouch session = this.sessions.createSession();
		Instant lastUsed = session.getLastAccessedTime();

		session.setLastAccessedTime(lastUsed.minus(Duration.ofHours(1)));

		assertThat(session.getLastAccessedTime()).isEqualTo(lastUsed);
	}

	@Test
	void eachStepIsMeasuredFromTheLastTimeTaken() {
		SparseTouch session = this.sessions.createSession();
		Instant start = session.getLastAccessedTime();

		session.setLastAccessedTime(start.plusSeconds(90));
		session.setLastAccessedTime(start.plusSeconds(120));

		assertThat(session.getLastAccessedTime()).as("30 s after the time last taken").isEqualTo(start.plusSeconds(90));
		session.setLastAccessedTime(start.plusSeconds(150));
		assertThat(session.getLastAccessedTime()).isEqualTo(start.plusSeconds(150));
	}

	// ---------------------------------------------------------------- everything else goes through

	@Test
	void saveStoresTheAttributesSetOnTheSessionThroughTheWrappedRepository() {
		SparseTouch session = this.sessions.createSession();
		session.setAttribute("greeting", "hello");
		session.setAttribute("count", 3);
		this.sessions.save(session);

		SparseTouch found = this.sessions.findById(session.getId());

		assertThat(found).isNotNull();
		assertThat(found.getId()).isEqualTo(session.getId());
		assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("greeting", "count");
		assertThat(found.<String>getAttribute("greeting")).isEqualTo("hello");
		assertThat(found.<Integer>getAttribute("count")).isEqualTo(3);
		assertThat(found.getCreationTime()).isEqualTo(session.getCreationTime());
	}

	@Test
	void anAttributeChangedWithinTheIntervalIsStillSaved() {
		SparseTouch session = this.sessions.createSession();
		session.setAttribute("greeting", "hello");
		this.sessions.save(session);

		SparseTouch found = this.sessions.findById(session.getId());
		found.setLastAccessedTime(found.getLastAccessedTime().plusSeconds(5));
		found.setAttribute("greeting", "bonjour");
		found.removeAttribute("missing");
		this.sessions.save(found);

		assertThat(this.sessions.findById(session.getId()).<String>getAttribute("greeting")).isEqualTo("bonjour");
	}

	@Test
	void aRemovedAttributeIsGoneAfterSave() {
		SparseTouch session = this.sessions.createSession();
		session.setAttribute("greeting", "hello");
		this.sessions.save(session);

		SparseTouch found = this.sessions.findById(session.getId());
		found.removeAttribute("greeting");
		this.sessions.save(found);

		assertThat(this.sessions.findById(session.getId()).getAttributeNames()).isEmpty();
	}

	@Test
	void aChangedSessionIdIsFoundUnderTheNewIdOnlyAfterSave() {
		SparseTouch session = this.sessions.createSession();
		this.sessions.save(session);
		String oldId = session.getId();

		SparseTouch found = this.sessions.findById(oldId);
		String newId = found.changeSessionId();
		this.sessions.save(found);

		assertThat(newId).isNotEqualTo(oldId).isEqualTo(found.getId());
		assertThat(this.sessions.findById(newId)).isNotNull();
		assertThat(this.sessions.findById(oldId)).isNull();
	}

	@Test
	void theMaxInactiveIntervalIsTheWrappedSessions() {
		SparseTouch session = this.sessions.createSession();

		session.setMaxInactiveInterval(Duration.ofMinutes(30));
		this.sessions.save(session);

		assertThat(this.stored.findById(session.getId()).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.sessions.findById(session.getId()).getMaxInactiveInterval())
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(session.isExpired()).isFalse();
	}

	@Test
	void aSessionUnusedForLongerThanItsMaxInactiveIntervalIsExpiredAndNotFound() {
		MapSession idle = new MapSession();
		idle.setMaxInactiveInterval(Duration.ofMinutes(30));
		idle.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
		this.stored.save(idle);

		assertThat(this.sessions.new SparseTouch(idle).isExpired()).isTrue();
		assertThat(this.sessions.findById(idle.getId())).isNull();
	}

	@Test
	void findByIdOfAnUnknownIdIsNull() {
		assertThat(this.sessions.findById("no-such-session")).isNull();
	}

	@Test
	void deleteByIdDeletesTheSession() {
		SparseTouch session = this.sessions.createSession();
		this.sessions.save(session);
		assertThat(this.sessions.findById(session.getId())).isNotNull();

		this.sessions.deleteById(session.getId());

		assertThat(this.sessions.findById(session.getId())).isNull();
		assertThat(this.stored.findById(session.getId())).isNull();
	}

	// ---------------------------------------------------------------- one read per request

	@Test
	void withinARequestASessionFoundOnceIsFoundAgainWithoutAnotherRead() throws Exception {
		String id = storedSession();
		MapSessionRepository reads = spy(this.stored);
		SparseTouchSessionRepository sessions = new SparseTouchSessionRepository(reads, INTERVAL);
		List<SparseTouch> found = new ArrayList<>();

		inARequest(() -> {
			found.add(sessions.findById(id));
			found.add(sessions.findById(id));
		});

		assertThat(found.get(1)).isNotNull().isSameAs(found.get(0));
		verify(reads, times(1)).findById(id);
	}

	@Test
	void eachRequestAndEachFindOutsideARequestReadsTheSessionAfresh() throws Exception {
		String id = storedSession();
		MapSessionRepository reads = spy(this.stored);
		SparseTouchSessionRepository sessions = new SparseTouchSessionRepository(reads, INTERVAL);

		inARequest(() -> sessions.findById(id));
		inARequest(() -> sessions.findById(id));
		sessions.findById(id);
		sessions.findById(id);

		verify(reads, times(4)).findById(id);
	}

	@Test
	void aSessionDeletedWithinTheRequestIsNotFoundAgain() throws Exception {
		String id = storedSession();
		List<SparseTouch> found = new ArrayList<>();

		inARequest(() -> {
			this.sessions.findById(id);
			this.sessions.deleteById(id);
			found.add(this.sessions.findById(id));
		});

		assertThat(found).containsOnlyNulls();
	}

	@Test
	void aSessionWhoseIdChangedWithinTheRequestIsNotFoundUnderItsOldId() throws Exception {
		String id = storedSession();
		List<SparseTouch> found = new ArrayList<>();

		inARequest(() -> {
			SparseTouch session = this.sessions.findById(id);
			session.changeSessionId();
			this.sessions.save(session);
			found.add(this.sessions.findById(id));
		});

		assertThat(found).containsOnlyNulls();
	}

	/** Runs the work as a request would, behind the filter that gives it its memory of the session it read. */
	private static void inARequest(Runnable work) throws Exception {
		new SparseTouchSessionRepository.ReadOncePerRequest().doFilter(new MockHttpServletRequest(),
				new MockHttpServletResponse(), (request, response) -> work.run());
	}

	private String storedSession() {
		SparseTouch session = this.sessions.createSession();
		this.sessions.save(session);
		return session.getId();
	}

	// ---------------------------------------------------------------- shutdown

	/** The JDBC repository is both: its clean-up of expired sessions stops when it is destroyed. */
	interface DisposableSessions extends SessionRepository<Session>, DisposableBean {
	}

	@Test
	void destroyDestroysAWrappedRepositoryThatIsADisposableBean() throws Exception {
		DisposableSessions disposable = mock(DisposableSessions.class);

		new SparseTouchSessionRepository(disposable, INTERVAL).destroy();

		verify(disposable).destroy();
	}

	@Test
	void destroyLeavesAWrappedRepositoryThatIsNoDisposableBeanAlone() {
		assertThatNoException().isThrownBy(this.sessions::destroy);
	}

}
