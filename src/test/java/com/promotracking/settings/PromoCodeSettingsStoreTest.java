package com.promotracking.settings;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.promotracking.settings.PromoCodeSettingsStore.SavedSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings reads see exactly what the entity saved, against the Flyway schema in the test H2: both flags, the
 * version the save reached, who saved them and when; a program that never saved gets both off at version 0.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PromoCodeSettingsStore.class)
class PromoCodeSettingsStoreTest {

	private static final long PROGRAM = 931;

	private static final long NEVER_SAVED = 932;

	/** With microseconds, as stored. */
	private static final Instant SAVED_AT = Instant.parse("2026-11-02T10:15:30.123456Z");

	@Autowired
	private PromoCodeSettingsStore store;

	@Autowired
	private PromoCodeSettingsRepository repository;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void twoPrograms() {
		this.jdbc.sql("insert into brand (id, name) values (93, 'Settings Brand')").update();
		this.jdbc.sql("insert into program (id, brand_id, name) values (?, 93, 'Settings US'), (?, 93, 'Settings FR')")
			.params(PROGRAM, NEVER_SAVED)
			.update();
	}

	@Test
	void readsTheFlagsVersionAuthorAndTimeTheEntityLastSaved() {
		PromoCodeSettings saved = this.repository.saveAndFlush(new PromoCodeSettings(PROGRAM));
		saved.change(true, false, "alice@acme.example", SAVED_AT.minusSeconds(60));
		saved = this.repository.saveAndFlush(saved);
		saved.change(true, true, "carol@csm.example", SAVED_AT);
		saved = this.repository.saveAndFlush(saved);

		assertThat(this.store.find(PROGRAM))
			.isEqualTo(new SavedSettings(true, true, saved.version(), SAVED_AT, "carol@csm.example"));
		assertThat(saved.version()).as("two changes after the first save").isEqualTo(2);
	}

	@Test
	void aProgramThatNeverSavedHasBothOffAtVersionZeroAndNobodyAsAuthor() {
		PromoCodeSettings other = this.repository.saveAndFlush(new PromoCodeSettings(PROGRAM));
		other.change(true, true, "alice@acme.example", SAVED_AT);
		this.repository.saveAndFlush(other);

		assertThat(this.store.find(NEVER_SAVED)).isEqualTo(SavedSettings.NONE)
			.isEqualTo(new SavedSettings(false, false, 0, null, null));
	}

}
