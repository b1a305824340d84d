package com.promotracking.kernel;

import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Two requests racing past a service's "does it exist already?" check meet at a unique constraint. The feature
 * that owns the constraint turns the loser's failure into its own refusal, the one it would have got a moment
 * later; a violation of any other constraint stays the failure it is.
 */
public final class UniqueConstraint {

	private UniqueConstraint() {
	}

	/** The feature's refusal when {@code ex} is a violation of the named constraint; otherwise {@code ex} itself. */
	public static RuntimeException violatedBy(DataIntegrityViolationException ex, String constraint,
			Supplier<? extends DomainException> refusal) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
		return message.contains(constraint) ? refusal.get() : ex;
	}

}
