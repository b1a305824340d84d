package com.promotracking.programs;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.promotracking.users.CurrentUser;

/** The start page after login: the programs the user may manage. */
@Controller
class HomeController {

	private final ProgramCatalog catalog;

	HomeController(ProgramCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(CurrentUser user, Model model) {
		if (user.isPartner()) {
			// Partners change no settings: their start page is their programs and promo code requests.
			return "redirect:/partner/requests";
		}
		model.addAttribute("programs", this.catalog.visibleTo(user));
		return "home";
	}

}
