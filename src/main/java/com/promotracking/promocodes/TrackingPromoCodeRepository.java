package com.promotracking.promocodes;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TrackingPromoCodeRepository extends Repository<TrackingPromoCode, Long> {

	TrackingPromoCode save(TrackingPromoCode code);

	@Query("select c from TrackingPromoCode c where c.id = :id and c.programId = :programId")
	Optional<TrackingPromoCode> findInProgram(long id, long programId);

	/** Locked, so deactivating twice at once is refused once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from TrackingPromoCode c where c.id = :id and c.programId = :programId")
	Optional<TrackingPromoCode> findForUpdate(long id, long programId);

	Optional<TrackingPromoCode> findByProgramIdAndCodeKey(long programId, String codeKey);

	/**
	 * The codes (as written) of the program's other partners that still credit someone, to keep attribution
	 * unambiguous. Only the text: a new regex is checked against every live exact code, and a program may hold a
	 * hundred thousand, which as entities filled the heap.
	 */
	@Query("""
			select c.code from TrackingPromoCode c
			where c.programId = :programId and c.partnerId <> :partnerId and c.deactivatedAt is null
			  and c.matchType = :matchType""")
	List<String> liveCodesOfOtherPartners(long programId, long partnerId, MatchType matchType);

	@Query("""
			select new com.promotracking.promocodes.PromoCodeRule(c.id, c.partnerId, c.code, c.matchType, c.creditPolicy,
			    c.startsAt, c.endsAt, c.deactivatedAt)
			from TrackingPromoCode c where c.programId = :programId order by c.id""")
	List<PromoCodeRule> rulesOf(long programId);

	/**
	 * Raises the program's codes version, in the transaction that creates or deactivates one of its codes, so the
	 * change and the new version commit together and every instance sees both at once.
	 */
	@Modifying
	@Query(nativeQuery = true, value = "update program set codes_version = codes_version + 1 where id = :programId")
	void codesChanged(long programId);

}
