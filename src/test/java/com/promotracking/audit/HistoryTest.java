package com.promotracking.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.kernel.PageOf;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages of a program's history against the Flyway schema in the test H2. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class HistoryTest {

	private static final ProgramView US = new ProgramView(201, "Acme Outdoor US", 20, "Acme Outdoor");

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	private History history;

	@BeforeEach
	void twelveEntriesOfOneProgramAndOneOfAnother() {
		this.history = newHistory();
		this.jdbc.update("insert into brand (id, name) values (20, 'Acme Outdoor')");
		this.jdbc.update("insert into program (id, brand_id, name) values (201, 20, 'Acme Outdoor US'), "
				+ "(202, 20, 'Acme Outdoor FR')");
		for (int n = 1; n <= 12; n++) {
			entry(201, "change " + n);
		}
		entry(202, "another program");
	}

	@Test
	void aPageShowsTheNewestEntriesFirstAndTellsWhetherMoreFollow() {
		PageOf<HistoryRecord> first = this.history.page(US, 0, 5);
		PageOf<HistoryRecord> last = this.history.page(US, 2, 5);

		assertThat(first.items()).extracting(HistoryRecord::comment)
			.containsExactly("change 12", "change 11", "change 10", "change 9", "change 8");
		assertThat(first.hasNext()).isTrue();
		assertThat(last.items()).extracting(HistoryRecord::comment).containsExactly("change 2", "change 1");
		assertThat(last.hasNext()).isFalse();
		assertThat(this.history.page(US, 3, 5).items()).isEmpty();
	}

	@Test
	void aRecordedEntryReadsBackWithItsChangesInTheirOrderAndEmptyValues() {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("promoCode", new FieldChange(null, "created"));
		changes.put("partner", new FieldChange(null, "Trail Deals"));
		changes.put("active", new FieldChange(true, false));
		CurrentUser carol = new CurrentUser(3, "carol@csm.example", "Carol Diaz", Role.CSM, Set.of(20L));
		this.history.record(HistoryEvent.changed(US, carol, Channel.PAGE,
				new Subject(Subject.SubjectType.PROMO_CODE, 8, "SUMMER10"), "for the launch", changes));

		HistoryRecord entry = this.history.page(US, 0, 1).items().get(0);

		assertThat(entry.changes()).containsExactlyEntriesOf(changes);
		assertThat(entry.actor()).isEqualTo("carol@csm.example");
		assertThat(entry.actorRole()).isEqualTo(Role.CSM);
		assertThat(entry.comment()).isEqualTo("for the launch");
	}

	@Test
	void anEntryReadWholeKeepsEveryField() {
		HistoryRecord entry = this.history.page(US, 0, 1).items().get(0);

		assertThat(entry.actor()).isEqualTo("alice@acme.example");
		assertThat(entry.actingForBrandName()).isEqualTo("Acme Outdoor");
		assertThat(entry.channel()).isEqualTo(Channel.API);
		assertThat(entry.outcome()).isEqualTo(Outcome.CHANGED);
		assertThat(entry.subject()).isEqualTo(new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 201, "Acme Outdoor US"));
		assertThat(entry.changes()).containsExactly(Map.entry("promoCodeTrackingEnabled", new FieldChange(false, true)));
	}

	private History newHistory() {
		return new History(JdbcClient.create(this.dataSource), new JsonMapper(), Clock.systemUTC());
	}

	private void entry(long programId, String comment) {
		this.jdbc.update("""
				insert into history_entry (program_id, acting_for_brand_id, acting_for_brand_name, occurred_at, actor,
				    actor_role, channel, outcome, subject_type, subject_id, subject_label, comment, changes)
				select id, brand_id, 'Acme Outdoor', current_timestamp, 'alice@acme.example', 'BRAND_ADMIN', 'API',
				    'CHANGED', 'PROMO_CODE_SETTINGS', id, name, ?,
				    '{"promoCodeTrackingEnabled":{"from":false,"to":true}}' from program where id = ?""", comment,
				programId);
	}

}
