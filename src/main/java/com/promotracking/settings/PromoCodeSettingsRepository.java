package com.promotracking.settings;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PromoCodeSettingsRepository extends Repository<PromoCodeSettings, Long> {

	/** Locks the row so concurrent saves of one program queue up and each sees the version before it. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from PromoCodeSettings s where s.programId = :programId")
	Optional<PromoCodeSettings> findForUpdate(long programId);

	PromoCodeSettings saveAndFlush(PromoCodeSettings settings);

}
