package com.promotracking.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
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
import com.promotracking.promocodes.NewPromoCode;
import com.promotracking.promocodes.PromoCodeView;
import com.promotracking.promocodes.PromoCodeService;
import com.promotracking.programs.PartnerView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;

/**
 * Partners ask for a promo code of their own while the program allows it; the brand approves (which creates
 * the code, possibly a different one than suggested) or rejects, then marks the request completed. Requests
 * already open stay open, and can still be processed, when the program stops allowing new ones.
 */
@Service
class PromoCodeRequestService {

	static final int MAX_SUGGESTIONS = 5;

	static final int MAX_INSTRUCTIONS = 2000;

	static final int MAX_COMMENT = 1000;

	private final ProgramCatalog catalog;

	private final TrackingSettings settings;

	private final PromoCodeService promoCodes;

	private final PromoCodeRequestRepository requests;

	private final PromoCodeRequestStore store;

	private final History history;

	private final ChangeTransactions changes;

	private final Clock clock;

	PromoCodeRequestService(ProgramCatalog catalog, TrackingSettings settings, PromoCodeService promoCodes,
			PromoCodeRequestRepository requests, PromoCodeRequestStore store, History history,
			ChangeTransactions changes, Clock clock) {
		this.catalog = catalog;
		this.settings = settings;
		this.promoCodes = promoCodes;
		this.requests = requests;
		this.store = store;
		this.history = history;
		this.changes = changes;
		this.clock = clock;
	}

