package com.promotracking.eventtypes;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TestActionRepository extends Repository<TestAction, Long> {

	/** Approved test actions that carried a promo code, newest approval first. */
	@Query("""
			select t from TestAction t join fetch t.eventType e
			where e.programId = :programId
			  and t.reviewState = com.promotracking.eventtypes.ReviewState.APPROVED
			  and t.promoCode is not null and trim(t.promoCode) <> ''
			order by t.reviewedAt desc, t.id desc""")
	List<TestAction> findValidating(long programId, Limit limit);

}
