package com.promotracking.settings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.Outcome;
import com.promotracking.audit.Subject;
import com.promotracking.kernel.ProblemTypes;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON of a history entry in the API, field for field, as the API's clients read it. */
class HistoryEntryResponseTest {

	private static final Instant AT = Instant.parse("2026-11-27T08:30:00Z");

	private final JsonMapper json = new JsonMapper();

	@Test
	void aRefusalWithACommentShowsEveryFieldItsChangesInOrderAndEmptyValuesAsNull() {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("promoCodeTrackingEnabled", new FieldChange(false, true));
		changes.put("promoCode", new FieldChange(null, "created"));
		HistoryRecord refused = new HistoryRecord(2, AT, "carol@csm.example", Role.CSM, 1, "Acme Outdoor",
				Channel.PAGE, new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 11, "Acme Outdoor US"),
				Outcome.REFUSED, changes, "promo-code-not-validated", "for the launch");

		String written = this.json.writeValueAsString(HistoryEntryResponse.of(refused));

		assertThat(written).isEqualTo("""
				{"at":"2026-11-27T08:30:00Z","actor":"carol@csm.example","actorRole":"csm",\
				"actingForBrand":{"id":1,"name":"Acme Outdoor"},"channel":"page",\
				"subject":{"type":"promo-code-settings","id":11,"label":"Acme Outdoor US"},"outcome":"refused",\
				"changes":{"promoCodeTrackingEnabled":{"from":false,"to":true},\
				"promoCode":{"from":null,"to":"created"}},"comment":"for the launch",\
				"type":"%s"}""".formatted(ProblemTypes.of("promo-code-not-validated")));
	}

	@Test
	void anEntryWithoutCommentOrProblemHasNeitherField() {
		HistoryRecord changed = new HistoryRecord(1, AT, "alice@acme.example", Role.BRAND_ADMIN, 1, "Acme Outdoor",
				Channel.API, new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 11, "Acme Outdoor US"),
				Outcome.CHANGED, Map.of(), null, null);

		String written = this.json.writeValueAsString(HistoryEntryResponse.of(changed));

		assertThat(written).endsWith("\"outcome\":\"changed\",\"changes\":{}}");
	}

}
