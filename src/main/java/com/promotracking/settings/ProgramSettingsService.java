package com.promotracking.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.Refusal;
import com.promotracking.audit.Subject;
import com.promotracking.eventtypes.PromoCodeValidation;
import com.promotracking.eventtypes.PromoCodeValidations;
import com.promotracking.kernel.DomainException;
import com.promotracking.kernel.PageOf;
import com.promotracking.kernel.PlainSqlRead;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.PromoCodeSettingsStore.SavedSettings;
import com.promotracking.users.Contacts;
import com.promotracking.users.CurrentUser;

/**
 * Reads and changes a program's promo code tracking settings, enforcing what the platforms only warn about:
 * tracking is turned on only once the program's promo code passed event-type validation, and partners may
 * request codes only while tracking is on. Turning things off is always allowed. Every change and every
 * refused attempt goes into the program's history in the same transaction.
 */
@Service
class ProgramSettingsService {

	static final String TRACKING = "promoCodeTrackingEnabled";

	static final String PARTNER_REQUESTS = "partnerPromoCodeRequestsAllowed";

	private final ProgramCatalog catalog;

	private final PromoCodeValidations validations;

	private final PromoCodeSettingsRepository settings;

	private final PromoCodeSettingsStore saved;

	private final History history;

	private final Contacts contacts;

	private final ChangeTransactions changes;

	private final Clock clock;

	ProgramSettingsService(ProgramCatalog catalog, PromoCodeValidations validations,
			PromoCodeSettingsRepository settings, PromoCodeSettingsStore saved, History history, Contacts contacts,
			ChangeTransactions changes, Clock clock) {
		this.catalog = catalog;
		this.validations = validations;
		this.settings = settings;
		this.saved = saved;
		this.history = history;
		this.contacts = contacts;
		this.changes = changes;
		this.clock = clock;
	}

	@PlainSqlRead
	public PromoCodeSettingsState current(CurrentUser user, long programId) {
		ProgramView program = this.catalog.require(user, programId);
		SavedSettings saved = this.saved.find(programId);
		return new PromoCodeSettingsState(program, saved.trackingEnabled(), saved.partnerRequestsAllowed(),
				saved.version(), saved.updatedAt(), saved.updatedBy(), this.validations.of(programId).orElse(null));
	}

	@PlainSqlRead
	public PageOf<HistoryRecord> history(CurrentUser user, long programId, int page, int size) {
		return this.history.page(this.catalog.require(user, programId), page, size);
	}

	/**
	 * The Ad settings page's data, with a page of history, read on one connection rather than one for each of its
	 * parts.
	 */
	@PlainSqlRead
	public AdSettingsView view(CurrentUser user, long programId, int historyPage) {
		return view(current(user, programId), historyPage);
	}

	/** The same for settings the caller has just read, access checked (a refused or conflicting save). */
	@PlainSqlRead
	public AdSettingsView view(PromoCodeSettingsState checked, int historyPage) {
		return new AdSettingsView(checked, this.history.page(checked.program(), historyPage, HistoryPages.PAGE_SIZE),
				this.contacts.csmOf(checked.program().brandId()).orElse(null));
	}

	/**
	 * Sets both flags at once, or neither. A request that changes nothing succeeds without writing anything.
	 * A refusal goes into the history too (see {@link ChangeTransactions}).
	 * @throws SettingsChangedMeanwhile when the user's version is not the current one
	 * @throws PartnerRequestsRequireTracking when partner requests are asked for with tracking off
	 * @throws PromoCodeNotValidated when tracking is turned on before the promo code passed validation
	 */
	public PromoCodeSettingsState change(CurrentUser user, long programId, PromoCodeSettingsChange change,
			Channel channel) {
		return this.changes.run(() -> changeNow(user, programId, change, channel));
	}

	private PromoCodeSettingsState changeNow(CurrentUser user, long programId, PromoCodeSettingsChange change,
			Channel channel) {
		ProgramView program = this.catalog.require(user, programId);
		// A program without a settings row gets one first, so the change below bumps a real version.
		PromoCodeSettings saved = this.settings.findForUpdate(programId)
			.orElseGet(() -> this.settings.saveAndFlush(new PromoCodeSettings(programId)));
		PromoCodeValidation validation = this.validations.of(programId).orElse(null);
		Map<String, FieldChange> changes = changes(saved, change);

		DomainException refusal = refusal(program, saved, validation, change);
		if (refusal != null) {
			throw Refusal.of(refusal, program, user, channel, subject(program), changes);
		}
		if (!changes.isEmpty()) {
			saved.change(change.tracking(), change.partnerRequests(),
					user.username(), this.clock.instant());
			// Flushed here so the returned state carries the new version.
			saved = this.settings.saveAndFlush(saved);
			this.history.record(HistoryEvent.changed(program, user, channel, subject(program), null, changes));
		}
		return state(program, saved, validation);
	}

	private static Subject subject(ProgramView program) {
		return new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, program.id(), program.name());
	}

	private static DomainException refusal(ProgramView program, PromoCodeSettings saved,
			PromoCodeValidation validation, PromoCodeSettingsChange change) {
		if (change.version() != null && !Objects.equals(change.version(), saved.version())) {
			return new SettingsChangedMeanwhile(state(program, saved, validation));
		}
		if (change.partnerRequests() && !change.tracking()) {
			return new PartnerRequestsRequireTracking();
		}
		// Only turning tracking on needs the validation: tracking that is already live stays live.
		if (change.tracking() && !saved.trackingEnabled() && validation == null) {
			return new PromoCodeNotValidated();
		}
		return null;
	}

	/** Each field the request would change, with its current and asked-for value. */
	private static Map<String, FieldChange> changes(PromoCodeSettings saved, PromoCodeSettingsChange change) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		if (saved.trackingEnabled() != change.tracking()) {
			changes.put(TRACKING, new FieldChange(saved.trackingEnabled(), change.tracking()));
		}
		if (saved.partnerRequestsAllowed() != change.partnerRequests()) {
			changes.put(PARTNER_REQUESTS,
					new FieldChange(saved.partnerRequestsAllowed(), change.partnerRequests()));
		}
		return changes;
	}

	private static PromoCodeSettingsState state(ProgramView program, PromoCodeSettings saved,
			PromoCodeValidation validation) {
		return new PromoCodeSettingsState(program, saved.trackingEnabled(), saved.partnerRequestsAllowed(),
				saved.version(), saved.updatedAt(), saved.updatedBy(), validation);
	}

}
