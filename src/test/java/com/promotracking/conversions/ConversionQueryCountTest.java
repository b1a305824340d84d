package com.promotracking.conversions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.promotracking.kernel.SqlQuery;
import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.ConversionService.Answer;
import com.promotracking.conversions.ConversionService.Posted;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import com.promotracking.support.StatementCounting;
import com.promotracking.support.StatementCounting.Work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Caps the SQL of taking conversions, counted where statements reach the driver: one conversion issues a small
 * fixed number, and a batch, or a group of single conversions posted at once, the same number whatever its size
 * (no statement per item), with a code matched by each item.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounting.class)
class ConversionQueryCountTest {

	/**
	 * Program, partners, active event types, codes version, tracking, the insert (which hands back the id), the
	 * daily figures and the quarter hours'. No read of the order id before (the unique constraint tells a retry)
	 * nor of the row after.
	 */
	static final int SINGLE_STATEMENTS = 8;

	/**
	 * Program, partners, active event types, stored order ids, codes version, tracking, the batch insert (which
	 * hands back the ids), the daily figures' batch and the quarter hours'.
	 */
	static final int BATCH_STATEMENTS = 9;

	private static final AtomicInteger ORDERS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ConversionService conversions;

	CurrentUser alice;

	long acmeUs;

	long onlineSale;

	String code;

