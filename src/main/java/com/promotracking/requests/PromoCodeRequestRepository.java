package com.promotracking.requests;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PromoCodeRequestRepository extends Repository<PromoCodeRequest, Long> {

	PromoCodeRequest save(PromoCodeRequest request);

	/** Locked, so two people deciding the same request at once cannot both succeed. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from PromoCodeRequest r where r.id = :id and r.programId = :programId")
	Optional<PromoCodeRequest> findForUpdate(long id, long programId);

	@Query("select r from PromoCodeRequest r where r.id = :id and r.programId = :programId")
	Optional<PromoCodeRequest> findInProgram(long id, long programId);

}
