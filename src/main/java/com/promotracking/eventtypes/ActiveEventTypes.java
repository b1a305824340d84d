package com.promotracking.eventtypes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.promotracking.kernel.PlainSqlRead;

/**
 * Which event types of a program take real conversions (the Active ones), and what each is called. Plain SQL: every
 * conversion taken and every conversions page asks, and a query through a repository costs several times the
 * statement. Callers have checked access.
 */
@Service
@PlainSqlRead
public class ActiveEventTypes {

	private final JdbcClient jdbc;

	ActiveEventTypes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** In one query, so a batch of conversions checks all its event types at once. */
	public Set<Long> of(long programId) {
		return Set.copyOf(this.jdbc.sql("""
				select e.id from event_type e where e.program_id = ? and exists (select 1 from test_action t
				    where t.event_type_id = e.id and t.review_state = 'APPROVED')""")
			.param(programId)
			.query(Long.class)
			.list());
	}

	/** The name of each of the program's event types, active or not, by id: a stored conversion names its own. */
	public Map<Long, String> namesOf(long programId) {
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("select id, name from event_type where program_id = ?")
			.param(programId)
			.query((row, number) -> names.put(row.getLong("id"), row.getString("name")))
			.list();
		return Map.copyOf(names);
	}

}
