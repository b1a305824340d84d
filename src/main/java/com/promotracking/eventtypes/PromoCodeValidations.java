package com.promotracking.eventtypes;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "has this program's promo code passed event-type validation?": it has when a test action that
 * carried a non-blank promo code was approved for one of the program's event types.
 */
@Service
@Transactional(readOnly = true)
public class PromoCodeValidations {

	private final TestActionRepository testActions;

	private final EventTypeRepository eventTypes;

	PromoCodeValidations(TestActionRepository testActions, EventTypeRepository eventTypes) {
		this.testActions = testActions;
		this.eventTypes = eventTypes;
	}

	/** The latest approval that validated the program's promo code, if any. */
	public Optional<PromoCodeValidation> of(long programId) {
		return this.testActions.findValidating(programId, Limit.of(1)).stream().findFirst().map(TestAction::toValidation);
	}

	public List<EventTypeSummary> eventTypesOf(long programId) {
		return this.eventTypes.summariesOf(programId);
	}

}
