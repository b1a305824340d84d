package com.promotracking.promocodes;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.Refusal;
import com.promotracking.audit.Subject;
import com.promotracking.audit.Subject.SubjectType;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.promocodes.PromoCodeImportStore.ImportRecord;
import com.promotracking.users.CurrentUser;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportFile;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvNotice;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportRow;

/**
 * Promo codes created in bulk from a CSV file, in two steps. The preview reads the file, checks every row with the
 * rules of creating one code and stores rows and reasons, whichever instance will receive the acceptance. The
 * acceptance checks the rows again and creates them all in one transaction, or none: a preview with errors, or
 * rows no longer valid, create nothing and say which rows. A preview belongs to its program and to the user who
 * uploaded it, and expires after {@link #LIFETIME}.
 */
@Service
class PromoCodeImportService {

	static final Duration LIFETIME = Duration.ofHours(24);

	/** What a file is called when its upload gives no name (a plain {@code text/csv} body). */
	static final String UNNAMED = "promo-codes.csv";

	private static final int MAX_FILE_NAME = 255;

	private final ProgramCatalog catalog;

	private final TrackingSettings settings;

	private final PromoCodeImportStore store;

	private final TrackingPromoCodeRepository codes;

	private final History history;

	private final ChangeTransactions changes;

	private final TransactionOperations transactions;

	private final Clock clock;

