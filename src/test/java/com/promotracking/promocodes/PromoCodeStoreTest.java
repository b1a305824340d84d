package com.promotracking.promocodes;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
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
 * A program's codes read a page or a batch at a time against the Flyway schema in the test H2: newest first, the
 * partner and the state filtered in SQL exactly as {@link PromoCodeState#at} tells the state, and a download that
 * reads every code in batches yet writes the same file as the codes read at once.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PromoCodeStore.class)
class PromoCodeStoreTest {

	private static final long PROGRAM = 951;

	private static final long OTHER_PROGRAM = 952;

	private static final long TRAIL = 9511;

	private static final long CORNER = 9512;

	/** With microseconds, as stored: the bounds are compared to the microsecond. */
	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30.123456Z");

	private static final Map<Long, String> NAMES = Map.of(TRAIL, "Trail Deals", CORNER, "Corner, Inc");

	@Autowired
	private PromoCodeStore store;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void aProgramWithTwoPartnersAndAnotherProgram() {
		this.jdbc.sql("insert into brand (id, name) values (95, 'Store Brand')").update();
		this.jdbc.sql("insert into program (id, brand_id, name) values (?, 95, 'Store US'), (?, 95, 'Store FR')")
			.params(PROGRAM, OTHER_PROGRAM)
			.update();
		this.jdbc.sql("insert into partner (id, name) values (?, 'Trail Deals'), (?, 'Corner, Inc')")
			.params(TRAIL, CORNER)
			.update();
		this.jdbc.sql("insert into program_partner (program_id, partner_id) values (?, ?), (?, ?), (?, ?)")
			.params(PROGRAM, TRAIL, PROGRAM, CORNER, OTHER_PROGRAM, TRAIL)
			.update();
	}