	@BeforeEach
	void trackingOnWithACode() {
		this.acmeUs = this.jdbc.queryForObject("select id from program where name = 'Acme Outdoor US'", Long.class);
		this.onlineSale = this.jdbc.queryForObject("select id from event_type where program_id = ?", Long.class,
				this.acmeUs);
		this.code = "COUNT" + ORDERS.incrementAndGet();
		long acme = this.jdbc.queryForObject("select id from brand where name = 'Acme Outdoor'", Long.class);
		long aliceId = this.jdbc.queryForObject("select id from app_user where username = 'alice@acme.example'",
				Long.class);
		this.alice = new CurrentUser(aliceId, "alice@acme.example", "Alice Martin", Role.BRAND_ADMIN, Set.of(acme));
		this.jdbc.update("update promo_code_settings set promo_code_tracking_enabled = true where program_id = ?",
				this.acmeUs);
		this.jdbc.update("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    time_zone, created_at, created_by)
				select ?, id, ?, ?, 'EXACT', 'ALWAYS', timestamp with time zone '2025-01-01 00:00:00+00',
				    'UTC', current_timestamp, 'test' from partner where name = 'Coupon Corner'""", this.acmeUs,
				this.code, "exact:" + this.code.toLowerCase());
		// As the promo code service does with each code it creates: the matchers see the change.
		this.jdbc.update("update program set codes_version = codes_version + 1 where id = ?", this.acmeUs);
	}

	/**
	 * A batch reads its order ids through the unique index, one lookup each, rather than reading every conversion
	 * of the program and comparing each with the whole list: the cost of a batch does not grow with the program.
	 */
	@Test
	void aBatchLooksUpItsOrderIdsThroughTheUniqueIndex() {
		String plan = new NamedParameterJdbcTemplate(this.jdbc).queryForObject("explain " + ConversionStore.BY_ORDER_IDS,
				Map.of("program", this.acmeUs, "orders", List.of("A-1", "A-2", "A-3")), String.class);
		// H2 names the index after the constraint and a number of its own.
		assertThat(plan.replaceAll("\\s+", " ")).containsPattern(
				"UK_CONVERSION_ORDER_PROGRAM\\w*: ORDER_ID IN\\(\\?1, \\?2, \\?3\\) AND PROGRAM_ID = \\?4");
	}

	/**
	 * A page of the list reads the index in the list's own order (program, newest instant, highest id) and stops
	 * after the page, with or without dates: were it to sort, each page would read every conversion of the program,
	 * and a batch sent with one occurredAt (all at the same instant) made every page sort all of them.
	 */
	@ParameterizedTest
	@MethodSource("filters")
	void aPageOfTheListReadsTheIndexInTheListsOrder(ConversionFilter filter) {
		SqlQuery slice = ConversionStore.sliceOf(this.acmeUs, filter, 50, 51);
		String plan = new NamedParameterJdbcTemplate(this.jdbc).queryForObject("explain " + slice.sql(), slice.params(),
				String.class);
		assertThat(plan.replaceAll("\\s+", " ")).containsPattern("IX_CONVERSION_PROGRAM_NEWEST: [^*]*PROGRAM_ID = \\?1")
			.endsWith("/* index sorted */");
	}

	static List<ConversionFilter> filters() {
		Instant from = Instant.parse("2026-11-01T00:00:00Z");
		Instant to = Instant.parse("2026-12-01T00:00:00Z");
		return List.of(new ConversionFilter(null, null, null, null, null), new ConversionFilter(from, null, null, null, null),
				new ConversionFilter(null, to, null, null, null), new ConversionFilter(from, to, null, null, null),
				new ConversionFilter(null, null, 1L, null, By.PROMO_CODE), new ConversionFilter(from, to, null, 2L, null));
	}

	@Test
	void oneConversionIssuesAFixedSmallNumberOfStatements() throws Exception {
		post(single(order()));

		int issued = countOnThisThread(() -> post(single(order())));

		assertThat(issued).isLessThanOrEqualTo(SINGLE_STATEMENTS);
	}

	@Test
	void aBatchIssuesAsManyStatementsForAThousandItemsAsForTwo() throws Exception {
		post(batch(2));

		int two = countOnThisThread(() -> post(batch(2)));
		int thousand = countOnThisThread(() -> post(batch(ConversionService.MAX_BATCH)));

		assertThat(two).isLessThanOrEqualTo(BATCH_STATEMENTS);
		assertThat(thousand).isEqualTo(two);
		assertThat(this.jdbc.queryForObject("select count(*) from conversion where matched_code = ? and attributed_by = 'PROMO_CODE'",
				Integer.class, this.code)).as("every item credited by the code").isEqualTo(1_004);
	}

	@Test
	void aGroupOfSingleConversionsIssuesAsManyStatementsForThreeHundredAsForTwoAndNoMoreThanABatch() throws Exception {
		this.conversions.recordGroup(group(2));

		int two = countOnThisThread(() -> assertAllCreated(this.conversions.recordGroup(group(2))));
		int threeHundred = countOnThisThread(() -> assertAllCreated(this.conversions.recordGroup(group(300))));

		assertThat(two).isLessThanOrEqualTo(BATCH_STATEMENTS);
		assertThat(threeHundred).isEqualTo(two);
	}

	/**
	 * The first conversion is held in its write, alone, while fifty others are posted on threads of their own; they
	 * queue and are written as one group by one of them. Every statement is counted on the thread that issued it.
	 */
	@Test
	void singleConversionsPostedAtOnceIssueNoMoreStatementsThanOneAloneAndOneBatch() throws Exception {
		this.conversions.recordGroup(group(2));
		// The service itself, not its transactional proxy: Mockito cannot spy on a Spring proxy.
		ConversionService held = spy(AopTestUtils.<ConversionService>getUltimateTargetObject(this.conversions));
		ConversionGroupCommit groups = new ConversionGroupCommit(held, ConversionGroupCommit.MAX_GROUP,
				ConversionGroupCommit.MAX_QUEUED, Duration.ofSeconds(30));
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch released = new CountDownLatch(1);
		NewConversion first = conversion(order());
		doAnswer(call -> {
			entered.countDown();
			released.await(30, TimeUnit.SECONDS);
			return call.callRealMethod();
		}).when(held).record(eq(this.alice), eq(this.acmeUs), eq(first));
		AtomicInteger statements = new AtomicInteger();
		AtomicInteger created = new AtomicInteger();
		List<Thread> callers = new ArrayList<>();
		for (int i = 0; i <= 50; i++) {
			NewConversion conversion = (i == 0) ? first : conversion(order());
			Thread caller = new Thread(() -> {
				try {
					statements.addAndGet(countOnThisThread(() -> {
						if (groups.record(this.alice, this.acmeUs, conversion).created()) {
							created.incrementAndGet();
						}
					}));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			callers.add(caller);
			caller.start();
			if (i == 0) {
				assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!callers.subList(1, callers.size()).stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING)) {
			assertThat(System.nanoTime()).as("fifty callers waiting for their group").isLessThan(deadline);
			Thread.sleep(5);
		}
		released.countDown();
		for (Thread caller : callers) {
			caller.join(TimeUnit.SECONDS.toMillis(30));
		}

		assertThat(created).hasValue(51);
		verify(held).recordGroup(argThat(group -> group.size() == 50));
		assertThat(statements).hasValueLessThanOrEqualTo(SINGLE_STATEMENTS + BATCH_STATEMENTS);
	}

	private List<Posted> group(int size) {
		List<Posted> group = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			group.add(new Posted(this.alice, this.acmeUs, conversion(order())));
		}
		return group;
	}

	private NewConversion conversion(String orderId) {
		return new NewConversion(orderId, this.onlineSale, Instant.parse("2026-11-02T09:00:00Z"), BigDecimal.TEN,
				"USD", this.code.toLowerCase(), List.of());
	}

	private static void assertAllCreated(List<Answer> answers) {
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.orThrow().created()).isTrue();
			assertThat(answer.orThrow().conversion().attribution().by()).isEqualTo(Attribution.By.PROMO_CODE);
		});
	}

	private void post(String[] pathAndBody) throws Exception {
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post(pathAndBody[0])
			.contentType(MediaType.APPLICATION_JSON)
			.content(pathAndBody[1])
			.with(authentication(SignedInUsers.authenticationOf(this.alice))))
			.andExpect(status().is2xxSuccessful());
	}

	private String[] single(String orderId) {
		return new String[] { "/api/programs/" + this.acmeUs + "/conversions", item(orderId) };
	}

	private String[] batch(int size) {
		StringBuilder body = new StringBuilder("{\"conversions\": [");
		for (int i = 0; i < size; i++) {
			body.append((i > 0) ? ", " : "").append(item(order()));
		}
		return new String[] { "/api/programs/" + this.acmeUs + "/conversions/batch", body.append("]}").toString() };
	}

	private String item(String orderId) {
		return "{\"orderId\": \"" + orderId + "\", \"eventTypeId\": " + this.onlineSale
				+ ", \"occurredAt\": \"2026-11-02T09:00:00Z\", \"amount\": 10, \"currency\": \"USD\", \"promoCode\": \""
				+ this.code.toLowerCase() + "\"}";
	}

	private static String order() {
		return "COUNT-" + ORDERS.incrementAndGet();
	}

	private int countOnThisThread(Work work) throws Exception {
		return StatementCounting.countOnThisThread(this.dataSource, work).statements();
	}

}
