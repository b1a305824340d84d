package com.promotracking.eventtypes;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Is this program's promo code validated?" and the event type list, against the Flyway schema in the test H2.
 * Each test writes its own rows (the demo data is not loaded in this slice) and rolls them back.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PromoCodeValidations.class)
class PromoCodeValidationsRepositoryTest {

	private static final long PROGRAM = 100;

	private static final long OTHER_PROGRAM = 200;

	private static final long SALE = 1001;

	private static final long LEAD = 1002;

	private static final long OTHER_PROGRAM_SALE = 2001;

	@Autowired
	private PromoCodeValidations validations;

	@Autowired
	private EventTypeRepository eventTypes;

	@Autowired
	private JdbcTemplate jdbc;

	private long nextTestActionId = 5000;

	@BeforeEach
	void twoProgramsWithEventTypes() {
		this.jdbc.update("insert into brand (id, name) values (10, 'Acme Outdoor')");
		this.jdbc.update("insert into program (id, brand_id, name) values (?, 10, 'Acme Outdoor US')", PROGRAM);
		this.jdbc.update("insert into program (id, brand_id, name) values (?, 10, 'Acme Outdoor FR')", OTHER_PROGRAM);
		eventType(SALE, PROGRAM, "Online Sale", "SALE");
		eventType(LEAD, PROGRAM, "Newsletter Lead", "LEAD");
		eventType(OTHER_PROGRAM_SALE, OTHER_PROGRAM, "Online Sale", "SALE");
	}

	@Test
	void anApprovedTestActionWithAPromoCodeValidatesTheProgram() {
		long id = testAction(SALE, "TEST-1", "SUMMER10", "APPROVED", "2026-10-02T15:30:00Z");

		Optional<PromoCodeValidation> validation = this.validations.of(PROGRAM);

		assertThat(validation).contains(new PromoCodeValidation(id, "TEST-1", "SUMMER10", SALE, "Online Sale",
				Instant.parse("2026-10-02T15:30:00Z"), "alice@acme.example"));
	}

	@Test
	void anApprovedTestActionWithoutAPromoCodeDoesNotValidate() {
		testAction(SALE, "TEST-1", null, "APPROVED", "2026-10-02T15:30:00Z");

		assertThat(this.validations.of(PROGRAM)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "PENDING", "REJECTED" })
	void aTestActionWithAPromoCodeThatIsNotApprovedDoesNotValidate(String reviewState) {
		testAction(SALE, "TEST-1", "SUMMER10", reviewState, "PENDING".equals(reviewState) ? null : "2026-10-02T15:30:00Z");

		assertThat(this.validations.of(PROGRAM)).isEmpty();
	}

	@ParameterizedTest(name = "promo code \"{0}\"")
	@ValueSource(strings = { "", " ", "     " })
	void anApprovedTestActionWithABlankPromoCodeDoesNotValidate(String blank) {
		testAction(SALE, "TEST-1", blank, "APPROVED", "2026-10-02T15:30:00Z");

		assertThat(this.validations.of(PROGRAM)).isEmpty();
	}

	@Test
	void anApprovedCodeOfAnotherProgramDoesNotValidateThisOne() {
		testAction(OTHER_PROGRAM_SALE, "TEST-1", "ETE15", "APPROVED", "2026-10-02T15:30:00Z");

		assertThat(this.validations.of(PROGRAM)).isEmpty();
		assertThat(this.validations.of(OTHER_PROGRAM)).map(PromoCodeValidation::promoCode).contains("ETE15");
	}

