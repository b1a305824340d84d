package com.promotracking.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.promotracking.console.ConsoleStore.Listed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live codes, read through the counts' cache against the real schema: exact at every instant, as a
 * code starts and as one ends, though the program's codes version did not move in between.
 */
@SpringBootTest
class ConsoleLiveCodesTest {

	private static final Instant STARTS = Instant.parse("2029-01-01T00:00:00Z");

	private static final Instant ENDS = Instant.parse("2030-01-01T00:00:00Z");

	@Autowired
	ConsoleStore store;

	@Autowired
	JdbcTemplate jdbc;

	Listed program;

	@BeforeEach
	void aProgramWithACodeLiveSince2025OneThatStartsAndOneThatEnds() {
		ConsoleBrand brand = ConsoleBrand.create(this.jdbc);
		long id = brand.program("Timed codes", true);
		brand.liveCode(id, "ALWAYS");
		code(id, "LATER", STARTS, null);
		code(id, "ENDING", Instant.parse("2025-01-01T00:00:00Z"), ENDS);
		this.program = new Listed(id, "Timed codes", brand.id(), brand.name());
	}

	@Test
	void theCountFollowsEachStartAndEndWhileTheCodesStayTheSame() {
		assertThat(liveAt(STARTS.minusSeconds(86_400))).isEqualTo(2);
		assertThat(liveAt(STARTS.minusMillis(1))).as("still held").isEqualTo(2);
		assertThat(liveAt(STARTS)).as("LATER starts").isEqualTo(3);
		assertThat(liveAt(ENDS.minusMillis(1))).isEqualTo(3);
		assertThat(liveAt(ENDS)).as("ENDING ends").isEqualTo(2);
		assertThat(liveAt(ENDS.plusSeconds(86_400 * 365L))).isEqualTo(2);
	}

	private long liveAt(Instant now) {
		return this.store.details(List.of(this.program), now, now.minusSeconds(86_400 * 30L)).get(0).liveCodes();
	}

	private void code(long program, String code, Instant starts, @Nullable Instant ends) {
		this.jdbc.update("""
				insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at,
				    ends_at, time_zone, created_at, created_by)
				select ?, id, ?, ?, 'EXACT', 'ALWAYS', ?, ?, 'UTC', current_timestamp, 'test' from partner
				where name = 'Coupon Corner'""", program, code, "exact:" + code.toLowerCase(),
				Timestamp.from(starts), (ends != null) ? Timestamp.from(ends) : null);
		this.jdbc.update("update program set codes_version = codes_version + 1 where id = ?", program);
	}

}
