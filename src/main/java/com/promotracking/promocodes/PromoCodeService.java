package com.promotracking.promocodes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.Refusal;
import com.promotracking.audit.Subject;
import com.promotracking.audit.Subject.SubjectType;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.kernel.PlainSqlRead;
import com.promotracking.kernel.UniqueConstraint;
import com.promotracking.programs.PartnerView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.users.CurrentUser;

/**
 * A program's tracking promo codes. They can be created only while the program's promo code tracking is
 * enabled; each belongs to one partner, and no code may make a conversion's partner ambiguous.
 */
@Service
public class PromoCodeService {

	/** An exact code: what partners may suggest and brands may create. */
	public static final Pattern EXACT_CODE = PromoCodeChecks.EXACT_CODE;

	/** Codes a download reads per statement: one batch in memory at a time, and few statements for a big program. */
	static final int EXPORT_BATCH = 1_000;

	private static final ZoneId UTC = ZoneId.of("UTC");

	private final ProgramCatalog catalog;

	private final TrackingSettings settings;

	private final TrackingPromoCodeRepository codes;

	private final PromoCodeStore store;

	private final History history;

	private final ChangeTransactions changes;

	private final Clock clock;

	PromoCodeService(ProgramCatalog catalog, TrackingSettings settings, TrackingPromoCodeRepository codes,
			PromoCodeStore store, History history, ChangeTransactions changes, Clock clock) {
		this.catalog = catalog;
		this.settings = settings;
		this.codes = codes;
		this.store = store;
		this.history = history;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * One page of the program's codes for the brand, newest first, optionally of one partner and in one state; a page
	 * past the end is empty.
	 */
	@PlainSqlRead
	PageOf<PromoCodeView> list(CurrentUser user, long programId, @Nullable Long partnerId,
			@Nullable PromoCodeState state, int page, int size) {
		this.catalog.require(user, programId);
		return page(programId, partnerId, state, page, size);
	}

	/** One page of a partner's own codes in a program they belong to, newest first, optionally in one state. */
	@PlainSqlRead
	PageOf<PromoCodeView> ownCodes(CurrentUser partner, long programId, @Nullable PromoCodeState state, int page,
			int size) {
		this.catalog.requireJoined(partner, programId);
		return page(programId, partner.partnerId(), state, page, size);
	}

	/**
	 * Every code of the program the list would show with these filters, newest first, for a download: read
	 * {@value #EXPORT_BATCH} at a time while they are written, so a program of any size is never held whole. Access is
	 * checked here, before anything is written; the states are those of this instant for the whole file.
	 */
	Iterable<PromoCodeView> export(CurrentUser user, long programId, @Nullable Long partnerId,
			@Nullable PromoCodeState state) {
		this.catalog.require(user, programId);
		return this.store.all(programId, partnerId, state, this.clock.instant(), this.catalog.partnerNames(programId),
				EXPORT_BATCH);
	}

	private PageOf<PromoCodeView> page(long programId, @Nullable Long partnerId, @Nullable PromoCodeState state,
			int page, int size) {
		List<PromoCodeView> found = this.store.slice(programId, partnerId, state, this.clock.instant(),
				this.catalog.partnerNames(programId), (long) page * size, size + 1);
		return PageOf.cut(found, page, size);
	}

	/** One code: the brand sees any of the program's, a partner only their own. */
	@Transactional(readOnly = true)
	public PromoCodeView get(CurrentUser user, long programId, long codeId) {
		if (user.isPartner()) {
			this.catalog.requireJoined(user, programId);
		}
		else {
			this.catalog.require(user, programId);
		}
		TrackingPromoCode code = this.codes.findInProgram(codeId, programId)
			.filter(found -> !user.isPartner() || found.partnerId() == user.partnerId())
			.orElseThrow(PromoCodeNotFound::new);
		return view(programId, code);
	}

	public PromoCodeView create(CurrentUser user, long programId, NewPromoCode command, Channel channel) {
		return create(user, programId, command, channel, null);
	}

	/**
	 * Creates a code; inside another change (approving a partner's request), in that change's transaction.
	 * {@code comment} goes into the history. Tracking off and a code the program has already are refusals the
	 * history keeps; a value a rule refuses ({@link InvalidField}) is only told to the user, who corrects it.
	 */
	public PromoCodeView create(CurrentUser user, long programId, NewPromoCode command, Channel channel,
			String comment) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			Map<String, FieldChange> changes = new LinkedHashMap<>();
			changes.put("promoCode", new FieldChange(null, "created"));
			if (!this.settings.trackingEnabled(program.id())) {
				throw Refusal.of(new PromoCodeTrackingDisabled(), program, user, channel,
						new Subject(SubjectType.PROMO_CODE_SETTINGS, program.id(), program.name()), changes);
			}
			if (command.partnerId() == null) {
				throw new InvalidField("partnerId", "promoCode.error.partnerRequired");
			}
			PartnerView partner = this.catalog.partnerIn(program.id(), command.partnerId())
				.orElseThrow(() -> new InvalidField("partnerId", "promoCode.error.unknownPartner"));
			changes.put("partner", new FieldChange(null, partner.name()));
			MatchType matchType = (command.matchType() != null) ? command.matchType() : MatchType.EXACT;
			CreditPolicy creditPolicy = (command.creditPolicy() != null) ? command.creditPolicy() : CreditPolicy.ALWAYS;
			String code = checkedCode(program.id(), partner.id(), command.code(), matchType);
			this.codes.findByProgramIdAndCodeKey(program.id(), TrackingPromoCode.keyOf(code, matchType))
				.ifPresent(existing -> {
					throw Refusal.of(new DuplicatePromoCode(), program, user, channel, subject(existing), changes);
				});
			ZoneId zone = (command.timeZone() != null) ? command.timeZone() : UTC;
			Instant now = this.clock.instant();
			Instant startsAt = (command.startsAt() != null) ? command.startsAt().toInstant(zone) : now;
			Instant endsAt = (command.endsAt() != null) ? command.endsAt().toInstant(zone) : null;
			if (endsAt != null && !endsAt.isAfter(startsAt)) {
				throw new InvalidField("endsAt", "promoCode.error.endBeforeStart");
			}
			TrackingPromoCode created;
			try {
				created = this.codes.save(new TrackingPromoCode(program.id(), partner.id(), code, matchType,
						creditPolicy, startsAt, endsAt, zone.getId(), now, user.username()));
			}
			catch (DataIntegrityViolationException ex) {
				// Another request created the same code since the check above; this one rolls back.
				throw UniqueConstraint.violatedBy(ex, "uk_promo_code_program_key", DuplicatePromoCode::new);
			}
			this.codes.codesChanged(program.id());
			this.history.record(HistoryEvent.changed(program, user, channel, subject(created), comment, changes));
			return created.toView(partner.name(), now);
		});
	}

	/** Stops the code from crediting; it stays listed, with who deactivated it and when. */
	public PromoCodeView deactivate(CurrentUser user, long programId, long codeId, Channel channel) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			TrackingPromoCode code = this.codes.findForUpdate(codeId, programId).orElseThrow(PromoCodeNotFound::new);
			Instant now = this.clock.instant();
			Map<String, FieldChange> changes = Map.of("promoCode",
					new FieldChange(code.stateAt(now).value(), PromoCodeState.DEACTIVATED.value()));
			try {
				code.deactivate(user.username(), now);
			}
			catch (AlreadyDeactivated refused) {
				throw Refusal.of(refused, program, user, channel, subject(code), changes);
			}
			this.codes.codesChanged(program.id());
			this.history.record(HistoryEvent.changed(program, user, channel, subject(code), null, changes));
			return view(programId, code);
		});
	}

	/** The code as it will be stored, or the reason it may not be. */
	private String checkedCode(long programId, long partnerId, String raw, MatchType matchType) {
		String code = PromoCodeChecks.written(raw, matchType);
		if (matchType == MatchType.EXACT) {
			for (String regex : this.codes.liveCodesOfOtherPartners(programId, partnerId, MatchType.REGEX)) {
				if (PromoCodeChecks.matchesSomeCaseOf(PromoCodeChecks.anyCase(regex), code)) {
					throw new InvalidField("code", "promoCode.error.matchedByOtherPartnersRegex");
				}
			}
		}
		else {
			Pattern anyCase = PromoCodeChecks.anyCase(code);
			for (String exact : this.codes.liveCodesOfOtherPartners(programId, partnerId, MatchType.EXACT)) {
				if (PromoCodeChecks.matchesSomeCaseOf(anyCase, exact)) {
					throw new InvalidField("code", "promoCode.error.regexMatchesOtherPartnersCode");
				}
			}
		}
		return code;
	}

	private PromoCodeView view(long programId, TrackingPromoCode code) {
		return code.toView(this.catalog.partnerNames(programId).get(code.partnerId()), this.clock.instant());
	}

	private static Subject subject(TrackingPromoCode code) {
		return new Subject(SubjectType.PROMO_CODE, code.id(), code.code());
	}

}
