package com.promotracking.eventtypes;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data (loaded here from the same script {@code DemoData} runs, which is not part of the JPA slice)
 * gives the three validation situations the README promises.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PromoCodeValidations.class)
@Sql("/db/demo/demo-data.sql")
class DemoDataValidationsRepositoryTest {

	@Autowired
	private PromoCodeValidations validations;

	@Autowired
	private EventTypeRepository eventTypes;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void acmeOutdoorUsIsValidatedBySummer10() {
		assertThat(this.validations.of(programId("Acme Outdoor US"))).hasValueSatisfying(validation -> {
			assertThat(validation.orderId()).isEqualTo("TEST-US-1001");
			assertThat(validation.promoCode()).isEqualTo("SUMMER10");
			assertThat(validation.eventTypeName()).isEqualTo("Online Sale");
			assertThat(validation.approvedBy()).isEqualTo("alice@acme.example");
		});
	}

	@Test
	void acmeOutdoorFrIsNotValidatedByAnApprovalWithoutCodeNorByAPendingCode() {
		assertThat(this.validations.of(programId("Acme Outdoor FR"))).isEmpty();
		// Its event type is live all the same: an approval makes an event type Active, with or without a code.
		assertThat(this.eventTypes.summariesOf(programId("Acme Outdoor FR"))).singleElement()
			.satisfies(eventType -> assertThat(eventType.active()).isTrue());
	}

	@Test
	void globexMainHasNoTestActionSoNothingIsValidatedOrActive() {
		assertThat(this.validations.of(programId("Globex Main"))).isEmpty();
		assertThat(this.eventTypes.summariesOf(programId("Globex Main"))).singleElement()
			.satisfies(eventType -> {
				assertThat(eventType.name()).isEqualTo("Online Sale");
				assertThat(eventType.kind()).isEqualTo(EventTypeKind.SALE);
				assertThat(eventType.active()).isFalse();
			});
	}

	private long programId(String name) {
		return this.jdbc.queryForObject("select id from program where name = ?", Long.class, name);
	}

}
