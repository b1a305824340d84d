package com.promotracking.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.promotracking.audit.Channel;
import com.promotracking.kernel.DomainException;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.users.CurrentUser;

/**
 * Tracking switched on or off for many programs at once. Each program is its own change through
 * {@link ProgramSettingsService}, with its rule, its transaction and its history entry: one refusal never undoes
 * another program's change, and a program the user may not act on is {@link Outcome#NOT_FOUND}, as one that does
 * not exist.
 */
@Service
public class BulkSettingsService {

	private final ProgramSettingsService settings;

	BulkSettingsService(ProgramSettingsService settings) {
		this.settings = settings;
	}

	/** What became of one program. */
	public enum Outcome {

		CHANGED, UNCHANGED, REFUSED, CHANGED_MEANWHILE, NOT_FOUND;

		/** As the API writes it: {@code changed}, {@code not-found}. */
		public String value() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public String messageKey() {
			return "console.outcome." + name();
		}

	}

	/** A program to change, and the version the user saw it at (null: whatever is current). */
	public record Target(long programId, @Nullable Long version) {
	}

	/** One program's outcome; {@code problem} is the refusal's problem type, if refused. */
	public record Result(long programId, Outcome outcome, @Nullable String problem) {
	}

	/**
	 * Sets tracking on every target, each in its own transaction, in the order given. {@code partnerRequests}:
	 * allowed or not; null keeps each program's own setting where tracking stays on (turning tracking off turns
	 * partner requests off with it, as the rule requires).
	 * @throws PartnerRequestsRequireTracking when partner requests are asked for with tracking off
	 */
	public List<Result> change(CurrentUser user, List<Target> targets, boolean tracking,
			@Nullable Boolean partnerRequests, Channel channel) {
		if (!tracking && Boolean.TRUE.equals(partnerRequests)) {
			// Refused for every program alike, before any: the rule needs no program to tell.
			throw new PartnerRequestsRequireTracking();
		}
		List<Result> results = new ArrayList<>(targets.size());
		for (Target target : targets) {
			results.add(changeOne(user, target, tracking, partnerRequests, channel));
		}
		return results;
	}

	private Result changeOne(CurrentUser user, Target target, boolean tracking, @Nullable Boolean partnerRequests,
			Channel channel) {
		try {
			PromoCodeSettingsState before = this.settings.current(user, target.programId());
			boolean requests = tracking
					&& (partnerRequests != null ? partnerRequests : before.partnerPromoCodeRequestsAllowed());
			if (before.promoCodeTrackingEnabled() == tracking && before.partnerPromoCodeRequestsAllowed() == requests) {
				return new Result(target.programId(), Outcome.UNCHANGED, null);
			}
			// The version the user confirmed at, else the one just read: a change in between is not overwritten.
			Long expected = (target.version() != null) ? target.version() : before.version();
			this.settings.change(user, target.programId(), new PromoCodeSettingsChange(tracking, requests, expected),
					channel);
			return new Result(target.programId(), Outcome.CHANGED, null);
		}
		catch (ProgramNotFound notFound) {
			return new Result(target.programId(), Outcome.NOT_FOUND, notFound.problemType());
		}
		catch (SettingsChangedMeanwhile meanwhile) {
			return new Result(target.programId(), Outcome.CHANGED_MEANWHILE, meanwhile.problemType());
		}
		catch (DomainException refused) {
			return new Result(target.programId(), Outcome.REFUSED, refused.problemType());
		}
	}

}
