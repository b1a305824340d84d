package com.promotracking.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.programs.ProgramView;

/** Writes and reads a program's history. Callers check access; this only records and reads. */
@Service
public class History {

	private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final HistoryEntryRepository entries;

	private final JsonMapper json;

	private final Clock clock;

	History(HistoryEntryRepository entries, JsonMapper json, Clock clock) {
		this.entries = entries;
		this.json = json;
		this.clock = clock;
	}

	/** Records in the caller's transaction, so the entry commits or rolls back with the change it tells of. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(HistoryEvent event) {
		ProgramView program = event.program();
		this.entries.save(new HistoryEntry(program.id(), program.brandId(), program.brandName(), this.clock.instant(),
				event.actor().username(), event.actor().role(), event.channel(), event.outcome(), event.problemType(),
				event.subject(), event.comment(), this.json.writeValueAsString(event.changes())));
	}

	/** One page of the program's history, newest first; a page past the end is empty. */
	@Transactional(readOnly = true)
	public HistoryPage page(ProgramView program, int page, int size) {
		if ((long) page * size > Integer.MAX_VALUE) {
			// Far past any real history: empty, as every page past the end is.
			return new HistoryPage(List.of(), page, size, false);
		}
		Slice<HistoryEntry> slice = this.entries.findPage(program.id(), PageRequest.of(page, size));
		return new HistoryPage(slice.map(this::toRecord).getContent(), page, size, slice.hasNext());
	}

	private HistoryRecord toRecord(HistoryEntry entry) {
		return new HistoryRecord(entry.id(), entry.occurredAt(), entry.actor(), entry.actorRole(),
				entry.actingForBrandId(), entry.actingForBrandName(), entry.channel(), entry.subject(), entry.outcome(),
				this.json.readValue(entry.changes(), CHANGES), entry.problemType(), entry.comment());
	}

}
