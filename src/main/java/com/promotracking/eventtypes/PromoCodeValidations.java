package com.promotracking.eventtypes;

import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "has this program's promo code passed event-type validation?": it has when a test action that
 * carried a non-blank promo code is approved (and not withdrawn) for one of the program's event types.
 */
@Service
@Transactional(readOnly = true)
public class PromoCodeValidations {

	private final TestActionRepository testActions;

	PromoCodeValidations(TestActionRepository testActions) {
		this.testActions = testActions;
	}

	/** The latest approval that validates the program's promo code, if any. */
	public Optional<PromoCodeValidation> of(long programId) {
		return this.testActions.findValidations(programId, Limit.of(1)).stream().findFirst();
	}

}
