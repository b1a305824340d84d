package com.promotracking.settings;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.promotracking.kernel.SqlRows;

/**
 * A program's saved settings as reads need them: one row in plain SQL. Every settings page, every API read of the
 * settings and every feature the settings switch on reads them, and none of these changes them; loading the entity
 * would put it in the persistence context for a dirty check that never finds anything. Changes go through
 * {@link PromoCodeSettingsRepository}, locked. Callers have checked access.
 */
@Repository
class PromoCodeSettingsStore {

	private final JdbcClient jdbc;

	PromoCodeSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The program's settings; those of a program that never saved any are {@link SavedSettings#NONE}. */
	SavedSettings find(long programId) {
		Optional<SavedSettings> saved = this.jdbc.sql("""
				select promo_code_tracking_enabled, partner_promo_code_requests_allowed, version, updated_at, updated_by
				from promo_code_settings where program_id = :programId""")
			.param("programId", programId)
			.query((row, number) -> new SavedSettings(row.getBoolean("promo_code_tracking_enabled"),
					row.getBoolean("partner_promo_code_requests_allowed"), row.getLong("version"),
					SqlRows.instant(row, "updated_at"), row.getString("updated_by")))
			.optional();
		return saved.orElse(SavedSettings.NONE);
	}

	/** A program's two settings as saved, the version they were saved at, and who saved them when. */
	record SavedSettings(boolean trackingEnabled, boolean partnerRequestsAllowed, long version,
			@Nullable Instant updatedAt, @Nullable String updatedBy) {

		/** A program that never saved its settings: both off, version 0. */
		static final SavedSettings NONE = new SavedSettings(false, false, 0, null, null);

	}

}