	@Test
	void aPageOfFiftyIsTheNewestFiftyAndTheNextPageTheFiftyAfterThem() {
		List<Long> newestFirst = newestFirst(bulk(PROGRAM, TRAIL, 120));
		bulk(OTHER_PROGRAM, TRAIL, 5);

		List<PromoCodeView> first = this.store.slice(PROGRAM, null, null, NOW, NAMES, 0, 51);
		List<PromoCodeView> second = this.store.slice(PROGRAM, null, null, NOW, NAMES, 50, 51);
		List<PromoCodeView> last = this.store.slice(PROGRAM, null, null, NOW, NAMES, 100, 51);

		assertThat(ids(first)).as("one more than the page, to tell another follows")
			.containsExactlyElementsOf(newestFirst.subList(0, 51));
		assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(50, 101));
		assertThat(ids(last)).containsExactlyElementsOf(newestFirst.subList(100, 120));
		assertThat(this.store.slice(PROGRAM, null, null, NOW, NAMES, 150, 51)).isEmpty();
	}

	@Test
	void aCodeReadsBackWithEveryFieldAndItsPartnersName() {
		long id = code(CORNER, "SAVE20", NOW.minusSeconds(60), NOW.plusSeconds(60), null);

		PromoCodeView read = this.store.slice(PROGRAM, null, null, NOW, NAMES, 0, 1).get(0);

		assertThat(read).isEqualTo(new PromoCodeView(id, PROGRAM, CORNER, "Corner, Inc", "SAVE20", MatchType.EXACT,
				CreditPolicy.ALWAYS, NOW.minusSeconds(60), NOW.plusSeconds(60), "Europe/Paris", PromoCodeState.ACTIVE,
				NOW.minusSeconds(3600), "alice@acme.example", null, null, null));
	}

	/**
	 * Each state asked for is, in SQL, exactly the codes {@link PromoCodeState#at} puts in it at the same instant,
	 * bounds included: a code starting now is active, one ending now has expired, a deactivated one is deactivated
	 * whatever its dates.
	 */
	@ParameterizedTest
	@EnumSource(PromoCodeState.class)
	void aStateFilterListsExactlyTheCodesInThatStateAtTheInstantGiven(PromoCodeState state) {
		List<Dated> codes = List.of(dated("FUTURE", NOW.plusNanos(1_000), null, null),
				dated("STARTSNOW", NOW, null, null), dated("ACTIVE", NOW.minusSeconds(3600), NOW.plusNanos(1_000), null),
				dated("ENDSNOW", NOW.minusSeconds(3600), NOW, null),
				dated("EXPIRED", NOW.minusSeconds(7200), NOW.minusSeconds(3600), null),
				dated("GONEFUTURE", NOW.plusSeconds(3600), null, NOW.minusSeconds(60)),
				dated("GONEACTIVE", NOW.minusSeconds(3600), null, NOW.minusSeconds(60)),
				dated("GONEEXPIRED", NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW.minusSeconds(60)));

		List<PromoCodeView> listed = this.store.slice(PROGRAM, null, state, NOW, NAMES, 0, 100);

		assertThat(listed).extracting(PromoCodeView::code)
			.containsExactlyElementsOf(newestFirst(codes).stream()
				.filter(code -> PromoCodeState.at(code.startsAt(), code.endsAt(), code.deactivatedAt(), NOW) == state)
				.map(Dated::code)
				.toList());
		assertThat(listed).extracting(PromoCodeView::state).containsOnly(state);
	}

	@Test
	void theBoundsAreThoseOfTheStateAStartNowIsActiveAndAnEndNowIsExpired() {
		dated("STARTSNOW", NOW, null, null);
		dated("ENDSNOW", NOW.minusSeconds(3600), NOW, null);

		assertThat(this.store.slice(PROGRAM, null, PromoCodeState.ACTIVE, NOW, NAMES, 0, 10))
			.extracting(PromoCodeView::code)
			.containsExactly("STARTSNOW");
		assertThat(this.store.slice(PROGRAM, null, PromoCodeState.EXPIRED, NOW, NAMES, 0, 10))
			.extracting(PromoCodeView::code)
			.containsExactly("ENDSNOW");
		assertThat(this.store.slice(PROGRAM, null, PromoCodeState.FUTURE, NOW.minusNanos(1_000), NAMES, 0, 10))
			.as("a microsecond earlier")
			.extracting(PromoCodeView::code)
			.containsExactly("STARTSNOW");
	}

	@Test
	void aPartnerFilterListsThatPartnersCodesOfTheProgramNewestFirst() {
		long trail1 = code(TRAIL, "TRAIL1", NOW.minusSeconds(60), null, null);
		code(CORNER, "CORNER1", NOW.minusSeconds(60), null, null);
		long trail2 = code(TRAIL, "TRAIL2", NOW.plusSeconds(60), null, null);
		bulk(OTHER_PROGRAM, TRAIL, 3);

		assertThat(ids(this.store.slice(PROGRAM, TRAIL, null, NOW, NAMES, 0, 10))).containsExactly(trail2, trail1);
		assertThat(ids(this.store.slice(PROGRAM, TRAIL, PromoCodeState.ACTIVE, NOW, NAMES, 0, 10)))
			.containsExactly(trail1);
		assertThat(this.store.slice(PROGRAM, TRAIL, null, NOW, NAMES, 0, 10)).extracting(PromoCodeView::partnerName)
			.containsOnly("Trail Deals");
	}

	@Test
	void theDownloadReadsMoreCodesThanOneBatchAllOfThemNewestFirst() {
		List<Long> newestFirst = newestFirst(bulk(PROGRAM, TRAIL, PromoCodeService.EXPORT_BATCH * 2 + 345));

		List<Long> read = new ArrayList<>();
		this.store.all(PROGRAM, null, null, NOW, NAMES, PromoCodeService.EXPORT_BATCH)
			.forEach(code -> read.add(code.id()));

		assertThat(read).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void aBatchThatEndsExactlyWithTheCodesIsFollowedByNothing() {
		List<Long> newestFirst = newestFirst(bulk(PROGRAM, TRAIL, 14));

		List<Long> read = new ArrayList<>();
		this.store.all(PROGRAM, null, null, NOW, NAMES, 7).forEach(code -> read.add(code.id()));

		assertThat(read).containsExactlyElementsOf(newestFirst);
		assertThat(this.store.all(OTHER_PROGRAM, null, null, NOW, NAMES, 7)).isEmpty();
	}

	@Test
	void theDownloadKeepsTheFiltersAcrossBatches() {
		for (int n = 0; n < 12; n++) {
			code(TRAIL, "T" + n, NOW.minusSeconds(60), null, null);
			code(CORNER, "C" + n, NOW.minusSeconds(60), null, null);
			code(TRAIL, "F" + n, NOW.plusSeconds(60), null, null);
		}

		List<String> read = new ArrayList<>();
		this.store.all(PROGRAM, TRAIL, PromoCodeState.ACTIVE, NOW, NAMES, 5).forEach(code -> read.add(code.code()));

		assertThat(read).containsExactly("T11", "T10", "T9", "T8", "T7", "T6", "T5", "T4", "T3", "T2", "T1", "T0");
	}

	/** The file is byte for byte the one written from the same codes read at once. */
	@Test
	void theFileWrittenFromTheBatchesIsTheFileOfTheCodesReadAtOnce() {
		bulk(PROGRAM, CORNER, PromoCodeService.EXPORT_BATCH + 10);
		code(TRAIL, "=SUM(A1)", NOW.minusSeconds(60), NOW.plusSeconds(3600), NOW.minusSeconds(1));

		ByteArrayOutputStream batched = new ByteArrayOutputStream();
		PromoCodeCsvWriter.write(batched,
				this.store.all(PROGRAM, null, null, NOW, NAMES, PromoCodeService.EXPORT_BATCH));
		ByteArrayOutputStream atOnce = new ByteArrayOutputStream();
		PromoCodeCsvWriter.write(atOnce, this.store.slice(PROGRAM, null, null, NOW, NAMES, 0, 10_000));

		assertThat(batched.toString().lines()).hasSize(PromoCodeService.EXPORT_BATCH + 12);
		assertThat(batched.toByteArray()).isEqualTo(atOnce.toByteArray());
	}

	// ---------------------------------------------------------------- helpers

	/** {@code count} codes of the partner in the program, in the order they were made: their ids, ascending. */
	private List<Long> bulk(long programId, long partnerId, int count) {
		this.jdbc.sql("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    time_zone, created_at, created_by)
				select :program, :partner, 'BULK' || :program || '-' || x, 'exact:bulk' || :program || '-' || x,
				    'EXACT', 'ALWAYS', :startsAt, 'UTC', :startsAt, 'test'
				from system_range(1, :count) order by x""")
			.param("program", programId)
			.param("partner", partnerId)
			.param("startsAt", utc(NOW.minusSeconds(86_400)))
			.param("count", count)
			.update();
		return this.jdbc.sql("select id from promo_code where program_id = ? and code like 'BULK%' order by id")
			.param(programId)
			.query(Long.class)
			.list();
	}

	private long code(long partnerId, String code, Instant startsAt, @Nullable Instant endsAt,
			@Nullable Instant deactivatedAt) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    ends_at, time_zone, created_at, created_by, deactivated_at, deactivated_by)
				values (?, ?, ?, ?, 'EXACT', 'ALWAYS', ?, ?, 'Europe/Paris', ?, 'alice@acme.example', ?, ?)""")
			.params(PROGRAM, partnerId, code, "exact:" + code.toLowerCase(), utc(startsAt), utc(endsAt),
					utc(NOW.minusSeconds(3600)), utc(deactivatedAt), (deactivatedAt != null) ? "carol@csm.example" : null)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private Dated dated(String code, Instant startsAt, @Nullable Instant endsAt, @Nullable Instant deactivatedAt) {
		code(TRAIL, code, startsAt, endsAt, deactivatedAt);
		return new Dated(code, startsAt, endsAt, deactivatedAt);
	}

	private static <T> List<T> newestFirst(List<T> inOrderMade) {
		List<T> reversed = new ArrayList<>(inOrderMade);
		Collections.reverse(reversed);
		return reversed;
	}

	private static List<Long> ids(List<PromoCodeView> codes) {
		return codes.stream().map(PromoCodeView::id).toList();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private record Dated(String code, Instant startsAt, @Nullable Instant endsAt, @Nullable Instant deactivatedAt) {
	}

}
