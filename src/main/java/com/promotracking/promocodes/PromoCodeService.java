package com.promotracking.promocodes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import com.promotracking.programs.PartnerView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.UniqueConstraint;
import com.promotracking.users.CurrentUser;

/**
 * A program's tracking promo codes. They can be created only while the program's promo code tracking is
 * enabled; each belongs to one partner, and no code may make a conversion's partner ambiguous.
 */
@Service
public class PromoCodeService {

	/** An exact code: what partners may suggest and brands may create. */
	public static final Pattern EXACT_CODE = PromoCodeChecks.EXACT_CODE;

	private static final ZoneId UTC = ZoneId.of("UTC");

	private final ProgramCatalog catalog;

	private final TrackingSettings settings;

	private final TrackingPromoCodeRepository codes;

	private final History history;

	private final ChangeTransactions changes;

	private final Clock clock;

	PromoCodeService(ProgramCatalog catalog, TrackingSettings settings, TrackingPromoCodeRepository codes,
			History history, ChangeTransactions changes, Clock clock) {
		this.catalog = catalog;
		this.settings = settings;
		this.codes = codes;
		this.history = history;
		this.changes = changes;
		this.clock = clock;
	}

	/** The program's codes for the brand, newest first, optionally of one partner and in one state. */
	@Transactional(readOnly = true)
	public List<PromoCodeView> list(CurrentUser user, long programId, Long partnerId, PromoCodeState state) {
		this.catalog.require(user, programId);
		List<TrackingPromoCode> found = (partnerId != null) ? this.codes.findByProgramAndPartner(programId, partnerId)
				: this.codes.findByProgram(programId);
		return views(programId, found).stream().filter(code -> state == null || code.state() == state).toList();
	}

	/** A partner's own codes in a program they belong to. */
	@Transactional(readOnly = true)
	public List<PromoCodeView> ownCodes(CurrentUser partner, long programId) {
		this.catalog.requireJoined(partner, programId);
		return views(programId, this.codes.findByProgramAndPartner(programId, partner.partnerId()));
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
		return views(programId, List.of(code)).get(0);
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
			return views(programId, List.of(code)).get(0);
		});
	}

	/** The code as it will be stored, or the reason it may not be. */
	private String checkedCode(long programId, long partnerId, String raw, MatchType matchType) {
		String code = PromoCodeChecks.written(raw, matchType);
		if (matchType == MatchType.EXACT) {
			for (TrackingPromoCode regex : this.codes.findLiveOfOtherPartners(programId, partnerId, MatchType.REGEX)) {
				if (PromoCodeChecks.matchesSomeCaseOf(PromoCodeChecks.anyCase(regex.code()), code)) {
					throw new InvalidField("code", "promoCode.error.matchedByOtherPartnersRegex");
				}
			}
		}
		else {
			Pattern anyCase = PromoCodeChecks.anyCase(code);
			for (TrackingPromoCode exact : this.codes.findLiveOfOtherPartners(programId, partnerId, MatchType.EXACT)) {
				if (PromoCodeChecks.matchesSomeCaseOf(anyCase, exact.code())) {
					throw new InvalidField("code", "promoCode.error.regexMatchesOtherPartnersCode");
				}
			}
		}
		return code;
	}

	private List<PromoCodeView> views(long programId, List<TrackingPromoCode> found) {
		Map<Long, String> partnerNames = this.catalog.partnerNames(programId);
		Instant now = this.clock.instant();
		return found.stream().map(code -> code.toView(partnerNames.get(code.partnerId()), now)).toList();
	}

	private static Subject subject(TrackingPromoCode code) {
		return new Subject(SubjectType.PROMO_CODE, code.id(), code.code());
	}

}
