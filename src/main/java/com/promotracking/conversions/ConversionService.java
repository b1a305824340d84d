package com.promotracking.conversions;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.promotracking.eventtypes.ActiveEventTypes;
import com.promotracking.kernel.DomainException;
import com.promotracking.kernel.DomainException.FieldReason;
import com.promotracking.kernel.PlainSqlRead;
import com.promotracking.kernel.UniqueConstraint;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.users.CurrentUser;

/**
 * Conversions in and out. Every way in (one conversion, a batch) checks the same rules and attributes through the
 * same {@link CodeMatcher}; the attribution is decided once, when the conversion arrives, and stored with it. An
 * order id is taken once per program: a retry with the same content is answered with what was stored, other
 * content is a conflict, and two requests at once meet at the unique constraint.
 */
@Service
class ConversionService {

	static final int MAX_BATCH = 1_000;

	private final ProgramCatalog catalog;

	private final ActiveEventTypes eventTypes;

	private final TrackingSettings settings;

	private final Matchers matchers;

	private final ConversionStore store;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	private final Clock clock;

	ConversionService(ProgramCatalog catalog, ActiveEventTypes eventTypes, TrackingSettings settings,
			Matchers matchers, ConversionStore store, PlatformTransactionManager transactions, Clock clock) {
		this.catalog = catalog;
		this.eventTypes = eventTypes;
		this.settings = settings;
		this.matchers = matchers;
		this.store = store;
		this.transactions = new TransactionTemplate(transactions);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * One conversion: created, or the stored one when this is a retry of it. A retry is told by the order id's
	 * unique constraint rather than by a read before each insert: retries are rare, and the constraint is where two
	 * requests at once meet anyway. What it reads to check and attribute the conversion and what it writes share one
	 * transaction, so a conversion costs one connection and one commit.
	 */
	Recorded record(CurrentUser user, long programId, NewConversion conversion) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> recordOnce(user, programId, conversion));
			}
			catch (DataIntegrityViolationException ex) {
				// Two transactions adding the first figures of one code's day (or quarter hour) at once: the loser,
				// rolled back whole, tries again and adds to the winner's row.
				if (attempt < 3 && ConversionStore.figuresRaced(ex)) {
					continue;
				}
				// The order id is stored already (a retry, or another request since): answer from the stored one.
				RuntimeException refusal = UniqueConstraint.violatedBy(ex, ConversionStore.UNIQUE_ORDER,
						OrderIdConflict::new);
				if (!(refusal instanceof OrderIdConflict)) {
					throw refusal;
				}
				return this.reads.execute(status -> {
					ProgramView program = this.catalog.require(user, programId);
					Conversion winner = storedOrder(program.id(), conversion.orderId());
					if (winner == null) {
						throw refusal;
					}
					return replayOf(winner, conversion, this.catalog.partnerNames(program.id()));
				});
			}
		}
	}

	private Recorded recordOnce(CurrentUser user, long programId, NewConversion conversion) {
		ProgramView program = this.catalog.require(user, programId);
		Map<Long, String> partners = this.catalog.partnerNames(program.id());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<FieldReason> errors = new ArrayList<>();
		checkClicks(conversion, "", partners, now, errors);
		if (!errors.isEmpty()) {
			throw new InvalidConversions(errors);
		}
		if (!this.eventTypes.of(program.id()).contains(conversion.eventTypeId())) {
			// A retry of a conversion stored before its event type stopped being active is still answered.
			Conversion stored = storedOrder(program.id(), conversion.orderId());
			if (stored != null) {
				return replayOf(stored, conversion, partners);
			}
			throw new EventTypeNotActive();
		}
		NewConversion dated = dated(conversion, now);
		Attribution attribution = attribute(program.id(), List.of(dated)).get(0);
		long id = this.store.insert(program.id(), now, List.of(new ConversionStore.Attributed(dated, attribution)))
			.get(dated.orderId());
		return new Recorded(created(id, program.id(), dated, now, attribution), true, partners);
	}

	/**
	 * Single conversions of several callers, stored in one transaction with one commit (ConversionGroupCommit
	 * gathers them). Per program, in the order of their ids so that every group locks the figures' rows alike, it
	 * reads what a batch reads, once for all its callers: the program (access is still each caller's own), its
	 * partners, its active event types, the stored order ids, then attributes the new conversions and inserts them
	 * in one JDBC batch. Each caller is answered, in the order of the list, what {@link #record} would have answered
	 * them one after the other: a refusal touches no other caller's conversion, and an order id sent twice in the
	 * group is created by the first and, for the others, replayed or a conflict. A
	 * {@link DataIntegrityViolationException} means the data changed under the group (an order id stored since it
	 * was read, the figures' race): nothing of the group was stored, and the caller stores each one through
	 * {@link #record}.
	 */
	List<Answer> recordGroup(List<Posted> group) {
		Map<Long, List<Integer>> byProgram = new TreeMap<>();
		for (int i = 0; i < group.size(); i++) {
			byProgram.computeIfAbsent(group.get(i).programId(), id -> new ArrayList<>()).add(i);
		}
		return this.transactions.execute(status -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			Answer[] answers = new Answer[group.size()];
			byProgram.forEach((programId, items) -> recordGroupOf(programId, group, items, now, answers));
			return List.of(answers);
		});
	}

	/** One program's part of a group: {@code items} are the indexes of its conversions in {@code group}. */
	private void recordGroupOf(long programId, List<Posted> group, List<Integer> items, Instant now,
			Answer[] answers) {
		Map<CurrentUser, ProgramView> allowed = this.catalog.requireEach(programId,
				items.stream().map(i -> group.get(i).user()).distinct().toList());
		List<Integer> seen = new ArrayList<>();
		for (int i : items) {
			if (allowed.containsKey(group.get(i).user())) {
				seen.add(i);
			}
			else {
				answers[i] = Answer.refused(new ProgramNotFound());
			}
		}
		if (seen.isEmpty()) {
			return;
		}
		Map<Long, String> partners = this.catalog.partnerNames(programId);
		Set<Long> active = this.eventTypes.of(programId);
		List<Integer> valid = new ArrayList<>();
		for (int i : seen) {
			List<FieldReason> errors = new ArrayList<>();
			checkClicks(group.get(i).conversion(), "", partners, now, errors);
			if (errors.isEmpty()) {
				valid.add(i);
			}
			else {
				answers[i] = Answer.refused(new InvalidConversions(errors));
			}
		}
		Map<String, Conversion> stored = this.store.findByOrderIds(programId,
				valid.stream().map(i -> group.get(i).conversion().orderId()).distinct().toList());
		// In the order the callers came, as if each were stored before the next: the first of an order id that is
		// not stored yet creates it, provided its event type is active; the later ones are its replays.
		Map<String, NewConversion> fresh = new LinkedHashMap<>();
		Map<String, Integer> creator = new HashMap<>();
		for (int i : valid) {
			NewConversion conversion = group.get(i).conversion();
			String orderId = conversion.orderId();
			if (stored.containsKey(orderId) || fresh.containsKey(orderId)) {
				continue;
			}
			if (active.contains(conversion.eventTypeId())) {
				fresh.put(orderId, dated(conversion, now));
				creator.put(orderId, i);
			}
			else {
				answers[i] = Answer.refused(new EventTypeNotActive());
			}
		}
		Map<String, Conversion> created = new HashMap<>();
		if (!fresh.isEmpty()) {
			List<ConversionStore.Attributed> rows = attributed(programId, List.copyOf(fresh.values()));
			Map<String, Long> ids = this.store.insert(programId, now, rows);
			for (ConversionStore.Attributed row : rows) {
				NewConversion dated = row.conversion();
				created.put(dated.orderId(),
						created(ids.get(dated.orderId()), programId, dated, now, row.attribution()));
			}
		}
		for (int i : valid) {
			if (answers[i] != null) {
				continue;
			}
			NewConversion conversion = group.get(i).conversion();
			String orderId = conversion.orderId();
			if (creator.getOrDefault(orderId, -1) == i) {
				answers[i] = Answer.of(new Recorded(created.get(orderId), true, partners));
			}
			else {
				Conversion earlier = stored.containsKey(orderId) ? stored.get(orderId) : created.get(orderId);
				answers[i] = earlier.sameAs(conversion) ? Answer.of(new Recorded(earlier, false, partners))
						: Answer.refused(new OrderIdConflict());
			}
		}
	}

	/**
	 * A batch, all or nothing: every item is checked before any is stored, and an invalid one names its index.
	 * Order ids already stored (or repeated in the batch) with the same content are replays; with other content
	 * the whole batch is a conflict. One query reads the stored order ids and one JDBC batch inserts the rest.
	 */
	BatchRecorded recordBatch(CurrentUser user, long programId, List<NewConversion> conversions) {
		ProgramView program = this.catalog.require(user, programId);
		Map<Long, String> partners = this.catalog.partnerNames(program.id());
		Set<Long> active = this.eventTypes.of(program.id());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<FieldReason> errors = new ArrayList<>();
		Map<String, Integer> firstOf = new HashMap<>();
		for (int i = 0; i < conversions.size(); i++) {
			NewConversion conversion = conversions.get(i);
			String item = "conversions[" + i + "].";
			checkClicks(conversion, item, partners, now, errors);
			if (!active.contains(conversion.eventTypeId())) {
				errors.add(new FieldReason(item + "eventTypeId", "conversion.error.eventTypeNotActive"));
			}
			Integer first = firstOf.putIfAbsent(conversion.orderId(), i);
			if (first != null && !sameContent(conversions.get(first), conversion)) {
				errors.add(new FieldReason(item + "orderId", "conversion.error.orderIdRepeated"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidConversions(errors);
		}
		// Two batches storing one order id at once: the loser reads the winner's rows and answers from them.
		for (int attempt = 1;; attempt++) {
			try {
				return storeBatch(program.id(), conversions, firstOf, partners, now);
			}
			catch (DataIntegrityViolationException ex) {
				RuntimeException refusal = UniqueConstraint.violatedBy(ex, ConversionStore.UNIQUE_ORDER,
						OrderIdConflict::new);
				if (!(refusal instanceof OrderIdConflict) || attempt == 2) {
					throw refusal;
				}
			}
		}
	}

	private BatchRecorded storeBatch(long programId, List<NewConversion> conversions, Map<String, Integer> firstOf,
			Map<Long, String> partners, Instant now) {
		Map<String, Conversion> stored = this.store.findByOrderIds(programId, firstOf.keySet());
		List<FieldReason> conflicts = new ArrayList<>();
		Map<String, NewConversion> fresh = new LinkedHashMap<>();
		for (int i = 0; i < conversions.size(); i++) {
			NewConversion conversion = conversions.get(i);
			Conversion before = stored.get(conversion.orderId());
			if (before != null && !before.sameAs(conversion)) {
				conflicts.add(new FieldReason("conversions[" + i + "].orderId", "conversion.error.orderIdConflict"));
			}
			else if (before == null) {
				fresh.putIfAbsent(conversion.orderId(), dated(conversion, now));
			}
		}
		if (!conflicts.isEmpty()) {
			throw new OrderIdConflict(conflicts);
		}
		List<NewConversion> toStore = List.copyOf(fresh.values());
		Map<String, Attributed> decided = new HashMap<>();
		Map<String, Long> ids = new HashMap<>();
		if (!toStore.isEmpty()) {
			List<ConversionStore.Attributed> rows = attributed(programId, toStore);
			for (ConversionStore.Attributed row : rows) {
				decided.put(row.conversion().orderId(), new Attributed(row.attribution()));
			}
			ids.putAll(insert(programId, now, rows));
		}
		List<BatchItem> results = new ArrayList<>();
		for (int i = 0; i < conversions.size(); i++) {
			String orderId = conversions.get(i).orderId();
			Conversion before = stored.get(orderId);
			if (before != null) {
				results.add(new BatchItem(i, before.id(), before.attribution()));
			}
			else {
				results.add(new BatchItem(i, ids.get(orderId), decided.get(orderId).attribution()));
			}
		}
		int created = toStore.size();
		return new BatchRecorded(created, conversions.size() - created, results, partners);
	}

	/** A page of the program's conversions, newest first; a partner sees only those credited to them. */
	@PlainSqlRead
	Listed list(CurrentUser user, long programId, ConversionFilter filter, int page, int size) {
		ProgramView program = access(user, programId);
		ConversionFilter seen = filter.seenBy(user);
		if (seen == null) {
			return new Listed(List.of(), Map.of());
		}
		return new Listed(this.store.page(program.id(), seen, page, size), this.catalog.partnerNames(program.id()));
	}

	/** One conversion; a partner's only when it credited them. */
	@PlainSqlRead
	Recorded get(CurrentUser user, long programId, long conversionId) {
		ProgramView program = access(user, programId);
		Conversion conversion = this.store.find(program.id(), conversionId)
			.filter(found -> !user.isPartner() || user.partnerId().equals(found.attribution().partnerId()))
			.orElseThrow(ConversionNotFound::new);
		return new Recorded(conversion, false, this.catalog.partnerNames(program.id()));
	}

	/** The days from {@code from} to {@code to}, both included, in {@code zone}, as the instants they span. */
	static Instant[] range(LocalDate from, LocalDate to, ZoneId zone) {
		return new Instant[] { from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant() };
	}

	ProgramView access(CurrentUser user, long programId) {
		return user.isPartner() ? this.catalog.requireJoined(user, programId) : this.catalog.require(user, programId);
	}

	private Conversion storedOrder(long programId, String orderId) {
		return this.store.findByOrderIds(programId, List.of(orderId)).get(orderId);
	}

	/**
	 * Stores conversions and their share of the daily and quarter hours' figures in one transaction; the ids
	 * given, by order id. Two transactions adding the first figures of one code's day (or quarter hour) at once
	 * meet at that row's key: the loser, rolled back whole, tries again and adds to the winner's row.
	 */
	private Map<String, Long> insert(long programId, Instant now, List<ConversionStore.Attributed> rows) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> this.store.insert(programId, now, rows));
			}
			catch (DataIntegrityViolationException ex) {
				if (attempt == 3 || !ConversionStore.figuresRaced(ex)) {
					throw ex;
				}
			}
		}
	}

	/** The conversions with their attributions, as the store takes them. */
	private List<ConversionStore.Attributed> attributed(long programId, List<NewConversion> conversions) {
		List<Attribution> attributions = attribute(programId, conversions);
		List<ConversionStore.Attributed> rows = new ArrayList<>(conversions.size());
		for (int i = 0; i < conversions.size(); i++) {
			rows.add(new ConversionStore.Attributed(conversions.get(i), attributions.get(i)));
		}
		return rows;
	}

	private List<Attribution> attribute(long programId, List<NewConversion> conversions) {
		CodeMatcher matcher = this.matchers.of(programId);
		boolean trackingOn = this.settings.trackingEnabled(programId);
		return conversions.stream()
			.map(conversion -> matcher.attribute(conversion.occurredAt(), conversion.promoCode(), conversion.clicks(),
					trackingOn))
			.toList();
	}

	/** What was stored, as a read would give it back: amounts with their 2 decimals, instants in microseconds. */
	private static Conversion created(long id, long programId, NewConversion dated, Instant now,
			Attribution attribution) {
		return new Conversion(id, programId, dated.orderId(), dated.eventTypeId(), dated.occurredAt(), now,
				dated.amount().setScale(2, RoundingMode.UNNECESSARY), dated.currency(), dated.promoCode(),
				dated.clicks(), attribution);
	}

	private static Recorded replayOf(Conversion stored, NewConversion retry, Map<Long, String> partners) {
		if (!stored.sameAs(retry)) {
			throw new OrderIdConflict();
		}
		return new Recorded(stored, false, partners);
	}

	/** Two items of one batch with one order id: the second is a retry of the first when nothing else differs. */
	private static boolean sameContent(NewConversion first, NewConversion second) {
		return first.equals(second);
	}

	private static NewConversion dated(NewConversion conversion, Instant now) {
		return (conversion.occurredAt() != null) ? conversion
				: new NewConversion(conversion.orderId(), conversion.eventTypeId(), now, conversion.amount(),
						conversion.currency(), conversion.promoCode(), conversion.clicks());
	}

	/** Each click is a partner of the program's, at or before the conversion (the time of receipt by default). */
	private static void checkClicks(NewConversion conversion, String item, Map<Long, String> partners, Instant now,
			List<FieldReason> errors) {
		Instant occurredAt = (conversion.occurredAt() != null) ? conversion.occurredAt() : now;
		Set<String> fields = new LinkedHashSet<>();
		for (int i = 0; i < conversion.clicks().size(); i++) {
			Click click = conversion.clicks().get(i);
			String field = item + "clicks[" + i + "].";
			if (!partners.containsKey(click.partnerId()) && fields.add(field + "partnerId")) {
				errors.add(new FieldReason(field + "partnerId", "conversion.error.unknownPartner"));
			}
			if (click.at().isAfter(occurredAt) && fields.add(field + "at")) {
				errors.add(new FieldReason(field + "at", "conversion.error.clickAfterConversion"));
			}
		}
	}

	/** One conversion as a caller posted it, to be stored in a group with others. */
	record Posted(CurrentUser user, long programId, NewConversion conversion) {
	}

	/** What {@link #record} would have answered one caller of a group: the conversion, or the refusal. */
	record Answer(@Nullable Recorded recorded, @Nullable DomainException refusal) {

		static Answer of(Recorded recorded) {
			return new Answer(recorded, null);
		}

		static Answer refused(DomainException refusal) {
			return new Answer(null, refusal);
		}

		Recorded orThrow() {
			if (this.refusal != null) {
				throw this.refusal;
			}
			return this.recorded;
		}

	}

	/** A conversion and whether this request created it, with the program's partner names to show it. */
	record Recorded(Conversion conversion, boolean created, Map<Long, String> partnerNames) {
	}

	record BatchRecorded(int created, int replayed, List<BatchItem> results, Map<Long, String> partnerNames) {
	}

	record BatchItem(int index, long id, Attribution attribution) {
	}

	record Listed(List<Conversion> conversions, Map<Long, String> partnerNames) {
	}

	private record Attributed(Attribution attribution) {
	}

}
