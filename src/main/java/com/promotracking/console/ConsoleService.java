package com.promotracking.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.audit.Channel;
import com.promotracking.console.ConsoleStore.Found;
import com.promotracking.console.ConsoleStore.Listed;
import com.promotracking.programs.BrandView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.BulkSettingsService;
import com.promotracking.settings.BulkSettingsService.Outcome;
import com.promotracking.settings.BulkSettingsService.Result;
import com.promotracking.settings.BulkSettingsService.Target;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

/**
 * The console across the programs a user manages (a brand admin's brand, a CSM's assigned brands; nobody else has
 * one): each program's tracking state with what makes it ready, stuck or leaking, and tracking switched on or off
 * for many programs at once. A program of another brand is never listed, counted or changed.
 */
@Service
public class ConsoleService {

	public static final int PAGE_SIZE = 50;

	public static final int MAX_PAGE_SIZE = 200;

	/** Programs one bulk change may name. */
	public static final int MAX_BULK = 500;

	/** The conversions the console counts are those of these last days. */
	static final int CONVERSION_DAYS = 30;

	private final ProgramCatalog catalog;

	private final ConsoleStore store;

	private final BulkSettingsService bulk;

	private final Clock clock;

	ConsoleService(ProgramCatalog catalog, ConsoleStore store, BulkSettingsService bulk, Clock clock) {
		this.catalog = catalog;
		this.store = store;
		this.bulk = bulk;
		this.clock = clock;
	}

	/** A page of the console, and how many programs pass its filters. */
	public record ConsolePage(List<ConsoleRow> rows, long total, int page, int size) {

		public boolean hasNext() {
			return (long) (this.page + 1) * this.size < this.total;
		}

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	/** Where a bulk change stands before it is made: what it would change, and what it would skip and why. */
	public record Confirmation(List<ConsoleRow> willChange, List<ConsoleRow> alreadySo, List<ConsoleRow> notValidated,
			int notFound) {

		public int skipped() {
			return this.alreadySo.size() + this.notValidated.size() + this.notFound;
		}

	}

	@Transactional(readOnly = true)
	public ConsolePage list(CurrentUser user, ConsoleQuery query) {
		Set<Long> brands = brandsOf(user);
		Instant now = this.clock.instant();
		if (query.order().by().byCount()) {
			return byCount(brands, query, now);
		}
		if (query.state() == null && query.text() == null && query.order().by() == ConsoleSort.BRAND) {
			return byName(user, query, now);
		}
		Found found = this.store.find(brands, query.brandId(), query.state(), query.text(), query.order(),
				query.page() * query.size(), query.size(), now);
		return new ConsolePage(this.store.details(found.programs(), now, since(now)), found.total(), query.page(),
				query.size());
	}

	/**
	 * The default view, every program by brand and name (or one brand's): the list the program catalog keeps, cut to
	 * the page, with no query that reads every program.
	 */
	private ConsolePage byName(CurrentUser user, ConsoleQuery query, Instant now) {
		List<ProgramView> all = this.catalog.byName(user, query.brandId());
		if (query.order().descending()) {
			all = new ArrayList<>(all);
			Collections.reverse(all);
		}
		int from = (int) Math.min(all.size(), (long) query.page() * query.size());
		List<Listed> page = all.subList(from, Math.min(all.size(), from + query.size()))
			.stream()
			.map(program -> new Listed(program.id(), program.name(), program.brandId(), program.brandName()))
			.toList();
		return new ConsolePage(this.store.details(page, now, since(now)), all.size(), query.page(), query.size());
	}

	/**
	 * Sorted by a count the console keeps: every program of the filter is found, then sorted by its counts (most of
	 * them held by the counts' caches) and the page cut, rather than counting every program's conversions or codes in
	 * SQL for each page.
	 */
	private ConsolePage byCount(Set<Long> brands, ConsoleQuery query, Instant now) {
		Found all = this.store.find(brands, query.brandId(), query.state(), query.text(), ConsoleSort.Order.DEFAULT, 0,
				Integer.MAX_VALUE, now);
		List<Long> ids = all.programs().stream().map(Listed::programId).toList();
		ToLongFunction<Listed> figure;
		if (query.order().by() == ConsoleSort.LIVE_CODES) {
			Map<Long, Long> live = this.store.liveCodes(ids, now);
			figure = program -> live.getOrDefault(program.programId(), 0L);
		}
		else {
			Map<Long, ConversionCounts> counts = this.store.conversions(ids, since(now));
			figure = (query.order().by() == ConsoleSort.CREDITED)
					? program -> counts.getOrDefault(program.programId(), ConversionCounts.NONE).credited()
					: program -> counts.getOrDefault(program.programId(), ConversionCounts.NONE).flagged();
		}
		Comparator<Listed> order = Comparator.comparingLong(figure);
		// Ties stay in the default order (brand, program), whichever the direction.
		List<Listed> sorted = all.programs()
			.stream()
			.sorted(query.order().descending() ? order.reversed() : order)
			.toList();
		int from = (int) Math.min(sorted.size(), (long) query.page() * query.size());
		List<Listed> page = sorted.subList(from, Math.min(sorted.size(), from + query.size()));
		return new ConsolePage(this.store.details(page, now, since(now)), all.total(), query.page(), query.size());
	}

