package com.promotracking.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * The embedded database's file under steady small commits, with and without {@link H2StoreHousekeeping}, side by
 * side: two H2 files with the default URL's {@code WRITE_DELAY=0} and H2's own 45 s retention, each written by its
 * own thread at the same pace (a history row and a settings update per commit, beside 50,000 rows written once),
 * with a pause of a minute in the middle. Every minute it prints each file's size, its chunks and how full of live
 * data they are. Not a test: it takes minutes, and its figures belong to a benchmark run.
 * Usage: {@code java -cp <test classpath> com.promotracking.database.H2FileGrowthBenchmark [commits/s] [minutes]}.
 */
final class H2FileGrowthBenchmark {

	private H2FileGrowthBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int perSecond = (args.length > 0) ? Integer.parseInt(args[0]) : 40;
		int minutes = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		Path directory = Files.createTempDirectory("h2-file-growth");
		List<Writer> writers = List.of(new Writer("left alone", directory.resolve("alone"), false, perSecond),
				new Writer("housekeeping", directory.resolve("kept"), true, perSecond));
		List<Thread> threads = new ArrayList<>();
		for (Writer writer : writers) {
			Thread thread = new Thread(writer, writer.name);
			thread.start();
			threads.add(thread);
		}
		System.out.printf("%d commits/s, a minute's pause half way; H2 files in %s%n", perSecond, directory);
		long started = System.nanoTime();
		for (int minute = 1; minute <= minutes; minute++) {
			Thread.sleep(Math.max(0, started + minute * 60_000_000_000L - System.nanoTime()) / 1_000_000);
			for (Writer writer : writers) {
				writer.pause(minute == minutes / 2);
				System.out.println("RESULT minute=" + minute + " " + writer.figures());
			}
		}
		for (Writer writer : writers) {
			writer.stop();
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	/** One database, written at a steady pace by its own thread. */
	private static final class Writer implements Runnable {

		private final String name;

		private final Path file;

		private final JdbcDataSource database = new JdbcDataSource();

		private final H2StoreHousekeeping housekeeping;

		private final boolean kept;

		private final int perSecond;

		private volatile boolean paused;

		private volatile boolean stopped;

		private volatile @Nullable SaveLikeCommits commits;

		Writer(String name, Path directory, boolean kept, int perSecond) {
			this.name = name;
			this.file = directory.resolve("db.mv.db");
			this.database.setURL("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0");
			this.database.setUser("sa");
			this.housekeeping = new H2StoreHousekeeping(this.database, this.database.getURL());
			this.kept = kept;
			this.perSecond = perSecond;
		}

		void pause(boolean paused) {
			this.paused = paused;
		}

		void stop() {
			this.stopped = true;
		}

		@Override
		public void run() {
			try (Connection connection = this.database.getConnection();
					SaveLikeCommits commits = new SaveLikeCommits(connection)) {
				try (Statement bulk = connection.createStatement()) {
					bulk.execute("create table codes (id bigint primary key, code varchar(200))");
					bulk.execute("insert into codes select x, 'SUMMER-' || x from system_range(1, 50000)");
					connection.commit();
				}
				this.commits = commits;
				if (this.kept) {
					this.housekeeping.start();
				}
				long started = System.nanoTime();
				long due = 0;
				while (!this.stopped) {
					if (this.paused) {
						Thread.sleep(100);
						started = System.nanoTime() - due * 1_000_000_000L / this.perSecond;
						continue;
					}
					due = (System.nanoTime() - started) * this.perSecond / 1_000_000_000L;
					if (commits.commits() >= due) {
						Thread.sleep(1);
						continue;
					}
					commits.commitOne();
				}
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(this.name, ex);
			}
			finally {
				this.housekeeping.stop();
			}
		}

		String figures() throws Exception {
			SaveLikeCommits commits = this.commits;
			try (Connection connection = this.database.getConnection()) {
				Map<String, Long> store = SaveLikeCommits.storeFigures(connection);
				return "database=" + this.name.replace(' ', '-') + " commits="
						+ ((commits != null) ? commits.commits() : 0) + " file_kib=" + Files.size(this.file) / 1024
						+ " chunks_fill_rate=" + store.get("CHUNKS_FILL_RATE") + " chunk_count="
						+ store.get("CHUNK_COUNT");
			}
		}

	}

}
