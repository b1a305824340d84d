package com.promotracking.settings;

import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramNotFound;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.PageController;

/** User profile menu → Settings, and the program settings page with its right-hand column. */
@PageController
class SettingsController {

	private final ProgramCatalog catalog;

	private final ProgramSettingsService service;

	SettingsController(ProgramCatalog catalog, ProgramSettingsService service) {
		this.catalog = catalog;
		this.service = service;
	}

	/**
	 * Opens the settings of the chosen program ({@code programId}, from the program switcher), of the first
	 * program of the chosen brand ({@code brandId}, from a CSM's brand switcher), or of the user's first
	 * program. {@code section} keeps the user on the same page when switching program.
	 */
	@GetMapping("/settings")
	String settings(@RequestParam(required = false) Long programId, @RequestParam(required = false) Long brandId,
			@RequestParam(defaultValue = "") String section, CurrentUser user) {
		long target;
		if (programId != null) {
			target = this.catalog.require(user, programId).id();
		}
		else {
			// A CSM switching brand lands on that brand's first program.
			List<ProgramView> programs = this.catalog.visibleTo(user)
				.stream()
				.filter(program -> brandId == null || program.brandId() == brandId)
				.toList();
			if (programs.isEmpty() && brandId != null) {
				throw new ProgramNotFound();
			}
			if (programs.isEmpty()) {
				return "settings/no-programs";
			}
			target = programs.get(0).id();
		}
		String page = switch (section) {
			case "ad-settings" -> "/settings/ad-settings";
			case "event-types" -> "/event-types";
			case "promo-codes" -> "/promo-codes";
			case "requests" -> "/promo-code-requests";
			case "conversions" -> "/conversions";
			case "promo-code-performance" -> "/reports/promo-codes";
			default -> "/settings";
		};
		return "redirect:/programs/" + target + page;
	}

	@GetMapping("/programs/{programId}/settings")
	String overview(@PathVariable long programId, CurrentUser user, Model model) {
		PromoCodeSettingsState state = this.service.current(user, programId);
		model.addAttribute("state", state);
		model.addAttribute("program", state.program());
		return "settings/overview";
	}

}
