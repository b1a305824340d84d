package com.promotracking.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The housekeeping of the embedded H2 database's file, which H2 leaves undone when every commit is written before it
 * returns ({@code WRITE_DELAY=0}, our default URL: a killed process keeps what it acknowledged). H2 does that work
 * on the thread that writes commits in the background, and with no write delay there is no such thread. Each
 * commit writes a chunk of its own, and a chunk is reused only once none of its pages is live: one live page left
 * keeps a chunk in the file for good, so without housekeeping the file and the store's list of chunks (a record
 * each in the heap) grow with every commit, whatever the data.
 *
 * <p>
 * This asks the store, every {@link #EVERY}, to rewrite the live pages of its sparsest chunks into a new one, as
 * H2's own housekeeping does on a busy store; the emptied chunks are reused once H2's retention time (45 s) has
 * passed. Under sustained writes the file still holds that many seconds of chunks: the retention time is what
 * keeps the file sound if the machine itself stops before the disk has written them. It does nothing on any other
 * database (PostgreSQL, an in-memory H2), and never holds up a commit for long: a run rewrites a bounded amount.
 */
@Component
class H2StoreHousekeeping implements SmartLifecycle {

	/** How often the store is asked. */
	static final Duration EVERY = Duration.ofSeconds(5);

	/**
	 * Chunks whose live pages fill less than this (percent) are rewritten, while the store's chunks as a whole are
	 * that sparse: near what H2 aims at on a busy store. Higher, the same live pages would be rewritten over and
	 * over as the commits in between leave a few of them dead.
	 */
	static final int TARGET_FILL_RATE = 60;

	/** At most this much of live pages rewritten in one run. */
	static final int MOST_WRITTEN_AT_ONCE = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(H2StoreHousekeeping.class);

	private final DataSource dataSource;

	private final String url;

	private @Nullable ScheduledExecutorService runs;

	H2StoreHousekeeping(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
		this.dataSource = dataSource;
		this.url = url;
	}

	@Override
	public synchronized void start() {
		if (!writesEveryCommitToAFile()) {
			return;
		}
		ScheduledExecutorService runs = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "h2-housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		runs.scheduleWithFixedDelay(this::runOnce, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
		this.runs = runs;
		log.info("H2 housekeeping every {} s: the database writes each commit at once, and leaves it to us",
				EVERY.toSeconds());
	}

	/**
	 * Lets a run in progress finish rather than interrupting it: an H2 file whose thread is interrupted while it
	 * reads or writes is closed by the JVM, and the database with it.
	 */
	@Override
	public synchronized void stop() {
		ScheduledExecutorService runs = this.runs;
		if (runs != null) {
			runs.shutdown();
			try {
				runs.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.runs = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.runs != null;
	}

	/**
	 * Rewrites the sparsest chunks once; true when the store rewrote some. A failure is logged, not thrown: the
	 * next run tries again, and the data is never at stake (the store rewrites live pages into a new chunk before
	 * it lets go of the old ones).
	 */
	boolean runOnce() {
		try (Connection connection = this.dataSource.getConnection()) {
			MVStore store = fileStoreOf(connection);
			return store != null && !store.isClosed() && store.compact(TARGET_FILL_RATE, MOST_WRITTEN_AT_ONCE);
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("H2 housekeeping failed, to be tried again in {} s: {}", EVERY.toSeconds(), ex.toString());
			return false;
		}
	}

	private boolean writesEveryCommitToAFile() {
		if (!this.url.startsWith("jdbc:h2:")) {
			return false;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			MVStore store = fileStoreOf(connection);
			return store != null && store.getAutoCommitDelay() == 0;
		}
		catch (SQLException ex) {
			log.warn("H2 housekeeping not started, the database file grows with every commit: {}", ex.toString());
			return false;
		}
	}

	/** The store of an embedded H2 database in a file, or null for any other database. */
	private static @Nullable MVStore fileStoreOf(Connection connection) throws SQLException {
		if (!connection.isWrapperFor(JdbcConnection.class)
				|| !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
			return null;
		}
		MVStore store = session.getDatabase().getStore().getMvStore();
		return (store.getFileStore() != null && !store.isReadOnly()) ? store : null;
	}

}
