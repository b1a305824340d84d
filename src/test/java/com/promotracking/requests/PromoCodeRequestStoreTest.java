package com.promotracking.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promo code requests read a page at a time against the Flyway schema in the test H2: newest first, the state and
 * the partner filtered in SQL, one more row than the page to tell that another follows, each request with its
 * suggested codes in the partner's order, and a partner's own requests across their programs.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PromoCodeRequestStore.class)
class PromoCodeRequestStoreTest {

	private static final long PROGRAM = 981;

	private static final long OTHER_PROGRAM = 982;

	private static final long TRAIL = 9811;

	private static final long CORNER = 9812;

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30.123456Z");

	private static final Map<Long, String> NAMES = Map.of(TRAIL, "Trail Deals", CORNER, "Corner, Inc");

	@Autowired
	private PromoCodeRequestStore store;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void aProgramWithTwoPartnersAndAnotherProgram() {
		this.jdbc.sql("insert into brand (id, name) values (98, 'Request Store Brand')").update();
		this.jdbc.sql("insert into program (id, brand_id, name) values (?, 98, 'Store US'), (?, 98, 'Store FR')")
			.params(PROGRAM, OTHER_PROGRAM)
			.update();
		this.jdbc.sql("insert into partner (id, name) values (?, 'Request Trail'), (?, 'Request Corner')")
			.params(TRAIL, CORNER)
			.update();
		this.jdbc.sql("insert into program_partner (program_id, partner_id) values (?, ?), (?, ?), (?, ?)")
			.params(PROGRAM, TRAIL, PROGRAM, CORNER, OTHER_PROGRAM, TRAIL)
			.update();
	}

