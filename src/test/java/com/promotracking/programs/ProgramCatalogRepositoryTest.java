package com.promotracking.programs;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The programs a user sees, against the Flyway schema in the test H2: those of every brand they manage, by brand
 * name and then in the order they were made, and none of any other brand; and a program's partners.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(ProgramCatalog.class)
class ProgramCatalogRepositoryTest {

	@Autowired
	private ProgramCatalog catalog;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void threeBrands() {
		this.jdbc.update("insert into brand (id, name) values (10, 'Globex'), (20, 'Acme Outdoor'), (30, 'Initech')");
		this.jdbc.update("insert into program (id, brand_id, name) values (101, 10, 'Globex Main'), "
				+ "(201, 20, 'Acme Outdoor US'), (202, 20, 'Acme Outdoor FR'), (301, 30, 'Initech Main')");
	}

	@Test
	void aBrandAdminSeesTheProgramsOfTheirBrandOnly() {
		assertThat(this.catalog.visibleTo(user(Role.BRAND_ADMIN, Set.of(20L)))).extracting(ProgramView::name)
			.containsExactly("Acme Outdoor US", "Acme Outdoor FR");
	}

	@Test
	void aCsmSeesTheProgramsOfEveryAssignedBrandByBrandName() {
		assertThat(this.catalog.visibleTo(user(Role.CSM, Set.of(10L, 20L)))).extracting(ProgramView::name)
			.containsExactly("Acme Outdoor US", "Acme Outdoor FR", "Globex Main");
	}

	@Test
	void someoneWhoManagesNoBrandSeesNoProgram() {
		assertThat(this.catalog.visibleTo(user(Role.PARTNER, Set.of()))).isEmpty();
	}

	@Test
	void aBrandAdminGetsTheirProgramWithItsBrandAndNoOtherBrandsProgram() {
		CurrentUser acmeAdmin = user(Role.BRAND_ADMIN, Set.of(20L));

		assertThat(this.catalog.require(acmeAdmin, 202)).isEqualTo(new ProgramView(202, "Acme Outdoor FR", 20,
				"Acme Outdoor"));
		assertThatThrownBy(() -> this.catalog.require(acmeAdmin, 101)).isInstanceOf(ProgramNotFound.class);
		assertThatThrownBy(() -> this.catalog.require(acmeAdmin, 999)).isInstanceOf(ProgramNotFound.class);
	}

	@Test
	void severalUsersAtOnceGetTheProgramWhenTheyMayActOnItAsEachAlone() {
		CurrentUser acmeAdmin = user(Role.BRAND_ADMIN, Set.of(20L));
		CurrentUser globexAdmin = new CurrentUser(2, "globex@example.com", "Globex", Role.BRAND_ADMIN, Set.of(10L));
		CurrentUser csm = new CurrentUser(3, "csm@example.com", "CSM", Role.CSM, Set.of(10L, 20L));
		CurrentUser partner = new CurrentUser(4, "partner@example.com", "Partner", Role.PARTNER, Set.of(), 7L);

		assertThat(this.catalog.requireEach(201, List.of(acmeAdmin, globexAdmin, csm, partner)))
			.containsOnlyKeys(acmeAdmin, csm)
			.containsValue(new ProgramView(201, "Acme Outdoor US", 20, "Acme Outdoor"));
		assertThat(this.catalog.requireEach(999, List.of(acmeAdmin, csm))).isEmpty();
	}

	@Test
	void aProgramsPartnersComeByNameAndAPartnerOfAnotherProgramIsNotIn() {
		this.jdbc.update("insert into partner (id, name) values (71, 'Trailblazer Deals'), (72, 'Coupon Corner'), "
				+ "(73, 'Globex Friends')");
		this.jdbc.update("insert into program_partner (program_id, partner_id) values (201, 71), (201, 72), (101, 73), "
				+ "(202, 71)");
		ProgramView us = new ProgramView(201, "Acme Outdoor US", 20, "Acme Outdoor");

		assertThat(this.catalog.partnersOf(us)).containsExactly(new PartnerView(72, "Coupon Corner"),
				new PartnerView(71, "Trailblazer Deals"));
		assertThat(this.catalog.partnerIn(201, 71)).contains(new PartnerView(71, "Trailblazer Deals"));
		assertThat(this.catalog.partnerIn(201, 73)).isEmpty();
		assertThat(this.catalog.partnerIn(201, 999)).isEmpty();
		CurrentUser trailblazer = new CurrentUser(4, "trail@example.com", "Trail", Role.PARTNER, Set.of(), 71L);
		assertThat(this.catalog.partnerOf(trailblazer)).contains(new PartnerView(71, "Trailblazer Deals"));
		assertThat(this.catalog.partnerOf(user(Role.BRAND_ADMIN, Set.of(20L)))).isEmpty();
		assertThat(this.catalog.requireJoined(trailblazer, 202)).isEqualTo(new ProgramView(202, "Acme Outdoor FR", 20,
				"Acme Outdoor"));
		assertThatThrownBy(() -> this.catalog.requireJoined(trailblazer, 101)).isInstanceOf(ProgramNotFound.class);
	}

	private static CurrentUser user(Role role, Set<Long> brands) {
		return new CurrentUser(1, "someone@example.com", "Someone", role, brands);
	}

}
