package com.promotracking.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's file under many small commits, as the service writes them ({@code WRITE_DELAY=0}): left
 * alone, H2 keeps a chunk per commit, each mostly dead; the housekeeping has the live pages rewritten. H2's
 * retention time (how long a replaced chunk is kept) is cut from 45 s to 100 ms here, so that a test sees in a
 * second what a running service sees in a minute.
 */
class H2StoreHousekeepingTest {

	private static final int COMMITS = 1_500;

	@TempDir
	Path directory;

	private final Map<String, Connection> open = new HashMap<>();

	@AfterEach
	void close() throws SQLException {
		for (Connection connection : this.open.values()) {
			connection.close();
		}
	}

	@Test
	void leftAloneTheFileKeepsChunksOfEarlierCommitsMostlyDead() throws Exception {
		JdbcDataSource database = database("WRITE_DELAY=0");
		manySmallCommits(database);

		Map<String, Long> info = afterRetention(database);

		assertThat(info.get("CHUNK_COUNT")).as("chunks").isGreaterThan(100);
		assertThat(info.get("CHUNKS_FILL_RATE")).as("live data in the chunks, percent").isLessThan(20);
	}

	@Test
	void housekeepingHasTheLivePagesRewrittenSoTheDeadChunksGo() throws Exception {
		JdbcDataSource database = database("WRITE_DELAY=0");
		manySmallCommits(database);
		H2StoreHousekeeping housekeeping = new H2StoreHousekeeping(database, database.getURL());
		afterRetention(database);

		assertThat(housekeeping.runOnce()).as("chunks rewritten").isTrue();
		// The rewritten pages go out with the next commit; the chunks they leave are freed after the retention time.
		afterRetention(database);
		Map<String, Long> info = afterRetention(database);

		assertThat(info.get("CHUNK_COUNT")).as("chunks").isLessThan(20);
		assertThat(info.get("CHUNKS_FILL_RATE")).as("live data in the chunks, percent").isGreaterThan(50);
		assertThat(count(database, "select count(*) from history")).as("history rows").isEqualTo(COMMITS);
		assertThat(count(database, "select total from settings")).as("the settings' last value").isEqualTo(COMMITS);
	}

	@Test
	void startsOnlyForAnH2FileWhoseCommitsAreWrittenAtOnce() throws Exception {
		JdbcDataSource file = database("WRITE_DELAY=0");
		H2StoreHousekeeping everyCommit = new H2StoreHousekeeping(file, file.getURL());
		JdbcDataSource background = database("");
		H2StoreHousekeeping delayed = new H2StoreHousekeeping(background, background.getURL());
		JdbcDataSource memory = new JdbcDataSource();
		memory.setURL("jdbc:h2:mem:housekeeping");
		H2StoreHousekeeping inMemory = new H2StoreHousekeeping(memory, memory.getURL());
		H2StoreHousekeeping postgres = new H2StoreHousekeeping(file, "jdbc:postgresql://localhost/promo");

		everyCommit.start();
		delayed.start();
		inMemory.start();
		postgres.start();
		try {
			assertThat(everyCommit.isRunning()).isTrue();
			assertThat(delayed.isRunning()).as("H2 does its own housekeeping when it writes in the background")
				.isFalse();
			assertThat(inMemory.isRunning()).as("no file").isFalse();
			assertThat(inMemory.runOnce()).isFalse();
			assertThat(postgres.isRunning()).as("another database").isFalse();
		}
		finally {
			everyCommit.stop();
		}
		assertThat(everyCommit.isRunning()).isFalse();
	}

	private JdbcDataSource database(String settings) throws SQLException {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:file:" + this.directory.resolve("db" + this.open.size()) + ";RETENTION_TIME=100"
				+ (settings.isEmpty() ? "" : ";" + settings));
		database.setUser("sa");
		// One connection held open, as the pool does: the database stays open between the test's steps.
		this.open.put(database.getURL(), database.getConnection());
		return database;
	}

	private static void manySmallCommits(JdbcDataSource database) throws SQLException {
		try (Connection connection = database.getConnection();
				SaveLikeCommits commits = new SaveLikeCommits(connection)) {
			for (int commit = 1; commit <= COMMITS; commit++) {
				commits.commitOne();
			}
		}
	}

	/** The store's figures once its retention time has passed and a commit let it free what it may. */
	private static Map<String, Long> afterRetention(JdbcDataSource database) throws Exception {
		Thread.sleep(300);
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("create table if not exists tick (id int)");
			statement.executeUpdate("insert into tick values (1)");
			return SaveLikeCommits.storeFigures(connection);
		}
	}

	private static long count(JdbcDataSource database, String query) throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(query)) {
			row.next();
			return row.getLong(1);
		}
	}

}
