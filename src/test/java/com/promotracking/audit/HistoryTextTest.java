package com.promotracking.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.promotracking.support.AppMessages;
import com.promotracking.web.DateTimes;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** History entries put into words with the application's own messages, in the reader's language. */
class HistoryTextTest {

	private static final Instant AT = Instant.parse("2026-11-02T10:15:30Z");

	private final HistoryText text = new HistoryText(AppMessages.source(), new DateTimes());

	@Test
	void aRefusedReviewWithACommentReadsInFrenchWithItsReasonAndComment() {
		HistoryRecord entry = new HistoryRecord(1, AT, "carol@csm.example", Role.CSM, 1, "Acme Outdoor", Channel.API,
				new Subject(Subject.SubjectType.TEST_ACTION, 5, "TEST-1001"), Outcome.REFUSED,
				Map.of("reviewState", new FieldChange("pending", "rejected")), "not-approved", "Wrong amount");

		HistoryRow row = this.text.row(entry, Locale.FRENCH);

		assertThat(row.when()).isEqualTo(new DateTimes().format(AT, Locale.FRENCH)).contains("2026").endsWith(" UTC");
		assertThat(row.actor()).isEqualTo("carol@csm.example");
		assertThat(row.role()).isEqualTo("Responsable de la réussite client (CSM)");
		assertThat(row.actingFor()).isEqualTo("Acme Outdoor");
		assertThat(row.channel()).isEqualTo("API");
		assertThat(row.outcome()).isEqualTo("Refusé");
		assertThat(row.about()).isEqualTo("Action de test TEST-1001");
		assertThat(row.changes()).containsExactly("Revue : en attente → rejetée");
		assertThat(row.problem()).isEqualTo("Non approuvée");
		assertThat(row.comment()).isEqualTo("Commentaire : Wrong amount");
		assertThat(row.refused()).isTrue();
	}

	@Test
	void aPlainChangeHasNoProblemNorCommentAndShowsOnAndOff() {
		HistoryRecord entry = new HistoryRecord(2, AT, "alice@acme.example", Role.BRAND_ADMIN, 1, "Acme Outdoor",
				Channel.PAGE, new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 11, "Acme Outdoor US"),
				Outcome.CHANGED, Map.of("promoCodeTrackingEnabled", new FieldChange(false, true)), null, null);

		HistoryRow row = this.text.row(entry, Locale.ENGLISH);

		assertThat(row.outcome()).isEqualTo("Changed");
		assertThat(row.channel()).isEqualTo("Settings page");
		assertThat(row.about()).isEqualTo("Settings of Acme Outdoor US");
		assertThat(row.changes()).containsExactly("Promo code tracking: off → on");
		assertThat(row.problem()).isNull();
		assertThat(row.comment()).isNull();
		assertThat(row.refused()).isFalse();
	}

	@Test
	void aFieldValueOrProblemWithoutWordsIsShownAsStored() {
		HistoryRecord entry = new HistoryRecord(3, AT, "alice@acme.example", Role.BRAND_ADMIN, 1, "Acme Outdoor",
				Channel.API, new Subject(Subject.SubjectType.PROMO_CODE, 8, "SUMMER10"), Outcome.CHANGED,
				Map.of("someNewField", new FieldChange(null, "shiny")), "some-new-problem", null);

		HistoryRow row = this.text.row(entry, Locale.ENGLISH);

		assertThat(row.changes()).containsExactly("someNewField: none → shiny");
		assertThat(row.problem()).isEqualTo("some-new-problem");
	}

}
