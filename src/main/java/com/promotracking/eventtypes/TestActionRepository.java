package com.promotracking.eventtypes;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TestActionRepository extends Repository<TestAction, Long> {

	TestAction save(TestAction testAction);

	void delete(TestAction testAction);

	@Query("select t from TestAction t join fetch t.eventType e where t.id = :id and e.programId = :programId")
	Optional<TestAction> findInProgram(long id, long programId);

	/** Locked, so two reviewers deciding the same test action at once cannot both succeed. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from TestAction t join fetch t.eventType e where t.id = :id and e.programId = :programId")
	Optional<TestAction> findForUpdate(long id, long programId);

	boolean existsByEventTypeAndOrderId(EventType eventType, String orderId);

	@Modifying
	@Query("delete from TestAction t where t.eventType = :eventType")
	void deleteByEventType(EventType eventType);

}
