package com.promotracking.eventtypes;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.promotracking.programs.ProgramCatalog;
import com.promotracking.users.CurrentUser;

/** Settings → Tracking → Event types: where a brand sees whether its promo code passed validation. */
@Controller
class EventTypesController {

	private final ProgramCatalog catalog;

	private final PromoCodeValidations validations;

	EventTypesController(ProgramCatalog catalog, PromoCodeValidations validations) {
		this.catalog = catalog;
		this.validations = validations;
	}

	@GetMapping("/programs/{programId}/event-types")
	String eventTypes(@PathVariable long programId, CurrentUser user, Model model) {
		model.addAttribute("program", this.catalog.require(user, programId));
		model.addAttribute("programs", this.catalog.visibleTo(user));
		model.addAttribute("eventTypes", this.validations.eventTypesOf(programId));
		model.addAttribute("validation", this.validations.of(programId).orElse(null));
		return "eventtypes/list";
	}

}
