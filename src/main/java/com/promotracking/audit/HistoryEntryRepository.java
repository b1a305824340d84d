package com.promotracking.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface HistoryEntryRepository extends Repository<HistoryEntry, Long> {

	HistoryEntry save(HistoryEntry entry);

	/**
	 * Newest first. Ids grow with time and (program_id, id) is indexed, so this reads one page (plus one row
	 * to know whether there is a next page) and never counts the whole history.
	 */
	// Ordered by the index's columns, program first, so both databases read it in order and stop early.
	@Query("select h from HistoryEntry h where h.programId = :programId order by h.programId, h.id desc")
	Slice<HistoryEntry> findPage(long programId, Pageable page);

}
