package com.promotracking.eventtypes;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface EventTypeRepository extends Repository<EventType, Long> {

	EventType save(EventType eventType);

	void delete(EventType eventType);

	@Query("select e from EventType e where e.id = :id and e.programId = :programId")
	Optional<EventType> findInProgram(long id, long programId);

	Optional<EventType> findByProgramIdAndNameIgnoreCase(long programId, String name);

	/** Each event type of the program, with whether one of its test actions is approved (Active). */
	@Query("""
			select new com.promotracking.eventtypes.EventTypeSummary(e.id, e.name, e.kind,
			    case when exists (select 1 from TestAction t where t.eventType = e
			            and t.reviewState = com.promotracking.eventtypes.ReviewState.APPROVED) then true else false end)
			from EventType e where e.programId = :programId order by e.name, e.id""")
	List<EventTypeSummary> summariesOf(long programId);

	@Query("""
			select new com.promotracking.eventtypes.EventTypeSummary(e.id, e.name, e.kind,
			    case when exists (select 1 from TestAction t where t.eventType = e
			            and t.reviewState = com.promotracking.eventtypes.ReviewState.APPROVED) then true else false end)
			from EventType e where e.id = :id""")
	EventTypeSummary summaryOf(long id);

}
