package com.promotracking.programs;

import org.springframework.web.bind.annotation.GetMapping;

import com.promotracking.users.CurrentUser;
import com.promotracking.web.PageController;

/** The start page after login: the programs the user may manage ({@code programs}, from SwitcherModel). */
@PageController
class HomeController {

	@GetMapping("/")
	String home(CurrentUser user) {
		if (user.isPartner()) {
			// Partners change no settings: their start page is their programs and promo code requests.
			return "redirect:/partner/requests";
		}
		return "home";
	}

}