	@Test
	void theNewestApprovalIsTheOneShown() {
		testAction(SALE, "TEST-OLD-RECEIVED-LAST", "OLD", "APPROVED", "2026-10-01T09:00:00Z");
		testAction(LEAD, "TEST-NEWEST", "NEWEST", "APPROVED", "2026-10-05T09:00:00Z");
		testAction(SALE, "TEST-MIDDLE", "MIDDLE", "APPROVED", "2026-10-03T09:00:00Z");
		testAction(SALE, "TEST-PENDING-LATER", "LATER", "PENDING", null);
		testAction(SALE, "TEST-NO-CODE-LATER", null, "APPROVED", "2026-10-09T09:00:00Z");

		assertThat(this.validations.of(PROGRAM)).hasValueSatisfying(validation -> {
			assertThat(validation.orderId()).isEqualTo("TEST-NEWEST");
			assertThat(validation.promoCode()).isEqualTo("NEWEST");
			assertThat(validation.eventTypeId()).isEqualTo(LEAD);
			assertThat(validation.eventTypeName()).isEqualTo("Newsletter Lead");
		});
	}

	@Test
	void approvalsAtTheSameMomentShowTheLatestTestAction() {
		long first = testAction(SALE, "TEST-A", "FIRST", "APPROVED", "2026-10-05T09:00:00Z");
		long second = testAction(SALE, "TEST-B", "SECOND", "APPROVED", "2026-10-05T09:00:00Z");

		assertThat(second).isGreaterThan(first);
		assertThat(this.validations.of(PROGRAM)).map(PromoCodeValidation::testActionId).contains(second);
	}

	@Test
	void eventTypesAreActiveOnlyOnceOneOfTheirTestActionsWasApproved() {
		eventType(1003, PROGRAM, "App Install", "LEAD");
		eventType(1004, PROGRAM, "Store Sale", "SALE");
		testAction(SALE, "TEST-1", null, "APPROVED", "2026-10-02T15:30:00Z");
		testAction(SALE, "TEST-2", "SUMMER10", "REJECTED", "2026-10-02T16:30:00Z");
		testAction(LEAD, "TEST-3", "SUMMER10", "PENDING", null);
		testAction(1004, "TEST-4", "SUMMER10", "REJECTED", "2026-10-02T16:30:00Z");
		testAction(OTHER_PROGRAM_SALE, "TEST-5", "ETE15", "APPROVED", "2026-10-02T15:30:00Z");

		assertThat(this.eventTypes.summariesOf(PROGRAM)).containsExactly(
				new EventTypeSummary(1003, "App Install", EventTypeKind.LEAD, false),
				new EventTypeSummary(LEAD, "Newsletter Lead", EventTypeKind.LEAD, false),
				new EventTypeSummary(SALE, "Online Sale", EventTypeKind.SALE, true),
				new EventTypeSummary(1004, "Store Sale", EventTypeKind.SALE, false));
	}

	@Test
	void aProgramWithoutEventTypesListsNone() {
		this.jdbc.update("insert into program (id, brand_id, name) values (300, 10, 'Empty')");

		assertThat(this.eventTypes.summariesOf(300)).isEmpty();
		assertThat(this.validations.of(300)).isEmpty();
	}

	private void eventType(long id, long programId, String name, String kind) {
		this.jdbc.update("insert into event_type (id, program_id, name, kind, created_at) values (?, ?, ?, ?, ?)", id,
				programId, name, kind, java.sql.Timestamp.from(Instant.parse("2026-10-01T09:00:00Z")));
	}

	private long testAction(long eventTypeId, String orderId, String promoCode, String reviewState, String reviewedAt) {
		long id = this.nextTestActionId++;
		this.jdbc.update("""
				insert into test_action (id, event_type_id, order_id, amount, currency, promo_code, payload, received_at,
				    review_state, reviewed_at, reviewed_by)
				values (?, ?, ?, 89.90, 'USD', ?, '{}', ?, ?, ?, ?)""", id, eventTypeId, orderId, promoCode,
				java.sql.Timestamp.from(Instant.parse("2026-10-01T12:00:00Z")), reviewState,
				(reviewedAt != null) ? java.sql.Timestamp.from(Instant.parse(reviewedAt)) : null,
				(reviewedAt != null) ? "alice@acme.example" : null);
		return id;
	}

}