	PromoCodeImportService(ProgramCatalog catalog, TrackingSettings settings, PromoCodeImportStore store,
			TrackingPromoCodeRepository codes, History history, ChangeTransactions changes,
			PlatformTransactionManager transactions, Clock clock) {
		this.catalog = catalog;
		this.settings = settings;
		this.store = store;
		this.codes = codes;
		this.history = history;
		this.changes = changes;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** An import as pages and the API show it. */
	public record ImportView(long id, long programId, String fileName, Instant createdAt, Instant expiresAt, int rows,
			int ready, List<CsvNotice> notices, @Nullable Instant acceptedAt, @Nullable Integer createdCodes,
			boolean expired) {

		public boolean acceptable() {
			return this.acceptedAt == null && !this.expired && this.ready == this.rows;
		}

		static ImportView of(ImportRecord record, Instant now) {
			return new ImportView(record.id(), record.programId(), record.fileName(), record.createdAt(),
					record.expiresAt(), record.rows(), record.ready(), record.notices(), record.acceptedAt(),
					record.createdCodes(), record.acceptedAt() == null && !now.isBefore(record.expiresAt()));
		}

	}

	/** A row of the preview with the reasons of its fields, by field. */
	public record ImportRowView(CsvImportRow row, Map<String, ImportError> errors) {
	}

	/** A page of the preview's rows. */
	public record ImportPage(List<ImportRowView> rows, int page, boolean hasNext) {
	}

	/**
	 * Reads and checks the file and stores the preview. The file is read before any transaction begins: a slow
	 * upload holds no connection. A file that cannot be read is {@link InvalidCsvFile}, and nothing is stored.
	 */
	ImportView preview(CurrentUser user, long programId, @Nullable String fileName, InputStream file) {
		ProgramView program = this.catalog.require(user, programId);
		if (!this.settings.trackingEnabled(program.id())) {
			throw new PromoCodeTrackingDisabled();
		}
		List<CsvImportRow> rows = new ArrayList<>();
		ImportRowValues values = new ImportRowValues();
		CsvImportFile read = PromoCodeCsvReader.read(file, row -> rows.add(values.share(row)));
		return this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			this.store.forgetExpired(now);
			ImportRowChecker.Result checked = checker(program, now).check(rows);
			long id = this.store.insert(program.id(), user.username(), fileNameOf(fileName), now, now.plus(LIFETIME),
					read.rows(), checked.ready().size(), read.notices());
			this.store.insertRows(id, rows);
			this.store.insertErrors(id, checked.errors());
			return ImportView.of(require(user, program.id(), id), now);
		});
	}

	ImportView get(CurrentUser user, long programId, long importId) {
		ProgramView program = this.catalog.require(user, programId);
		return ImportView.of(require(user, program.id(), importId), this.clock.instant());
	}

	/** Every reason of the preview, in line order. */
	List<ImportError> errors(CurrentUser user, long programId, long importId) {
		ProgramView program = this.catalog.require(user, programId);
		ImportRecord record = require(user, program.id(), importId);
		return this.store.errors(record.id(), 0, Integer.MAX_VALUE);
	}

	/** Every reason of a preview the caller was given by a method above, which checked access. */
	List<ImportError> errorsOf(ImportView preview) {
		return this.store.errors(preview.id(), 0, Integer.MAX_VALUE);
	}

	/** One page of the preview's rows with their reasons; only the rows with errors, if asked. */
	ImportPage rows(CurrentUser user, long programId, long importId, int page, int size, boolean onlyWithErrors) {
		ProgramView program = this.catalog.require(user, programId);
		ImportRecord record = require(user, program.id(), importId);
		List<CsvImportRow> rows = this.store.rows(record.id(), onlyWithErrors, page * size, size + 1);
		boolean hasNext = rows.size() > size;
		List<CsvImportRow> shown = hasNext ? rows.subList(0, size) : rows;
		Map<Integer, Map<String, ImportError>> errors = new LinkedHashMap<>();
		if (!shown.isEmpty()) {
			for (ImportError error : this.store.errors(record.id(), shown.get(0).line(),
					shown.get(shown.size() - 1).line())) {
				errors.computeIfAbsent(error.line(), line -> new LinkedHashMap<>()).put(error.field(), error);
			}
		}
		return new ImportPage(shown.stream()
			.map(row -> new ImportRowView(row, errors.getOrDefault(row.line(), Map.of())))
			.toList(), page, hasNext);
	}

	/**
	 * Creates every row of the preview in one transaction and returns how many. Refused, creating nothing: an
	 * import of another user or program ({@link ImportNotFound}), accepted already, expired, with tracking off, or
	 * with rows that have errors ({@link ImportRefused}, naming them; rows that became invalid since the preview
	 * have their new reasons stored, so the preview shows them).
	 */
	int accept(CurrentUser user, long programId, long importId, Channel channel) {
		Acceptance acceptance;
		try {
			acceptance = this.changes.run(() -> acceptInTransaction(user, programId, importId, channel));
		}
		catch (DataIntegrityViolationException raced) {
			// A code of the file was created since the check, by someone else: checked again, it is a stale row.
			acceptance = this.changes.run(() -> acceptInTransaction(user, programId, importId, channel));
		}
		if (acceptance.stale() != null) {
			throw ImportRefused.stale(acceptance.stale());
		}
		return acceptance.created();
	}

	private record Acceptance(int created, @Nullable List<ImportError> stale) {
	}

	private Acceptance acceptInTransaction(CurrentUser user, long programId, long importId, Channel channel) {
		ProgramView program = this.catalog.require(user, programId);
		ImportRecord record = this.store.lock(importId, program.id(), user.username())
			.orElseThrow(ImportNotFound::new);
		if (record.acceptedAt() != null) {
			throw new ImportAlreadyAccepted();
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(record.expiresAt())) {
			throw new ImportExpired();
		}
		Subject subject = new Subject(SubjectType.PROMO_CODE_IMPORT, record.id(), record.fileName());
		Map<String, FieldChange> changes = Map.of("promoCodes", new FieldChange(null, Integer.toString(record.rows())));
		if (!this.settings.trackingEnabled(program.id())) {
			throw Refusal.of(new PromoCodeTrackingDisabled(), program, user, channel, subject, changes);
		}
		if (record.ready() < record.rows()) {
			throw Refusal.of(ImportRefused.hasErrors(this.store.errors(record.id(), 0, Integer.MAX_VALUE)), program,
					user, channel, subject, changes);
		}
		ImportRowChecker.Result checked = checker(program, now).check(this.store.rows(record.id()));
		if (!checked.errors().isEmpty()) {
			// Kept, unlike a refusal's rollback: the preview now shows why, and the history says it was refused.
			this.store.replaceErrors(record.id(), checked.errors(), checked.ready().size());
			this.history.record(HistoryEvent.refused(program, user, channel, subject, "import-stale", changes));
			return new Acceptance(0, checked.errors());
		}
		this.store.insertCodes(program.id(), record.id(), checked.ready(), now, user.username());
		this.codes.codesChanged(program.id());
		this.store.accepted(record.id(), now, checked.ready().size());
		this.history.record(HistoryEvent.changed(program, user, channel, subject, null, changes));
		return new Acceptance(checked.ready().size(), null);
	}

	private ImportRecord require(CurrentUser user, long programId, long importId) {
		return this.store.find(importId, programId, user.username()).orElseThrow(ImportNotFound::new);
	}

	private ImportRowChecker checker(ProgramView program, Instant now) {
		long id = program.id();
		return new ImportRowChecker(this.catalog.partnersOf(program), this.store.liveCodes(id, MatchType.REGEX),
				() -> this.store.liveCodes(id, MatchType.EXACT), keys -> this.store.existingKeys(id, keys), now);
	}

	/** The name as the user knows the file: no folders, nothing invisible, not too long. */
	static String fileNameOf(@Nullable String given) {
		if (given == null) {
			return UNNAMED;
		}
		String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "")
			.strip();
		if (name.isEmpty()) {
			return UNNAMED;
		}
		return (name.length() > MAX_FILE_NAME) ? name.substring(0, MAX_FILE_NAME) : name;
	}

}
