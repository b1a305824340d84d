package com.promotracking.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.kernel.PageOf;
import com.promotracking.kernel.PlainSqlRead;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.Role;

/**
 * Writes and reads a program's history. Callers check access; this only records and reads.
 * <p>
 * Plain SQL rather than JPA: an entry is written once and never changed, so an entity would only add its cost
 * (persistence context, dirty checks, an identity insert that fetches the key back) to every save. The SQL runs
 * on the connection of the caller's transaction.
 */
@Service
public class History {

	private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	History(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Records in the caller's transaction, so the entry commits or rolls back with the change it tells of. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(HistoryEvent event) {
		ProgramView program = event.program();
		Subject subject = event.subject();
		this.jdbc.sql("""
				insert into history_entry (program_id, acting_for_brand_id, acting_for_brand_name, occurred_at, actor,
				    actor_role, channel, outcome, problem_type, subject_type, subject_id, subject_label, comment, changes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(program.id(), program.brandId(), program.brandName(),
					OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), event.actor().username(),
					event.actor().role().name(), event.channel().name(), event.outcome().name(), event.problemType(),
					subject.type().name(), subject.id(), subject.label(), event.comment(),
					this.json.writeValueAsString(event.changes()))
			.update();
	}

	/**
	 * One page of the program's history, newest first; a page past the end is empty. Ids grow with time and
	 * (program_id, id desc) is indexed, so one statement reads the page's entries in the index's order, plus one
	 * to know whether there is a next page, and never counts the whole history.
	 */
	@PlainSqlRead
	public PageOf<HistoryRecord> page(ProgramView program, int page, int size) {
		if ((long) page * size > Integer.MAX_VALUE) {
			// Far past any real history: empty, as every page past the end is.
			return PageOf.empty(page, size);
		}
		// Ordered by the index's columns, program first, so both databases read it in order and stop early.
		List<HistoryRecord> entries = this.jdbc.sql("""
				select id, occurred_at, actor, actor_role, acting_for_brand_id, acting_for_brand_name, channel,
				    subject_type, subject_id, subject_label, outcome, changes, problem_type, comment
				from history_entry where program_id = ? order by program_id, id desc
				offset ? rows fetch first ? rows only""")
			.params(program.id(), page * size, size + 1)
			.query(this::toRecord)
			.list();
		return PageOf.cut(entries, page, size);
	}

	private HistoryRecord toRecord(ResultSet row, int number) throws SQLException {
		return new HistoryRecord(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				row.getString("actor"), Role.valueOf(row.getString("actor_role")), row.getLong("acting_for_brand_id"),
				row.getString("acting_for_brand_name"), Channel.valueOf(row.getString("channel")),
				new Subject(Subject.SubjectType.valueOf(row.getString("subject_type")), row.getLong("subject_id"),
						row.getString("subject_label")),
				Outcome.valueOf(row.getString("outcome")), this.json.readValue(row.getString("changes"), CHANGES),
				row.getString("problem_type"), row.getString("comment"));
	}

}
