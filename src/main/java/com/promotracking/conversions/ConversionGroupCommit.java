package com.promotracking.conversions;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import com.promotracking.conversions.ConversionService.Answer;
import com.promotracking.conversions.ConversionService.Posted;
import com.promotracking.conversions.ConversionService.Recorded;
import com.promotracking.kernel.DomainException;
import com.promotracking.users.CurrentUser;

/**
 * Group commit of single conversions: conversions posted at once are stored together, in one transaction
 * ({@link ConversionService#recordGroup}), so they share its commit (on H2, a chunk written to the file for each
 * commit) and its reads, as the items of a batch do. Each caller still gets the answer it would have got alone, and
 * only once the transaction holding its conversion committed.
 *
 * <p>No thread of its own and no waiting window: the request threads take turns. A caller that finds no group
 * being written writes one itself, with whatever was queued meanwhile; it is alone when nothing was, and then
 * takes the path of one conversion. Callers arriving while a group is written queue and wait; when it is done, one
 * of them writes the next group, with all of them. The busier the service, the larger the groups.
 */
@Component
class ConversionGroupCommit {

	/** As a batch: one read of the group's order ids and one JDBC batch of inserts, of a bounded size. */
	static final int MAX_GROUP = 500;

	/** Beyond this, a caller stores its conversion alone rather than be refused or wait longer. */
	static final int MAX_QUEUED = 2 * MAX_GROUP;

	/**
	 * How long a caller waits for the group holding its conversion to commit before it answers 503 (and may retry:
	 * a conversion that committed meanwhile is then answered as a replay). A group is written by a request thread
	 * like any other request, so this is only a bound for a database that stopped answering; it is shorter than
	 * the proxy's read timeout (deploy/nginx.conf), so the caller hears 503 rather than a gateway timeout.
	 */
	static final Duration PATIENCE = Duration.ofSeconds(20);

	private final ConversionService conversions;

	private final int maxGroup;

	private final int maxQueued;

	private final long patienceNanos;

	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled whenever a group has been written: its callers have their answers, and the writer's turn is free. */
	private final Condition written = this.lock.newCondition();

	private final ArrayDeque<Pending> queue = new ArrayDeque<>();

	private boolean writing;

	@Autowired
	ConversionGroupCommit(ConversionService conversions) {
		this(conversions, MAX_GROUP, MAX_QUEUED, PATIENCE);
	}

	ConversionGroupCommit(ConversionService conversions, int maxGroup, int maxQueued, Duration patience) {
		this.conversions = conversions;
		this.maxGroup = maxGroup;
		this.maxQueued = maxQueued;
		this.patienceNanos = patience.toNanos();
	}

	/** As {@link ConversionService#record}, stored in a group with the conversions posted at the same time. */
	Recorded record(CurrentUser user, long programId, NewConversion conversion) {
		Pending mine = new Pending(new Posted(user, programId, conversion));
		if (!queued(mine)) {
			return this.conversions.record(user, programId, conversion);
		}
		long deadline = System.nanoTime() + this.patienceNanos;
		for (List<Pending> group = turnOrAnswer(mine, deadline); group != null; group = turnOrAnswer(mine,
				deadline)) {
			write(group);
		}
		if (mine.storeAlone) {
			return this.conversions.record(user, programId, conversion);
		}
		if (mine.failure instanceof RuntimeException failure) {
			throw failure;
		}
		if (mine.failure instanceof Error failure) {
			throw failure;
		}
		return mine.answer.orThrow();
	}

	private boolean queued(Pending pending) {
		this.lock.lock();
		try {
			return this.queue.size() < this.maxQueued && this.queue.add(pending);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until {@code mine} is answered (then null) or until no group is being written: then the caller writes
	 * the next one, the queue's oldest conversions, and gets them.
	 */
	private @Nullable List<Pending> turnOrAnswer(Pending mine, long deadline) {
		this.lock.lock();
		try {
			while (!mine.answered()) {
				if (!this.writing) {
					this.writing = true;
					List<Pending> group = new ArrayList<>();
					while (group.size() < this.maxGroup && !this.queue.isEmpty()) {
						group.add(this.queue.poll());
					}
					return group;
				}
				long left = deadline - System.nanoTime();
				boolean interrupted = false;
				if (left > 0) {
					try {
						this.written.awaitNanos(left);
						continue;
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
				}
				// Still queued, it is never stored; taken into a group, it may be, and a retry will say.
				this.queue.remove(mine);
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
				throw new DataAccessResourceFailureException(
						"The conversion's group was not written in time: the database does not answer");
			}
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Writes a group and answers each of its callers, whatever happens; then lets the next writer go. */
	private void write(List<Pending> group) {
		try {
			answer(group);
		}
		catch (RuntimeException | Error failure) {
			// The database is unreachable, or a bug: every caller of the group hears it, as it would have alone.
			group.forEach(pending -> pending.failure = failure);
		}
		finally {
			this.lock.lock();
			try {
				this.writing = false;
				this.written.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	private void answer(List<Pending> group) {
		if (group.size() == 1) {
			// Alone: the path of one conversion, which reads no order id before its insert.
			Posted posted = group.get(0).posted;
			Answer answer;
			try {
				answer = Answer.of(this.conversions.record(posted.user(), posted.programId(), posted.conversion()));
			}
			catch (DomainException refusal) {
				answer = Answer.refused(refusal);
			}
			group.get(0).answer = answer;
			return;
		}
		List<Answer> answers;
		try {
			answers = this.conversions.recordGroup(group.stream().map(pending -> pending.posted).toList());
		}
		catch (DataIntegrityViolationException ex) {
			// The data changed under the group (an order id stored meanwhile by another instance or a batch, the
			// figures' race) and nothing of it was stored. Each caller stores its own through the path of one
			// conversion, which answers such a race on its own, so no answer depends on how conversions were grouped.
			group.forEach(pending -> pending.storeAlone = true);
			return;
		}
		for (int i = 0; i < group.size(); i++) {
			group.get(i).answer = answers.get(i);
		}
	}

	/**
	 * A caller's conversion until its group is written, then what the caller is told. Written by the group's
	 * writer before it frees its turn under the lock, and read by the caller after it saw it answered under the
	 * same lock.
	 */
	private static final class Pending {

		final Posted posted;

		@Nullable Answer answer;

		@Nullable Throwable failure;

		boolean storeAlone;

		Pending(Posted posted) {
			this.posted = posted;
		}

		boolean answered() {
			return this.answer != null || this.failure != null || this.storeAlone;
		}

	}

}
