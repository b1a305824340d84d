package com.promotracking.conversions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.promotracking.promocodes.CreditPolicy;
import com.promotracking.promocodes.MatchType;
import com.promotracking.promocodes.PromoCodeRule;

/**
 * Matching alone, for {@code bench/run}: a program with 100,000 exact and 100 regex codes, one thread. It builds the
 * program's matcher a few times, then attributes a realistic mix of conversions (exact codes sent in another case,
 * codes a regex matches, unknown codes, no code; each with clicks) in timed rounds after a warm-up, and prints the
 * medians as one line {@code bench/run} reads. Not a test: timings belong to a benchmark run, not to the build.
 * Usage: {@code java -cp <test classpath> com.promotracking.conversions.MatcherBenchmark [rounds]}.
 */
final class MatcherBenchmark {

	private static final int EXACT_CODES = 100_000;

	private static final int REGEX_CODES = 100;

	private static final int PARTNERS = 50;

	/** Conversions prepared once and gone round in each timed round, so making them is not timed. */
	private static final int MIX = 20_000;

	private static final int PER_ROUND = 2_000_000;

	private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

	private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

	private MatcherBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		SplittableRandom random = new SplittableRandom(16);
		List<PromoCodeRule> rules = rules(random);

		// Building: the first builds warm the code up; the median of the timed ones is printed.
		long[] builds = new long[rounds];
		long[] buildsCpu = new long[rounds];
		CodeMatcher matcher = null;
		for (int i = -2; i < rounds; i++) {
			long started = System.nanoTime();
			long startedCpu = THREAD.getCurrentThreadCpuTime();
			matcher = CodeMatcher.of(rules);
			if (i >= 0) {
				builds[i] = System.nanoTime() - started;
				buildsCpu[i] = THREAD.getCurrentThreadCpuTime() - startedCpu;
			}
		}

		Sent[] mix = mix(random);
		long sink = 0;
		for (int i = 0; i < 3; i++) {
			sink += round(matcher, mix);
		}
		double[] rates = new double[rounds];
		double[] ratesCpu = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			long started = System.nanoTime();
			long startedCpu = THREAD.getCurrentThreadCpuTime();
			sink += round(matcher, mix);
			rates[i] = PER_ROUND / ((System.nanoTime() - started) / 1e9);
			ratesCpu[i] = PER_ROUND / ((THREAD.getCurrentThreadCpuTime() - startedCpu) / 1e9);
		}
		Arrays.sort(builds);
		Arrays.sort(buildsCpu);
		Arrays.sort(rates);
		Arrays.sort(ratesCpu);
		// Elapsed time, and the thread's own CPU time: on a shared machine the thread may wait for a core, which the
		// second leaves out. The sink keeps the JIT from dropping the work; it is printed so that it is used.
		System.out.printf(Locale.ROOT,
				"RESULT matches_per_s=%.0f matches_per_cpu_s=%.0f build_ms=%.1f build_cpu_ms=%.1f codes=%d regexes=%d"
						+ " rounds=%d sink=%d%n",
				rates[rounds / 2], ratesCpu[rounds / 2], builds[rounds / 2] / 1e6, buildsCpu[rounds / 2] / 1e6,
				EXACT_CODES, REGEX_CODES, rounds, sink & 0xff);
	}

	private static long round(CodeMatcher matcher, Sent[] mix) {
		long sink = 0;
		for (int i = 0; i < PER_ROUND; i++) {
			Sent sent = mix[i % mix.length];
			Attribution attribution = matcher.attribute(sent.occurredAt(), sent.code(), sent.clicks(), true);
			sink += attribution.by().ordinal() + ((attribution.partnerId() != null) ? attribution.partnerId() : 0);
		}
		return sink;
	}

	/**
	 * Exact codes as partners' codes look (a word and digits), across the credit policies, most live, some expired
	 * or deactivated; regexes as brands write them for a partner's family of codes: a literal start, then a
	 * class or two, a tenth of them without case.
	 */
	private static List<PromoCodeRule> rules(SplittableRandom random) {
		List<PromoCodeRule> rules = new ArrayList<>();
		CreditPolicy[] policies = CreditPolicy.values();
		for (int i = 0; i < EXACT_CODES; i++) {
			Instant endsAt = (i % 20 == 0) ? NOW.minusSeconds(86_400) : null;
			Instant deactivatedAt = (i % 50 == 1) ? NOW.minusSeconds(3_600) : null;
			rules.add(new PromoCodeRule(i + 1, 1 + random.nextInt(PARTNERS), exactCode(i), MatchType.EXACT,
					policies[i % policies.length], NOW.minusSeconds(30L * 86_400), endsAt, deactivatedAt));
		}
		for (int i = 0; i < REGEX_CODES; i++) {
			String regex = (i % 10 == 9) ? "(?i)club" + i + "-[a-z]{3}[0-9]{2}" : "P" + i + "-[A-Z]{2,4}[0-9]{2,3}";
			rules.add(new PromoCodeRule(EXACT_CODES + i + 1, 1 + (i % PARTNERS), regex, MatchType.REGEX,
					policies[i % policies.length], NOW.minusSeconds(30L * 86_400), null, null));
		}
		return rules;
	}

	private static String exactCode(int i) {
		return "SAVE" + i + "X";
	}

	/** Half exact codes in another case, a fifth regex matches, a fifth unknown codes, a tenth no code. */
	private static Sent[] mix(SplittableRandom random) {
		Sent[] mix = new Sent[MIX];
		for (int i = 0; i < MIX; i++) {
			int kind = random.nextInt(10);
			String code;
			if (kind < 5) {
				code = exactCode(random.nextInt(EXACT_CODES)).toLowerCase(Locale.ROOT);
			}
			else if (kind < 7) {
				int regex = random.nextInt(REGEX_CODES);
				code = (regex % 10 == 9) ? "CLUB" + regex + "-Abc" + (10 + random.nextInt(90))
						: "P" + regex + "-QX" + (100 + random.nextInt(900));
			}
			else if (kind < 9) {
				code = "WELCOME" + random.nextInt(1_000_000);
			}
			else {
				code = null;
			}
			List<Click> clicks = new ArrayList<>();
			for (int c = random.nextInt(3); c >= 0; c--) {
				clicks.add(new Click(1 + random.nextInt(PARTNERS), NOW.minusSeconds(60L + random.nextInt(86_400))));
			}
			mix[i] = new Sent(NOW, code, List.copyOf(clicks));
		}
		return mix;
	}

	private record Sent(Instant occurredAt, String code, List<Click> clicks) {
	}

}
