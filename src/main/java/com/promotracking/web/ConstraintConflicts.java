package com.promotracking.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Two requests racing past a service's "does it exist already?" check meet at a unique constraint. This
 * names the problem that constraint stands for, so the loser gets the same 409 it would have got a moment
 * later, not a 500.
 */
final class ConstraintConflicts {

	private static final Map<String, String> PROBLEM_BY_CONSTRAINT = Map.of(
			"uk_test_action_order", "duplicate-order-id",
			"uk_event_type_program_name", "duplicate-event-type",
			"uk_promo_code_program_key", "duplicate-promo-code");

	private ConstraintConflicts() {
	}

	static String problemTypeOf(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
		return PROBLEM_BY_CONSTRAINT.entrySet()
			.stream()
			.filter(entry -> message.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("conflict");
	}

}
