package com.promotracking.settings;

import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.users.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guards the Ad settings page against N+1 reads and whole-table reads without timing anything: rendering it
 * and saving it issue a small, fixed number of SQL statements, however many history entries the program
 * has.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureMockMvc
class AdSettingsQueryCountTest {

	/** Program, settings, validation, history page, the user's programs, the brand's CSM. */
	static final int PAGE_STATEMENTS = 6;

	/** Program, locked settings row, validation, the update and its history entry (then a redirect). */
	static final int SAVE_STATEMENTS = 5;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	CurrentUser alice;

	long acmeUs;

	Statistics statistics;

	@BeforeEach
	void aliceWithHistory() {
		this.acmeUs = this.jdbc.queryForObject("select id from program where name = 'Acme Outdoor US'", Long.class);
		long aliceId = this.jdbc.queryForObject("select id from app_user where username = 'alice@acme.example'",
				Long.class);
		long acme = this.jdbc.queryForObject("select id from brand where name = 'Acme Outdoor'", Long.class);
		this.alice = new CurrentUser(aliceId, "alice@acme.example", "Alice Martin", Role.BRAND_ADMIN, Set.of(acme));
		this.jdbc.update("""
				insert into history_entry (program_id, acting_for_brand_id, acting_for_brand_name, occurred_at, actor,
				    actor_role, channel, outcome, subject_type, subject_id, subject_label, changes)
				select ?, ?, 'Acme Outdoor', current_timestamp, 'alice@acme.example', 'BRAND_ADMIN', 'API', 'CHANGED',
				    'PROMO_CODE_SETTINGS', ?, 'Acme Outdoor US', '{}' from system_range(1, 500)""", this.acmeUs, acme,
				this.acmeUs);
		this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
	}

	@Test
	void renderingTheAdSettingsPageIssuesAFixedSmallNumberOfStatements() throws Exception {
		this.statistics.clear();

		this.mvc.perform(get("/programs/" + this.acmeUs + "/settings/ad-settings")
			.with(authentication(SignedInUsers.authenticationOf(this.alice)))).andExpect(status().isOk());

		assertThat(this.statistics.getPrepareStatementCount()).isLessThanOrEqualTo(PAGE_STATEMENTS);
		assertThat(this.statistics.getEntityLoadCount()).as("entities loaded").isLessThan(20);
	}

	@Test
	void savingTheFormIssuesAFixedSmallNumberOfStatements() throws Exception {
		this.statistics.clear();

		this.mvc.perform(post("/programs/" + this.acmeUs + "/settings/ad-settings").param("promoCodeTrackingEnabled", "true")
			.with(csrf())
			.with(authentication(SignedInUsers.authenticationOf(this.alice)))).andExpect(status().isFound());

		assertThat(this.statistics.getPrepareStatementCount()).isLessThanOrEqualTo(SAVE_STATEMENTS);
		this.mvc.perform(post("/programs/" + this.acmeUs + "/settings/ad-settings").with(csrf())
			.with(authentication(SignedInUsers.authenticationOf(this.alice)))).andExpect(status().isFound());
	}

}
