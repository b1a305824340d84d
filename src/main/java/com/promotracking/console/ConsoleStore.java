package com.promotracking.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.promotracking.console.ConsoleRow.LastChange;
import com.promotracking.console.ConsoleRow.Validation;

/**
 * The console's reads, in plain SQL over the tables of several features: a page is one query that filters, sorts,
 * counts and cuts the page, then one query per column group for the page's programs only, never one per row. The
 * first query computes the columns a filter or sort needs and no others: the default view of thousands of programs
 * joins three tables and sorts by name.
 */
@Repository
class ConsoleStore {

	/** 1 or 0, not a boolean: H2 fails to push a boolean subquery's condition into the outer query. */
	private static final String VALIDATED = """
			case when exists (select 1 from event_type e join test_action t on t.event_type_id = e.id
			    where e.program_id = p.id and t.review_state = 'APPROVED' and t.promo_code is not null
			    and trim(t.promo_code) <> '') then 1 else 0 end""";

	private static final String OPEN_REQUESTS = """
			(select count(*) from promo_code_request r where r.program_id = p.id and r.state = 'OPEN')""";

	private static final String LIVE_CODES = """
			(select count(*) from promo_code c where c.program_id = p.id and c.deactivated_at is null
			    and c.starts_at <= :now and (c.ends_at is null or c.ends_at > :now))""";

	private static final String CREDITED = """
			(select count(*) from conversion v where v.program_id = p.id and v.occurred_at >= :since
			    and v.attributed_by = 'PROMO_CODE')""";

	private static final String FLAGGED = """
			(select count(*) from conversion v where v.program_id = p.id and v.occurred_at >= :since
			    and (v.flags like '%code-unknown%' or v.flags like '%policy-not-met%' or v.flags like '%code-inactive%'))""";

	private final JdbcClient jdbc;

	ConsoleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A program of the page as the first query found it; the rest is filled in by {@link #details}. */
	record Listed(long programId, String programName, long brandId, String brandName, boolean tracking,
			boolean requestsAllowed, long version, @Nullable LastChange lastChange) {
	}

	/** One page of the programs of {@code brandIds} that pass the filters, and how many pass them in all. */
	record Found(List<Listed> programs, long total) {
	}

	Found find(Collection<Long> brandIds, @Nullable Long brandId, @Nullable ConsoleState state, @Nullable String text,
			ConsoleSort.Order order, int offset, int limit, Instant now, Instant since) {
		if (brandIds.isEmpty()) {
			return new Found(List.of(), 0);
		}
		StringBuilder columns = new StringBuilder();
		if (state == ConsoleState.READY_TO_ENABLE || state == ConsoleState.NEEDS_VALIDATION
				|| order.by() == ConsoleSort.VALIDATED) {
			columns.append(", ").append(VALIDATED).append(" validated");
		}
		if (state == ConsoleState.REQUESTS_WAITING || order.by() == ConsoleSort.OPEN_REQUESTS) {
			columns.append(", ").append(OPEN_REQUESTS).append(" open_requests");
		}
		if (order.by() == ConsoleSort.LIVE_CODES) {
			columns.append(", ").append(LIVE_CODES).append(" live_codes");
		}
		if (order.by() == ConsoleSort.CREDITED) {
			columns.append(", ").append(CREDITED).append(" credited");
		}
		if (order.by() == ConsoleSort.FLAGGED) {
			columns.append(", ").append(FLAGGED).append(" flagged");
		}
		String where = "p.brand_id in (:brands)" + ((brandId != null) ? " and p.brand_id = :brand" : "")
				+ ((text != null) ? " and (lower(p.name) like :text escape '\\' or lower(b.name) like :text escape '\\')"
						: "");
		String filter = (state == null) ? "" : switch (state) {
			case READY_TO_ENABLE -> "where x.validated = 1 and not x.tracking";
			case NEEDS_VALIDATION -> "where x.validated = 0";
			case ENABLED -> "where x.tracking";
			case REQUESTS_WAITING -> "where x.open_requests > 0";
		};
		String direction = order.descending() ? " desc" : "";
		String sort = "x." + order.by().column + direction + " nulls last"
				+ ((order.by() == ConsoleSort.BRAND) ? ", x.program_name" + direction : ", x.brand_name, x.program_name")
				+ ", x.program_id";
		String sql = """
				select x.*, count(*) over () total from (
				    select p.id program_id, p.name program_name, b.id brand_id, b.name brand_name,
				        coalesce(s.promo_code_tracking_enabled, false) tracking,
				        coalesce(s.partner_promo_code_requests_allowed, false) requests_allowed,
				        coalesce(s.version, 0) version, s.updated_at last_change_at, s.updated_by last_change_by,
				        u.role last_change_role%s
				    from program p join brand b on b.id = p.brand_id
				    left join promo_code_settings s on s.program_id = p.id
				    left join app_user u on u.username = s.updated_by
				    where %s) x
				%s
				order by %s
				offset :offset rows fetch first :limit rows only""".formatted(columns, where, filter, sort);
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("brands", brandIds)
			.param("offset", offset)
			.param("limit", limit);
		if (brandId != null) {
			statement = statement.param("brand", brandId);
		}
		if (text != null) {
			statement = statement.param("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
		}
		if (sql.contains(":now")) {
			statement = statement.param("now", utc(now));
		}
		if (sql.contains(":since")) {
			statement = statement.param("since", utc(since));
		}
		long[] total = { 0 };
		List<Listed> programs = statement.query((row, number) -> {
			total[0] = row.getLong("total");
			return listed(row);
		}).list();
		if (programs.isEmpty() && offset > 0) {
			// A page past the end still tells how many there are: the first page's count.
			return new Found(List.of(), find(brandIds, brandId, state, text, order, 0, 1, now, since).total());
		}
		return new Found(programs, total[0]);
	}

	/** The programs among {@code programIds} that belong to {@code brandIds}, in the order of the ids given. */
	List<Listed> listed(Collection<Long> brandIds, Collection<Long> programIds) {
		if (brandIds.isEmpty() || programIds.isEmpty()) {
			return List.of();
		}
		Map<Long, Listed> found = new HashMap<>();
		this.jdbc.sql("""
				select p.id program_id, p.name program_name, b.id brand_id, b.name brand_name,
				    coalesce(s.promo_code_tracking_enabled, false) tracking,
				    coalesce(s.partner_promo_code_requests_allowed, false) requests_allowed,
				    coalesce(s.version, 0) version, s.updated_at last_change_at, s.updated_by last_change_by,
				    u.role last_change_role
				from program p join brand b on b.id = p.brand_id
				left join promo_code_settings s on s.program_id = p.id
				left join app_user u on u.username = s.updated_by
				where p.brand_id in (:brands) and p.id in (:ids)""")
			.param("brands", brandIds)
			.param("ids", programIds)
			.query((row, number) -> listed(row))
			.list()
			.forEach(program -> found.put(program.programId(), program));
		List<Listed> ordered = new ArrayList<>();
		programIds.stream().distinct().map(found::get).filter(Objects::nonNull).forEach(ordered::add);
		return ordered;
	}

	/** The rows of programs already listed: five queries, whatever their number. */
	List<ConsoleRow> details(List<Listed> programs, Instant now, Instant since) {
		if (programs.isEmpty()) {
			return List.of();
		}
		List<Long> ids = programs.stream().map(Listed::programId).toList();
		Map<Long, Validation> validations = new HashMap<>();
		this.jdbc.sql("""
				select e.program_id, t.id, t.order_id, t.promo_code, e.id event_type_id, e.name event_type_name
				from test_action t join event_type e on e.id = t.event_type_id
				where e.program_id in (:ids) and t.review_state = 'APPROVED' and t.promo_code is not null
				    and trim(t.promo_code) <> ''
				order by t.reviewed_at, t.id""")
			.param("ids", ids)
			.query((row, number) -> {
				// In order of approval: the latest one stays, as on the Ad settings page.
				validations.put(row.getLong("program_id"), new Validation(row.getLong("id"), row.getString("order_id"),
						row.getString("promo_code"), row.getLong("event_type_id"), row.getString("event_type_name")));
				return null;
			})
			.list();
		Map<Long, long[]> requests = new HashMap<>();
		Map<Long, Instant> oldest = new HashMap<>();
		this.jdbc.sql("""
				select program_id, count(*) open_requests, min(created_at) oldest from promo_code_request
				where program_id in (:ids) and state = 'OPEN' group by program_id""")
			.param("ids", ids)
			.query((row, number) -> {
				requests.put(row.getLong("program_id"), new long[] { row.getLong("open_requests") });
				oldest.put(row.getLong("program_id"), row.getObject("oldest", OffsetDateTime.class).toInstant());
				return null;
			})
			.list();
		Map<Long, Long> live = new HashMap<>();
		this.jdbc.sql("""
				select program_id, count(*) live from promo_code
				where program_id in (:ids) and deactivated_at is null and starts_at <= :now
				    and (ends_at is null or ends_at > :now)
				group by program_id""")
			.param("ids", ids)
			.param("now", utc(now))
			.query((row, number) -> live.put(row.getLong("program_id"), row.getLong("live")))
			.list();
		Map<Long, long[]> conversions = new HashMap<>();
		this.jdbc.sql("""
				select program_id,
				    sum(case when attributed_by = 'PROMO_CODE' then 1 else 0 end) credited,
				    sum(case when flags like '%code-unknown%' then 1 else 0 end) code_unknown,
				    sum(case when flags like '%policy-not-met%' then 1 else 0 end) policy_not_met,
				    sum(case when flags like '%code-inactive%' then 1 else 0 end) code_inactive
				from conversion where program_id in (:ids) and occurred_at >= :since
				group by program_id""")
			.param("ids", ids)
			.param("since", utc(since))
			.query((row, number) -> conversions.put(row.getLong("program_id"),
					new long[] { row.getLong("credited"), row.getLong("code_unknown"), row.getLong("policy_not_met"),
							row.getLong("code_inactive") }))
			.list();
		List<ConsoleRow> rows = new ArrayList<>(programs.size());
		for (Listed program : programs) {
			long[] counts = conversions.getOrDefault(program.programId(), new long[4]);
			rows.add(new ConsoleRow(program.programId(), program.programName(), program.brandId(),
					program.brandName(), validations.get(program.programId()), program.tracking(),
					program.requestsAllowed(), program.version(),
					requests.getOrDefault(program.programId(), new long[1])[0], oldest.get(program.programId()),
					live.getOrDefault(program.programId(), 0L), counts[0], counts[1], counts[2], counts[3],
					program.lastChange()));
		}
		return rows;
	}

	private static Listed listed(ResultSet row) throws SQLException {
		OffsetDateTime changedAt = row.getObject("last_change_at", OffsetDateTime.class);
		String actor = row.getString("last_change_by");
		LastChange lastChange = (changedAt != null && actor != null) ? new LastChange(changedAt.toInstant(), actor,
				"CSM".equals(row.getString("last_change_role")) ? row.getString("brand_name") : null) : null;
		return new Listed(row.getLong("program_id"), row.getString("program_name"), row.getLong("brand_id"),
				row.getString("brand_name"), row.getBoolean("tracking"), row.getBoolean("requests_allowed"),
				row.getLong("version"), lastChange);
	}

	/** The text as a LIKE pattern matches it literally: its own {@code %}, {@code _} and {@code \} escaped. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
