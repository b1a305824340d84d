package com.promotracking.settings;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.audit.Channel;
import com.promotracking.audit.HistoryPage;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.Outcome;
import com.promotracking.audit.Subject;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The history API's JSON: each entry written once and kept, the page's array put together from them. */
class HistoryJsonTest {

	private static final Instant AT = Instant.parse("2026-11-27T08:30:00Z");

	private final JsonMapper json = new JsonMapper();

	private final HistoryJson history = new HistoryJson(this.json);

	@Test
	void aPageIsAnArrayOfItsEntriesNewestFirstWithTheirStoredChangesAsJson() {
		HistoryRecord refused = new HistoryRecord(2, AT, "carol@csm.example", Role.CSM, 1, "Acme Outdoor",
				Channel.PAGE, new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 11, "Acme Outdoor US"),
				Outcome.REFUSED, "{\"promoCodeTrackingEnabled\":{\"from\":false,\"to\":true}}",
				"promo-code-not-validated", "for the launch");

		JsonNode array = this.json.readTree(this.history.of(page(refused, entry(1, "alice@acme.example"))));

		assertThat(array.size()).isEqualTo(2);
		JsonNode first = array.get(0);
		assertThat(first.get("at").asString()).isEqualTo("2026-11-27T08:30:00Z");
		assertThat(first.get("actor").asString()).isEqualTo("carol@csm.example");
		assertThat(first.get("actingForBrand").get("name").asString()).isEqualTo("Acme Outdoor");
		assertThat(first.get("subject").get("label").asString()).isEqualTo("Acme Outdoor US");
		assertThat(first.get("changes").get("promoCodeTrackingEnabled").get("to").asBoolean()).isTrue();
		assertThat(first.get("comment").asString()).isEqualTo("for the launch");
		assertThat(first.get("type").asString()).endsWith("promo-code-not-validated");
		assertThat(array.get(1).get("actor").asString()).isEqualTo("alice@acme.example");
		assertThat(array.get(1).has("comment")).as("no comment, no field").isFalse();
		assertThat(array.get(1).has("type")).isFalse();
	}

	@Test
	void anEntryIsWrittenOnceThenKept() {
		this.history.of(page(entry(1, "alice@acme.example")));

		// An entry never changes: another record under the same id can only show that the first one's JSON was kept.
		String again = this.history.of(page(entry(1, "bob@acme.example"), entry(2, "dan@acme.example")));

		assertThat(this.json.readTree(again).findValuesAsString("actor")).containsExactly("alice@acme.example",
				"dan@acme.example");
		assertThat(this.history.kept()).isEqualTo(2);
	}

	@Test
	void noEntriesIsAnEmptyArray() {
		assertThat(this.history.of(page())).isEqualTo("[]");
	}

	private static HistoryRecord entry(long id, String actor) {
		return new HistoryRecord(id, AT, actor, Role.BRAND_ADMIN, 1, "Acme Outdoor", Channel.API,
				new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 11, "Acme Outdoor US"), Outcome.CHANGED, "{}",
				null, null);
	}

	private static HistoryPage page(HistoryRecord... entries) {
		return new HistoryPage(List.of(entries), 0, 20, false);
	}

}