	@Test
	void aPageOfFiftyIsTheNewestFiftyAndTheNextPageTheFiftyAfterThem() {
		List<Long> newestFirst = newestFirst(bulk(PROGRAM, TRAIL, RequestState.OPEN, 120));
		bulk(OTHER_PROGRAM, TRAIL, RequestState.OPEN, 5);

		List<RequestView> first = this.store.slice(PROGRAM, null, null, NAMES, 0, 51);
		List<RequestView> second = this.store.slice(PROGRAM, null, null, NAMES, 50, 51);
		List<RequestView> last = this.store.slice(PROGRAM, null, null, NAMES, 100, 51);

		assertThat(ids(first)).as("one more than the page, to tell another follows")
			.containsExactlyElementsOf(newestFirst.subList(0, 51));
		assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(50, 101));
		assertThat(ids(last)).containsExactlyElementsOf(newestFirst.subList(100, 120));
		assertThat(this.store.slice(PROGRAM, null, null, NAMES, 150, 51)).isEmpty();
	}

	@Test
	void aRequestReadsBackWithEveryFieldItsCodesInOrderAndItsPartnersName() {
		long open = request(CORNER, RequestState.OPEN, "WINTER20", "SNOW-5", "alpine_3");
		long completed = request(TRAIL, RequestState.COMPLETED, "TRAIL15");
		KeyHolder code = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    time_zone, created_at, created_by)
				values (?, ?, 'TRAIL20', 'exact:trail20', 'EXACT', 'ALWAYS', ?, 'UTC', ?, 'carol@csm.example')""")
			.params(PROGRAM, TRAIL, utc(NOW.minusSeconds(60)), utc(NOW.minusSeconds(60)))
			.update(code, "id");
		long promoCodeId = code.getKeyAs(Long.class);
		this.jdbc.sql("""
				update promo_code_request set date_needed = ?, instructions = ?, decided_at = ?, decided_by = ?,
				    decision_comment = ?, approved_code = ?, promo_code_id = ?, completed_at = ?, completed_by = ?
				where id = ?""")
			.params(LocalDate.of(2026, 12, 1), "For the winter guide", utc(NOW.minusSeconds(60)), "carol@csm.example",
					"Use this one", "TRAIL20", promoCodeId, utc(NOW), "alice@acme.example", completed)
			.update();

		List<RequestView> read = this.store.slice(PROGRAM, null, null, NAMES, 0, 10);

		assertThat(read).containsExactly(
				new RequestView(completed, PROGRAM, TRAIL, "Trail Deals", List.of("TRAIL15"), LocalDate.of(2026, 12, 1),
						"For the winter guide", RequestState.COMPLETED, NOW.minusSeconds(3600), "pat@partner.example",
						NOW.minusSeconds(60), "carol@csm.example", "Use this one", "TRAIL20", promoCodeId, NOW,
						"alice@acme.example"),
				new RequestView(open, PROGRAM, CORNER, "Corner, Inc", List.of("WINTER20", "SNOW-5", "alpine_3"), null,
						null, RequestState.OPEN, NOW.minusSeconds(3600), "pat@partner.example", null, null, null, null,
						null, null, null));
	}

	/** Each request gets its own codes, whatever the page's length: the codes are read in lists of 64 requests. */
	@Test
	void aLongPageHasEachRequestsOwnCodes() {
		List<Long> newestFirst = newestFirst(bulk(PROGRAM, TRAIL, RequestState.OPEN, 300));

		List<RequestView> read = this.store.slice(PROGRAM, null, null, NAMES, 0, 501);

		assertThat(ids(read)).containsExactlyElementsOf(newestFirst);
		assertThat(read).allSatisfy(request -> assertThat(request.suggestedCodes())
			.containsExactly("BULK" + request.id() + "A", "BULK" + request.id() + "B"));
	}

	@ParameterizedTest
	@EnumSource(RequestState.class)
	void aStateFilterListsExactlyTheRequestsInThatStateNewestFirst(RequestState state) {
		List<Long> inState = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (RequestState each : RequestState.values()) {
				long id = request((round % 2 == 0) ? TRAIL : CORNER, each, "C" + round + each.name());
				if (each == state) {
					inState.add(id);
				}
			}
		}
		bulk(OTHER_PROGRAM, TRAIL, state, 3);

		List<RequestView> listed = this.store.slice(PROGRAM, null, state, NAMES, 0, 100);

		assertThat(ids(listed)).containsExactlyElementsOf(newestFirst(inState));
		assertThat(listed).extracting(RequestView::state).containsOnly(state);
	}

	@Test
	void aPartnerFilterListsThatPartnersRequestsOfTheProgramNewestFirst() {
		long trail1 = request(TRAIL, RequestState.OPEN, "TRAIL1");
		request(CORNER, RequestState.OPEN, "CORNER1");
		long trail2 = request(TRAIL, RequestState.REJECTED, "TRAIL2");
		long trail3 = request(TRAIL, RequestState.OPEN, "TRAIL3");
		bulk(OTHER_PROGRAM, TRAIL, RequestState.OPEN, 3);

		assertThat(ids(this.store.slice(PROGRAM, TRAIL, null, NAMES, 0, 10))).containsExactly(trail3, trail2, trail1);
		assertThat(ids(this.store.slice(PROGRAM, TRAIL, RequestState.OPEN, NAMES, 0, 10))).containsExactly(trail3,
				trail1);
		assertThat(ids(this.store.slice(PROGRAM, TRAIL, RequestState.OPEN, NAMES, 1, 1))).containsExactly(trail1);
		assertThat(this.store.slice(PROGRAM, TRAIL, null, NAMES, 0, 10)).extracting(RequestView::partnerName)
			.containsOnly("Trail Deals");
	}

	@Test
	void aPartnersOwnRequestsAreThoseOfEveryProgramNewestFirstAPageAtATime() {
		long first = request(TRAIL, RequestState.OPEN, "TRAIL1");
		request(CORNER, RequestState.OPEN, "CORNER1");
		List<Long> elsewhere = bulk(OTHER_PROGRAM, TRAIL, RequestState.COMPLETED, 3);
		long last = request(TRAIL, RequestState.APPROVED, "TRAIL2");
		List<Long> all = newestFirst(List.of(first, elsewhere.get(0), elsewhere.get(1), elsewhere.get(2), last));

		List<RequestView> page0 = this.store.sliceOfPartner(TRAIL, "Trail Deals", 0, 3);
		List<RequestView> page1 = this.store.sliceOfPartner(TRAIL, "Trail Deals", 2, 3);

		assertThat(ids(page0)).containsExactlyElementsOf(all.subList(0, 3));
		assertThat(ids(page1)).containsExactlyElementsOf(all.subList(2, 5));
		assertThat(page0).extracting(RequestView::partnerName).containsOnly("Trail Deals");
		assertThat(page0).extracting(RequestView::programId).containsExactly(PROGRAM, OTHER_PROGRAM, OTHER_PROGRAM);
		assertThat(page0.get(0).suggestedCodes()).containsExactly("TRAIL2");
		assertThat(this.store.sliceOfPartner(CORNER, "Corner, Inc", 1, 3)).isEmpty();
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * {@code count} requests of the partner in the program, each with two codes, in the order they were made: their
	 * ids, ascending.
	 */
	private List<Long> bulk(long programId, long partnerId, RequestState state, int count) {
		Long before = this.jdbc.sql("select coalesce(max(id), 0) from promo_code_request").query(Long.class).single();
		this.jdbc.sql("""
				insert into promo_code_request (program_id, partner_id, state, created_at, created_by)
				select :program, :partner, :state, :createdAt, 'bulk' from system_range(1, :count) order by x""")
			.param("program", programId)
			.param("partner", partnerId)
			.param("state", state.name())
			.param("createdAt", utc(NOW.minusSeconds(86_400)))
			.param("count", count)
			.update();
		List<Long> ids = this.jdbc.sql("select id from promo_code_request where id > ? and program_id = ? order by id")
			.params(before, programId)
			.query(Long.class)
			.list();
		List<String> suffixes = List.of("A", "B");
		for (int order = 0; order < suffixes.size(); order++) {
			this.jdbc.sql("""
					insert into promo_code_request_code (request_id, code_order, code)
					select id, ?, 'BULK' || id || ? from promo_code_request where id > ? and program_id = ?""")
				.params(order, suffixes.get(order), before, programId)
				.update();
		}
		return ids;
	}

	private long request(long partnerId, RequestState state, String... codes) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into promo_code_request (program_id, partner_id, state, created_at, created_by)
				values (?, ?, ?, ?, 'pat@partner.example')""")
			.params(PROGRAM, partnerId, state.name(), utc(NOW.minusSeconds(3600)))
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		for (int order = 0; order < codes.length; order++) {
			this.jdbc.sql("insert into promo_code_request_code (request_id, code_order, code) values (?, ?, ?)")
				.params(id, order, codes[order])
				.update();
		}
		return id;
	}

	private static <T> List<T> newestFirst(List<T> inOrderMade) {
		List<T> reversed = new ArrayList<>(inOrderMade);
		Collections.reverse(reversed);
		return reversed;
	}

	private static List<Long> ids(List<RequestView> requests) {
		return requests.stream().map(RequestView::id).toList();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