	/** A request while the program allows none is refused, and the brand sees the attempt in its history. */
	public RequestView submit(CurrentUser partner, long programId, NewRequest request, Channel channel) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.requireJoined(partner, programId);
			Map<String, FieldChange> opened = Map.of("request", new FieldChange(null, RequestState.OPEN.value()));
			if (!this.settings.partnerRequestsAllowed(programId)) {
				throw Refusal.of(new PartnerRequestsDisabled(), program, partner, channel,
						new Subject(SubjectType.PROMO_CODE_SETTINGS, program.id(), program.name()), opened);
			}
			List<String> codes = suggestedCodes(request.suggestedCodes());
			LocalDate dateNeeded = notPast(request.dateNeeded());
			String instructions = trimmedOrNull(request.instructions());
			if (instructions != null && instructions.length() > MAX_INSTRUCTIONS) {
				throw new InvalidField("instructions", "request.error.instructionsTooLong");
			}
			PromoCodeRequest saved = this.requests.save(new PromoCodeRequest(programId, partner.partnerId(), codes,
					dateNeeded, instructions, this.clock.instant(), partner.username()));
			this.history.record(HistoryEvent.changed(program, partner, channel, subject(saved), instructions, opened));
			return view(programId, saved);
		});
	}

	/**
	 * One page of the program's requests for the brand, newest first, optionally in one state or of one partner; a
	 * page past the end is empty.
	 */
	@Transactional(readOnly = true)
	public PageOf<RequestView> forBrand(CurrentUser user, long programId, @Nullable RequestState state,
			@Nullable Long partnerId, int page, int size) {
		this.catalog.require(user, programId);
		return PageOf.cut(this.store.slice(programId, partnerId, state, this.catalog.partnerNames(programId),
				(long) page * size, size + 1), page, size);
	}

	/** One page of a partner's own requests in one program they belong to, newest first. */
	@Transactional(readOnly = true)
	public PageOf<RequestView> ownIn(CurrentUser partner, long programId, int page, int size) {
		this.catalog.requireJoined(partner, programId);
		return PageOf.cut(this.store.slice(programId, partner.partnerId(), null, this.catalog.partnerNames(programId),
				(long) page * size, size + 1), page, size);
	}

	/** One page of a partner's own requests in all their programs, newest first: their start page. */
	@Transactional(readOnly = true)
	public PageOf<RequestView> allOwn(CurrentUser partner, int page, int size) {
		if (!partner.isPartner() || partner.partnerId() == null) {
			return PageOf.empty(page, size);
		}
		String name = this.catalog.partnerOf(partner).map(PartnerView::name).orElse(null);
		return PageOf.cut(this.store.sliceOfPartner(partner.partnerId(), name, (long) page * size, size + 1), page,
				size);
	}

	/** A brand sees any request of its program; a partner only their own; everything else is 404. */
	@Transactional(readOnly = true)
	public RequestView get(CurrentUser user, long programId, long requestId) {
		if (user.isPartner()) {
			this.catalog.requireJoined(user, programId);
			PromoCodeRequest request = this.requests.findInProgram(requestId, programId)
				.filter(r -> r.partnerId() == user.partnerId())
				.orElseThrow(RequestNotFound::new);
			return view(programId, request);
		}
		this.catalog.require(user, programId);
		return view(programId, this.requests.findInProgram(requestId, programId).orElseThrow(RequestNotFound::new));
	}

	/**
	 * Approves (creating the approved code, by default the first suggested, for the partner, with every check a
	 * new code gets) or rejects with a comment. A request already decided is refused and changes nothing.
	 */
	public RequestView decide(CurrentUser user, long programId, long requestId, boolean approve, String approvedCode,
			String comment, Channel channel) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			PromoCodeRequest request = this.requests.findForUpdate(requestId, programId)
				.orElseThrow(RequestNotFound::new);
			String to = approve ? RequestState.APPROVED.value() : RequestState.REJECTED.value();
			Map<String, FieldChange> changes = Map.of("request", new FieldChange(request.state().value(), to));
			String reason = trimmedOrNull(comment);
			if (reason != null && reason.length() > MAX_COMMENT) {
				throw new InvalidField("comment", "request.error.commentTooLong");
			}
			try {
				request.requireOpen();
			}
			catch (RequestAlreadyDecided refused) {
				throw Refusal.of(refused, program, user, channel, subject(request), changes);
			}
			Instant now = this.clock.instant();
			if (approve) {
				String code = trimmedOrNull(approvedCode);
				PromoCodeView created;
				try {
					created = this.promoCodes.create(user, programId, NewPromoCode.forPartner(request.partnerId(),
							(code != null) ? code : request.suggestedCodes().get(0)), channel, reason);
				}
				catch (InvalidField invalid) {
					// The code is the request's approvedCode: name the field the caller sent.
					throw "code".equals(invalid.field()) ? new InvalidField("approvedCode", invalid.reasonKey())
							: invalid;
				}
				request.approve(created.code(), created.id(), user.username(), now, reason);
			}
			else {
				if (reason == null) {
					throw new InvalidField("comment", "request.error.commentRequired");
				}
				request.reject(user.username(), now, reason);
			}
			this.history.record(HistoryEvent.changed(program, user, channel, subject(request), reason, changes));
			return view(programId, request);
		});
	}

	public RequestView complete(CurrentUser user, long programId, long requestId, Channel channel) {
		return this.changes.run(() -> {
			ProgramView program = this.catalog.require(user, programId);
			PromoCodeRequest request = this.requests.findForUpdate(requestId, programId)
				.orElseThrow(RequestNotFound::new);
			Map<String, FieldChange> changes = Map.of("request",
					new FieldChange(request.state().value(), RequestState.COMPLETED.value()));
			try {
				request.complete(user.username(), this.clock.instant());
			}
			catch (RequestNotDecided refused) {
				throw Refusal.of(refused, program, user, channel, subject(request), changes);
			}
			this.history.record(HistoryEvent.changed(program, user, channel, subject(request), null, changes));
			return view(programId, request);
		});
	}

	private RequestView view(long programId, PromoCodeRequest request) {
		return request.toView(this.catalog.partnerNames(programId).get(request.partnerId()));
	}

	/** One to five codes, each a valid exact code, without repeats (compared without case). */
	private static List<String> suggestedCodes(List<String> raw) {
		List<String> codes = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		if (raw != null) {
			for (String code : raw) {
				String trimmed = (code != null) ? code.strip() : "";
				if (trimmed.isEmpty()) {
					continue;
				}
				if (!PromoCodeService.EXACT_CODE.matcher(trimmed).matches()) {
					throw new InvalidField("suggestedCodes", "request.error.codeFormat");
				}
				if (seen.add(trimmed.toLowerCase(Locale.ROOT))) {
					codes.add(trimmed);
				}
			}
		}
		if (codes.isEmpty()) {
			throw new InvalidField("suggestedCodes", "request.error.codesRequired");
		}
		if (codes.size() > MAX_SUGGESTIONS) {
			throw new InvalidField("suggestedCodes", "request.error.tooManyCodes");
		}
		return codes;
	}

	private @Nullable LocalDate notPast(@Nullable LocalDate date) {
		if (date != null && date.isBefore(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC))) {
			throw new InvalidField("dateNeeded", "request.error.dateInPast");
		}
		return date;
	}

	private static String trimmedOrNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static Subject subject(PromoCodeRequest request) {
		return new Subject(SubjectType.PROMO_CODE_REQUEST, request.id(), String.join(", ", request.suggestedCodes()));
	}

}