	/** The brands the console's filter offers: the user's. */
	public List<BrandView> brands(CurrentUser user) {
		brandsOf(user);
		return this.catalog.brandsOf(user);
	}

	/**
	 * The ids of every program that passes the query's filters, for "all rows of this filter": at most
	 * {@link #MAX_BULK} + 1, so the caller can tell there are too many.
	 */
	@Transactional(readOnly = true)
	public List<Long> allMatching(CurrentUser user, ConsoleQuery query) {
		Instant now = this.clock.instant();
		// In the default order whatever the page's: all of them are changed or none (too many), so the order does not
		// matter, and a sort by a kept count has no SQL column.
		return this.store.find(brandsOf(user), query.brandId(), query.state(), query.text(), ConsoleSort.Order.DEFAULT,
				0, MAX_BULK + 1, now).programs().stream().map(Listed::programId).toList();
	}

	/** What switching tracking {@code on} (or off) would do to these programs; nothing is changed. */
	@Transactional(readOnly = true)
	public Confirmation confirm(CurrentUser user, List<Long> programIds, boolean on) {
		checkSize(programIds);
		Instant now = this.clock.instant();
		List<ConsoleRow> rows = this.store.details(this.store.listed(brandsOf(user), programIds), now, since(now));
		List<ConsoleRow> willChange = rows.stream()
			.filter(row -> row.promoCodeTrackingEnabled() != on && (!on || row.promoCodeValidated()))
			.toList();
		List<ConsoleRow> alreadySo = rows.stream().filter(row -> row.promoCodeTrackingEnabled() == on).toList();
		List<ConsoleRow> notValidated = rows.stream()
			.filter(row -> on && !row.promoCodeTrackingEnabled() && !row.promoCodeValidated())
			.toList();
		return new Confirmation(willChange, alreadySo, notValidated,
				(int) programIds.stream().distinct().count() - rows.size());
	}

	/**
	 * Switches tracking on (or off) for each program, each its own change through the settings' rules and history
	 * (channel console); {@code partnerRequests} null keeps each program's own.
	 */
	public List<Result> change(CurrentUser user, List<Target> targets, boolean on, @Nullable Boolean partnerRequests) {
		brandsOf(user);
		checkSize(targets);
		return this.bulk.change(user, targets, on, partnerRequests, Channel.CONSOLE);
	}

	/** One line of a bulk change's result page. */
	public record ResultLine(long programId, String programName, String brandName, Outcome outcome,
			@Nullable String problem) implements Serializable {

		/** How the line says its outcome: changed and unchanged in the words of the change made (on or off). */
		public String messageKey(boolean on) {
			return (this.outcome == Outcome.CHANGED || this.outcome == Outcome.UNCHANGED)
					? this.outcome.messageKey() + "." + (on ? "on" : "off") : this.outcome.messageKey();
		}

		/** The title of the refusal the line names, its argument. */
		public String problemTitleKey() {
			return "problem." + this.problem + ".title";
		}

	}

	/**
	 * The console's confirmed bulk change: the programs the confirmation said would change are changed at the
	 * version it showed (one changed since is {@link Outcome#CHANGED_MEANWHILE}); those it said it would skip are
	 * not touched, and their lines say why again, as they stand now.
	 */
	public List<ResultLine> apply(CurrentUser user, List<Target> targets, List<Long> skipped, boolean on,
			@Nullable Boolean partnerRequests) {
		Set<Long> brands = brandsOf(user);
		checkSize(targets);
		checkSize(skipped);
		Map<Long, Listed> names = new HashMap<>();
		List<Long> ids = new ArrayList<>(skipped);
		targets.forEach(target -> ids.add(target.programId()));
		this.store.listed(brands, ids).forEach(program -> names.put(program.programId(), program));
		List<ResultLine> lines = new ArrayList<>();
		for (Result result : this.bulk.change(user, targets, on, partnerRequests, Channel.CONSOLE)) {
			line(names.get(result.programId()), result.outcome(), result.problem()).ifPresent(lines::add);
		}
		Instant now = this.clock.instant();
		for (ConsoleRow row : this.store.details(this.store.listed(brands, skipped), now, since(now))) {
			boolean refused = on && !row.promoCodeTrackingEnabled() && !row.promoCodeValidated();
			line(names.get(row.programId()), refused ? Outcome.REFUSED : Outcome.UNCHANGED,
					refused ? "promo-code-not-validated" : null).ifPresent(lines::add);
		}
		return lines;
	}

	private static Optional<ResultLine> line(@Nullable Listed program, Outcome outcome, @Nullable String problem) {
		return Optional.ofNullable(program)
			.map(found -> new ResultLine(found.programId(), found.programName(), found.brandName(), outcome, problem));
	}

	private static void checkSize(List<?> programs) {
		if (programs.size() > MAX_BULK) {
			throw new TooManyPrograms();
		}
	}

	/** The brands the user oversees; refused for anyone who oversees none by role. */
	private static Set<Long> brandsOf(CurrentUser user) {
		if (user.role() != Role.BRAND_ADMIN && user.role() != Role.CSM) {
			throw new ConsoleNotAvailable();
		}
		return user.managedBrandIds();
	}

	private static Instant since(Instant now) {
		return now.minus(Duration.ofDays(CONVERSION_DAYS));
	}

}
