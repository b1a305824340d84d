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
import com.promotracking.console.LiveCodeCountsCache.LiveCodes;
import com.promotracking.kernel.InLists;
import com.promotracking.kernel.SqlRows;

/**
 * The console's reads, in plain SQL over the tables of several features: a page is one query that filters, sorts and
 * cuts the page and one that counts, then one query per column group for the page's programs only, never one per
 * row. The first two compute the columns a filter or sort needs and no others: the default view of thousands of
 * programs joins two tables and sorts by name. Lists of ids go to {@code in} through {@link InLists}.
 */
@Repository
class ConsoleStore {

	private static final String VALIDATED = """
			exists (select 1 from event_type e join test_action t on t.event_type_id = e.id
			    where e.program_id = p.id and t.review_state = 'APPROVED' and t.promo_code is not null
			    and trim(t.promo_code) <> '')""";

	private static final String REQUESTS_OPEN = """
			exists (select 1 from promo_code_request r where r.program_id = p.id and r.state = 'OPEN')""";

	private static final String OPEN_REQUESTS = """
			(select count(*) from promo_code_request r where r.program_id = p.id and r.state = 'OPEN')""";

	private final JdbcClient jdbc;

	private final ConversionCountsCache conversionCounts;

	private final LiveCodeCountsCache liveCodes;

	ConsoleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.conversionCounts = new ConversionCountsCache(this::countConversions);
		this.liveCodes = new LiveCodeCountsCache(this::countLive);
	}

	/** The conversion counts of these programs since then, most of them as {@link ConversionCountsCache} holds them. */
	Map<Long, ConversionCounts> conversions(List<Long> programIds, Instant since) {
		return this.conversionCounts.of(programIds, since);
	}

	/** The live codes of these programs now, most of them as {@link LiveCodeCountsCache} holds them. */
	Map<Long, Long> liveCodes(List<Long> programIds, Instant now) {
		Map<Long, Long> codesVersions = new HashMap<>();
		for (List<Long> ids : InLists.of(programIds)) {
			this.jdbc.sql("select id, codes_version from program where id in (:ids)")
				.param("ids", ids)
				.query((row, number) -> codesVersions.put(row.getLong("id"), row.getLong("codes_version")))
				.list();
		}
		return this.liveCodes.of(codesVersions, now);
	}

	/** The conversions of these programs since then: credited by a code, and flagged, by flag. */
	private Map<Long, ConversionCounts> countConversions(Collection<Long> programIds, Instant since) {
		Map<Long, ConversionCounts> counts = new HashMap<>();
		for (List<Long> ids : InLists.of(programIds)) {
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
				.query((row, number) -> counts.put(row.getLong("program_id"),
						new ConversionCounts(row.getLong("credited"), row.getLong("code_unknown"),
								row.getLong("policy_not_met"), row.getLong("code_inactive"))))
				.list();
		}
		return counts;
	}

	/**
	 * The live codes of these programs now, and the next instant one of their codes starts or ends (a program with no
	 * code left to start or end is left out).
	 */
	private Map<Long, LiveCodes> countLive(Collection<Long> programIds, Instant now) {
		Map<Long, LiveCodes> live = new HashMap<>();
		for (List<Long> ids : InLists.of(programIds)) {
			this.jdbc.sql("""
					select program_id,
					    sum(case when starts_at <= :now and (ends_at is null or ends_at > :now) then 1 else 0 end) live,
					    min(case when starts_at > :now then starts_at end) next_start,
					    min(case when ends_at > :now then ends_at end) next_end
					from promo_code where program_id in (:ids) and deactivated_at is null
					    and (ends_at is null or ends_at > :now)
					group by program_id""")
				.param("ids", ids)
				.param("now", utc(now))
				.query((row, number) -> live.put(row.getLong("program_id"), new LiveCodes(row.getLong("live"),
						earlier(SqlRows.instant(row, "next_start"), SqlRows.instant(row, "next_end")))))
				.list();
		}
		return live;
	}

	private static @Nullable Instant earlier(@Nullable Instant one, @Nullable Instant other) {
		return (one == null) ? other : (other == null || one.isBefore(other)) ? one : other;
	}

	/** A program of the page as the first query found it; the rest is filled in by {@link #details}. */
	record Listed(long programId, String programName, long brandId, String brandName) {
	}

	/** One page of the programs of {@code brandIds} that pass the filters, and how many pass them in all. */
	record Found(List<Listed> programs, long total) {
	}

	/**
	 * A page of the programs that pass the filters, and their number (a second, counting query, unless the first page
	 * holds them all). Only what a filter or the sort needs is joined or computed for every program; the page's own
	 * figures come from {@link #details}.
	 */
	Found find(Collection<Long> brandIds, @Nullable Long brandId, @Nullable ConsoleState state, @Nullable String text,
			ConsoleSort.Order order, int offset, int limit, Instant now) {
		if (brandIds.isEmpty()) {
			return new Found(List.of(), 0);
		}
		ConsoleSort by = order.by();
		boolean settings = state == ConsoleState.READY_TO_ENABLE || state == ConsoleState.ENABLED
				|| by == ConsoleSort.TRACKING || by == ConsoleSort.REQUESTS_ALLOWED || by == ConsoleSort.LAST_CHANGE;
		// The sort's own column, when it is not one of the four every query lists.
		String column = switch (by) {
			case TRACKING -> ", coalesce(s.promo_code_tracking_enabled, false) tracking";
			case REQUESTS_ALLOWED -> ", coalesce(s.partner_promo_code_requests_allowed, false) requests_allowed";
			case LAST_CHANGE -> ", s.updated_at last_change_at";
			case VALIDATED -> ", case when " + VALIDATED + " then 1 else 0 end validated";
			case OPEN_REQUESTS -> ", " + OPEN_REQUESTS + " open_requests";
			default -> "";
		};
		// The brands' ids are matched on the brand, the outer table, rather than on each of their programs.
		String from = "brand b join program p on p.brand_id = b.id"
				+ (settings ? " left join promo_code_settings s on s.program_id = p.id" : "")
				+ "\nwhere b.id in (:brands)" + ((brandId != null) ? " and b.id = :brand" : "")
				+ ((text != null) ? " and (lower(p.name) like :text escape '\\' or lower(b.name) like :text escape '\\')"
						: "")
				+ ((state == null) ? "" : switch (state) {
					case READY_TO_ENABLE -> " and " + VALIDATED + " and not coalesce(s.promo_code_tracking_enabled, false)";
					case NEEDS_VALIDATION -> " and not " + VALIDATED;
					case ENABLED -> " and coalesce(s.promo_code_tracking_enabled, false)";
					case REQUESTS_WAITING -> " and " + REQUESTS_OPEN;
				});
		String direction = order.descending() ? " desc" : "";
		String sort = by.column + direction + " nulls last"
				+ ((by == ConsoleSort.BRAND) ? ", program_name" + direction : ", brand_name, program_name")
				+ ", program_id";
		String programs = "select p.id program_id, p.name program_name, b.id brand_id, b.name brand_name" + column
				+ "\nfrom " + from + "\norder by " + sort + "\noffset :offset rows fetch first :limit rows only";
		List<Listed> page = parameters(this.jdbc.sql(programs), programs, brandIds, brandId, text, now)
			.param("offset", offset)
			.param("limit", limit)
			.query((row, number) -> new Listed(row.getLong("program_id"), row.getString("program_name"),
					row.getLong("brand_id"), row.getString("brand_name")))
			.list();
		long total = (offset == 0 && page.size() < limit) ? page.size()
				: parameters(this.jdbc.sql("select count(*) from " + from), from, brandIds, brandId, text, now)
					.query(Long.class)
					.single();
		return new Found(page, total);
	}

	private static JdbcClient.StatementSpec parameters(JdbcClient.StatementSpec statement, String sql,
			Collection<Long> brandIds, @Nullable Long brandId, @Nullable String text, Instant now) {
		statement = statement.param("brands", InLists.padded(brandIds));
		if (sql.contains(":now")) {
			statement = statement.param("now", utc(now));
		}
		if (brandId != null) {
			statement = statement.param("brand", brandId);
		}
		if (text != null) {
			statement = statement.param("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
		}
		return statement;
	}

	/** The programs among {@code programIds} that belong to {@code brandIds}, in the order of the ids given. */
	List<Listed> listed(Collection<Long> brandIds, Collection<Long> programIds) {
		if (brandIds.isEmpty() || programIds.isEmpty()) {
			return List.of();
		}
		Map<Long, Listed> found = new HashMap<>();
		List<Long> brands = InLists.padded(brandIds);
		for (List<Long> ids : InLists.of(programIds)) {
			this.jdbc.sql("""
					select p.id program_id, p.name program_name, b.id brand_id, b.name brand_name
					from program p join brand b on b.id = p.brand_id
					where p.brand_id in (:brands) and p.id in (:ids)""")
				.param("brands", brands)
				.param("ids", ids)
				.query((row, number) -> new Listed(row.getLong("program_id"), row.getString("program_name"),
						row.getLong("brand_id"), row.getString("brand_name")))
				.list()
				.forEach(program -> found.put(program.programId(), program));
		}
		List<Listed> ordered = new ArrayList<>();
		programIds.stream().distinct().map(found::get).filter(Objects::nonNull).forEach(ordered::add);
		return ordered;
	}

	/**
	 * The rows of programs already listed: three queries (settings with the codes version, validations, open requests)
	 * whatever their number, then the live codes and the conversions' counts only of the programs whose counts
	 * {@link LiveCodeCountsCache} and {@link ConversionCountsCache} do not hold.
	 */
	List<ConsoleRow> details(List<Listed> programs, Instant now, Instant since) {
		if (programs.isEmpty()) {
			return List.of();
		}
		List<Long> programIds = programs.stream().map(Listed::programId).toList();
		// Padded once, for the four queries below.
		List<Long> ids = InLists.padded(programIds);
		Map<Long, Settings> settings = new HashMap<>();
		Map<Long, Long> codesVersions = new HashMap<>();
		this.jdbc.sql("""
				select p.id program_id, p.codes_version, s.program_id saved, s.promo_code_tracking_enabled,
				    s.partner_promo_code_requests_allowed, s.version, s.updated_at, s.updated_by, u.role
				from program p left join promo_code_settings s on s.program_id = p.id
				    left join app_user u on u.username = s.updated_by
				where p.id in (:ids)""")
			.param("ids", ids)
			.query((row, number) -> {
				codesVersions.put(row.getLong("program_id"), row.getLong("codes_version"));
				if (row.getObject("saved") != null) {
					settings.put(row.getLong("program_id"), settings(row));
				}
				return null;
			})
			.list();
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
		Map<Long, Long> live = this.liveCodes.of(codesVersions, now);
		Map<Long, ConversionCounts> conversions = conversions(programIds, since);
		List<ConsoleRow> rows = new ArrayList<>(programs.size());
		for (Listed program : programs) {
			ConversionCounts counts = conversions.getOrDefault(program.programId(), ConversionCounts.NONE);
			Settings saved = settings.getOrDefault(program.programId(), Settings.NONE);
			LastChange lastChange = (saved.changedAt() != null && saved.changedBy() != null)
					? new LastChange(saved.changedAt(), saved.changedBy(),
							saved.changedByCsm() ? program.brandName() : null)
					: null;
			rows.add(new ConsoleRow(program.programId(), program.programName(), program.brandId(),
					program.brandName(), validations.get(program.programId()), saved.tracking(),
					saved.requestsAllowed(), saved.version(),
					requests.getOrDefault(program.programId(), new long[1])[0], oldest.get(program.programId()),
					live.getOrDefault(program.programId(), 0L), counts.credited(), counts.codeUnknown(),
					counts.policyNotMet(), counts.codeInactive(), lastChange));
		}
		return rows;
	}

	/** A program's tracking settings as the console shows them; a program without a row has both off. */
	private record Settings(boolean tracking, boolean requestsAllowed, long version, @Nullable Instant changedAt,
			@Nullable String changedBy, boolean changedByCsm) {

		static final Settings NONE = new Settings(false, false, 0, null, null, false);

	}

	private static Settings settings(ResultSet row) throws SQLException {
		return new Settings(row.getBoolean("promo_code_tracking_enabled"),
				row.getBoolean("partner_promo_code_requests_allowed"), row.getLong("version"),
				SqlRows.instant(row, "updated_at"), row.getString("updated_by"),
				"CSM".equals(row.getString("role")));
	}

	/** The text as a LIKE pattern matches it literally: its own {@code %}, {@code _} and {@code \} escaped. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
