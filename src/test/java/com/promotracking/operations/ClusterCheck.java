package com.promotracking.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;
import com.promotracking.support.ServiceProcesses;
import com.promotracking.support.ThrowawayPostgres;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster check: one PostgreSQL server, two instances of the built jar on two ports, and nginx in front of
 * them with the shipped {@code deploy/nginx.conf}, as in production. It proves that conversions sent with an API
 * key through nginx are balanced over both instances (a full batch stored once, a replay doubling nothing,
 * oversized bodies refused by nginx: see {@link ThroughNginx}), that no state lives in one JVM, that concurrent
 * saves over both instances lose no update, that killing an instance loses no acknowledged save, and that a
 * stopping instance finishes the requests it has. It prints its figures; any broken promise throws.
 *
 * <p>Run by {@code ClusterPostgresIT} in the build and by {@code scripts/cluster-check} by hand:
 * {@code ClusterCheck JAR [SAVES]}.
 */
public final class ClusterCheck implements AutoCloseable {

	private static final int THREADS = 16;

	private final int saves;

	private final PrintStream out;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path logs;

	private final ThrowawayPostgres database;

	private final Instance a;

	private final Instance b;

	private final Connection db;

	private final Http onA;

	private final Http onB;

	private final long program;

	private ClusterCheck(int saves, PrintStream out, Path logs, ThrowawayPostgres database, Instance a, Instance b,
			Connection db) {
		this.saves = saves;
		this.out = out;
		this.logs = logs;
		this.database = database;
		this.a = a;
		this.b = b;
		this.db = db;
		this.onA = new Http(a.port, this.json);
		this.onB = new Http(b.port, this.json);
		this.program = this.onA.program(ACME_US).id();
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: ClusterCheck JAR [SAVES]");
			System.exit(2);
		}
		if (Nginx.missing().isPresent()) {
			System.err.println("Cluster check: " + Nginx.missing().get());
			System.exit(1);
		}
		try (ClusterCheck check = start(Path.of(args[0]), (args.length > 1) ? Integer.parseInt(args[1]) : 200,
				System.out)) {
			check.throughNginx();
			check.sharedStateAndSaves();
		}
		System.exit(0);
	}

	/**
	 * Starts the database and both instances at the same moment, waits until both are ready and checks that the
	 * demo data was loaded once.
	 */
	public static ClusterCheck start(Path jar, int saves, PrintStream out) throws Exception {
		Path logs = Files.createDirectories(Path.of("target", "cluster-check"));
		ThrowawayPostgres database = ThrowawayPostgres.start();
		List<AutoCloseable> started = new ArrayList<>(List.of(database));
		try {
			Instance a = Instance.start("A", jar, database, logs);
			started.add(0, a);
			Instance b = Instance.start("B", jar, database, logs);
			started.add(0, b);
			out.printf("Cluster check: PostgreSQL on port %d, instance A on %d, instance B on %d (logs in %s)%n",
					database.port(), a.port, b.port, logs.toAbsolutePath());
			a.awaitReady();
			b.awaitReady();
			Connection db = DriverManager.getConnection(database.jdbcUrl(), "app", "app");
			started.add(0, db);
			demoDataLoadedOnce(db);
			return new ClusterCheck(saves, out, logs, database, a, b, db);
		}
		catch (Exception | AssertionError ex) {
			for (AutoCloseable each : started) {
				each.close();
			}
			throw ex;
		}
	}

	/** nginx with the shipped conf in front of both instances: see {@link ThroughNginx}. */
	public void throughNginx() throws Exception {
		try (Nginx nginx = Nginx.start(this.a.port, this.b.port, this.logs)) {
			new ThroughNginx(nginx, this.a, this.b, this.onA, this.onB, this.program, this.db, this.json, this.out)
				.run();
		}
	}

	/**
	 * Shared sessions and data, concurrent saves with both instances up and with A killed mid-load, then a
	 * graceful stop of B: the instances are gone afterwards.
	 */
	public void sharedStateAndSaves() throws Exception {
		sharedState(this.onA, this.onB, this.program);
		Tally together = concurrentSaves("both instances up", List.of(this.onA, this.onB), this.program, this.db, null);
		assertThat(together.found()).as("saves found").isEqualTo(together.acknowledged());
		assertThat(together.acknowledged()).as("some saves must win").isPositive();
		Tally killed = concurrentSaves("instance A killed (SIGKILL) mid-load", List.of(this.onA, this.onB), this.program,
				this.db, this.a::kill);
		assertThat(killed.acknowledgedAfterKillOnB()).as("B kept serving after A was killed").isPositive();
		gracefulShutdown(this.b, this.onB, this.program, this.db);
	}

	@Override
	public void close() throws Exception {
		try (ThrowawayPostgres stopLast = this.database; Instance closeA = this.a; Instance closeB = this.b;
				Connection closeFirst = this.db) {
			// Closed in reverse order: the connection, B, A, then the server.
		}
	}

	/** Both instances started at the same moment on an empty database: the demo data is there once. */
	private static void demoDataLoadedOnce(Connection db) throws SQLException {
		// Acme Outdoor, Globex and Northwind Sports.
		assertThat(count(db, "select count(*) from brand")).as("brands").isEqualTo(3);
		assertThat(count(db, "select count(*) from app_user where username = 'alice@acme.example'")).isEqualTo(1);
	}

	/** A save on A is read back on B; a session cookie from A works on B. */
	private void sharedState(Http onA, Http onB, long program) {
		JsonNode before = onA.settings(ALICE, program);
		boolean flipped = !before.get("promoCodeTrackingEnabled").booleanValue();
		JsonNode saved = onA.put(ALICE, program, flipped, false);
		JsonNode readOnB = onB.settings(ALICE, program);
		assertThat(readOnB.get("version")).as("version read on B").isEqualTo(saved.get("version"));
		assertThat(readOnB.get("promoCodeTrackingEnabled").booleanValue()).isEqualTo(flipped);

		Session session = onA.login(ALICE);
		Response page = onB.get(session, Http.adSettingsPath(program));
		assertThat(page.status()).as("A's session cookie on B").isEqualTo(200);
		assertThat(page.html().select("#promoCodeTrackingEnabled").hasAttr("checked")).isEqualTo(flipped);
		this.out.printf("  shared state: saved version %s on A, read it on B; A's session cookie served a page on B%n",
				saved.get("version"));
	}

	/**
	 * {@link #saves} saves from {@value #THREADS} threads, alternating between the instances, each a GET for the
	 * ETag and a PUT flipping tracking with that {@code If-Match}. With {@code midway}, that runs once a third
	 * of the saves have been answered.
	 */
	private Tally concurrentSaves(String title, List<Http> instances, long program, Connection db, Runnable midway)
			throws Exception {
		long startVersion = version(db, program);
		long startEntries = changedEntries(db, program);
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		Set<Long> acknowledgedVersions = ConcurrentHashMap.newKeySet();
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger acknowledgedAfterKillOnB = new AtomicInteger();
		java.util.concurrent.atomic.AtomicBoolean killedYet = new java.util.concurrent.atomic.AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> work = new ArrayList<>();
		for (int i = 0; i < this.saves; i++) {
			Http target = instances.get(i % instances.size());
			boolean onB = (i % instances.size()) == 1;
			work.add(pool.submit(() -> {
				String outcome;
				try {
					Response read = target.api("GET", Http.settingsApiPath(program), ALICE, null);
					if (read.status() != 200) {
						outcome = "read " + read.status();
					}
					else {
						boolean tracking = read.json().get("promoCodeTrackingEnabled").booleanValue();
						Response put = target.api("PUT", Http.settingsApiPath(program), ALICE, Http.body(!tracking, false),
								"If-Match", read.header("ETag").orElseThrow());
						outcome = String.valueOf(put.status());
						if (put.status() == 200) {
							long version = put.json().get("version").asLong();
							assertThat(acknowledgedVersions.add(version)).as("version %d acknowledged twice", version)
								.isTrue();
							if (onB && killedYet.get()) {
								acknowledgedAfterKillOnB.incrementAndGet();
							}
						}
					}
				}
				catch (UncheckedIOException | IllegalStateException noAnswer) {
					outcome = "no answer";
				}
				outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
				if (midway != null && answered.incrementAndGet() == this.saves / 3 && killedYet.compareAndSet(false, true)) {
					midway.run();
				}
				return null;
			}));
		}
		for (Future<?> each : work) {
			each.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();

		long endVersion = version(db, program);
		long found = changedEntries(db, program) - startEntries;
		int acknowledged = outcomes.getOrDefault("200", new AtomicInteger()).get();
		Map<String, Integer> sorted = new TreeMap<>();
		outcomes.forEach((key, value) -> sorted.put(key, value.get()));
		this.out.printf("  %s: %d saves attempted, answers %s%n", title, this.saves, sorted);
		this.out.printf("    acknowledged (200): %d, conflicts (412): %d, version %d -> %d (+%d), history entries +%d%n",
				acknowledged, sorted.getOrDefault("412", 0), startVersion, endVersion, endVersion - startVersion, found);
		// Every commit raised the version by one and wrote one history entry.
		assertThat(found).as("history entries added vs versions added").isEqualTo(endVersion - startVersion);
		// Every acknowledged save is in the database, under its own version.
		assertThat(acknowledgedVersions).allSatisfy(version -> assertThat(version).isBetween(startVersion + 1, endVersion));
		assertThat(found).as("saves found vs acknowledged").isGreaterThanOrEqualTo(acknowledged);
		if (midway == null) {
			assertThat(sorted.keySet()).as("answers with both instances up").isSubsetOf("200", "412");
		}
		return new Tally(acknowledged, found, acknowledgedAfterKillOnB.get());
	}

	/**
	 * SIGTERM while a save waits for a row lock held here: the instance stops taking new work but finishes
	 * that save, which answers 200 and is in the database.
	 */
	private void gracefulShutdown(Instance instance, Http http, long program, Connection db) throws Exception {
		long before = version(db, program);
		boolean tracking = http.settings(ALICE, program).get("promoCodeTrackingEnabled").booleanValue();
		db.setAutoCommit(false);
		try (Statement lock = db.createStatement()) {
			lock.executeQuery("select version from promo_code_settings where program_id = " + program + " for update")
				.close();
			ExecutorService caller = Executors.newSingleThreadExecutor();
			Future<Response> inFlight = caller
				.submit(() -> http.api("PUT", Http.settingsApiPath(program), ALICE, Http.body(!tracking, false)));
			awaitWaitingForLock(db);
			instance.terminate();
			Thread.sleep(1000);
			assertThat(instance.process.isAlive()).as("still finishing its request after SIGTERM").isTrue();
			db.commit();
			Response answer = inFlight.get(30, TimeUnit.SECONDS);
			caller.shutdown();
			assertThat(answer.status()).as("the request in flight at SIGTERM").isEqualTo(200);
			assertThat(instance.process.waitFor(30, TimeUnit.SECONDS)).as("stopped after finishing").isTrue();
			db.setAutoCommit(true);
			assertThat(version(db, program)).isEqualTo(before + 1);
			this.out.printf("  graceful shutdown: a save in flight at SIGTERM answered 200 and is stored (version %d); "
					+ "the instance then exited with %d%n", before + 1, instance.process.exitValue());
		}
		finally {
			if (!db.getAutoCommit()) {
				db.rollback();
				db.setAutoCommit(true);
			}
		}
	}

	/** Until PostgreSQL shows a session waiting for a lock, so the request is surely in flight. */
	private static void awaitWaitingForLock(Connection db) throws Exception {
		Instant deadline = Instant.now().plusSeconds(30);
		try (Connection watcher = DriverManager.getConnection(db.getMetaData().getURL(), "app", "app")) {
			while (count(watcher, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0) {
				assertThat(Instant.now()).as("a save waiting for the row lock").isBefore(deadline);
				Thread.sleep(50);
			}
		}
	}

	private static long version(Connection db, long program) throws SQLException {
		return count(db, "select version from promo_code_settings where program_id = " + program);
	}

	private static long changedEntries(Connection db, long program) throws SQLException {
		return count(db, "select count(*) from history_entry where program_id = " + program
				+ " and subject_type = 'PROMO_CODE_SETTINGS' and outcome = 'CHANGED'");
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	record Tally(int acknowledged, long found, int acknowledgedAfterKillOnB) {
	}

	/** One instance of the jar, started with the production profile on the shared database. */
	static final class Instance implements AutoCloseable {

		final int port;

		final Process process;

		final Path log;

		private Instance(int port, Process process, Path log) {
			this.port = port;
			this.process = process;
			this.log = log;
		}

		static Instance start(String name, Path jar, ThrowawayPostgres database, Path logs) throws IOException {
			int port = ServiceProcesses.freePort();
			Path log = logs.resolve("instance-" + name + ".log");
			// The ahead-of-time prepared application, the way production runs it, against PostgreSQL.
			List<String> command = ServiceProcesses.javaWithRecommendedFlags();
			command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.profiles.active=postgres"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment()
				.putAll(Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", "app",
						"SPRING_DATASOURCE_PASSWORD", "app", "APP_DEMO_DATA", "true"));
			return new Instance(port, builder.start(), log);
		}

		void awaitReady() throws Exception {
			ServiceProcesses.awaitAnswer(this.process, this.port, "/actuator/health/readiness", Duration.ofSeconds(120),
					this.log);
		}

		void kill() {
			this.process.destroyForcibly();
		}

		void terminate() {
			this.process.destroy();
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

	}

}
