package com.promotracking.settings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import com.promotracking.programs.ProgramCatalog;
import com.promotracking.users.Contacts;
import com.promotracking.users.CurrentUser;

/** Settings → General → Ad settings: the Promo code tracking section. */
@Controller
class AdSettingsController {

	static final String PATH = "/programs/{programId}/settings/ad-settings";

	static final String SAVED = "saved";

	private final ProgramSettingsService service;

	private final ProgramCatalog catalog;

	private final Contacts contacts;

	private final String supportUrl;

	AdSettingsController(ProgramSettingsService service, ProgramCatalog catalog, Contacts contacts,
			@Value("${app.support-url}") String supportUrl) {
		this.service = service;
		this.catalog = catalog;
		this.contacts = contacts;
		this.supportUrl = supportUrl;
	}

	/**
	 * The page; {@code ?saved} (where a save redirects to) adds the "saved" notice. A query parameter, not a
	 * flash attribute: a flash attribute lives in the session, which is in the database, so every save would
	 * cost two more writes (store it, then remove it), and a client that never follows the redirect would pile
	 * them up in its session.
	 */
	@GetMapping(PATH)
	String show(@PathVariable long programId, @RequestParam(defaultValue = "0") int historyPage,
			@RequestParam(name = SAVED, required = false) String saved, CurrentUser user, Model model) {
		PromoCodeSettingsState state = this.service.current(user, programId);
		model.addAttribute(SAVED, saved != null);
		model.addAttribute("history", this.service.history(state, Math.max(historyPage, 0), HistoryPages.PAGE_SIZE));
		return page(state, AdSettingsForm.of(state), user, model);
	}

	@PostMapping(PATH)
	String save(@PathVariable long programId, @ModelAttribute("form") AdSettingsForm form, BindingResult binding,
			CurrentUser user, Model model, HttpServletResponse response) {
		if (binding.hasErrors()) {
			// Only a tampered form gets here (the fields are checkboxes and a hidden number).
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			PromoCodeSettingsState state = this.service.current(user, programId);
			model.addAttribute("refusal", "adSettings.invalidForm");
			return page(state, AdSettingsForm.of(state), user, model);
		}
		try {
			this.service.change(user, programId, form.toChange());
		}
		catch (SettingsChangedMeanwhile conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", conflict.current());
			return page(conflict.current(), AdSettingsForm.of(conflict.current()), user, model);
		}
		catch (PromoCodeNotValidated | PartnerRequestsRequireTracking refused) {
			// Keep the user's ticks so they see what was refused; nothing was saved.
			response.setStatus(refused.status().value());
			model.addAttribute("refusal", refused.refusalKeyOn("adSettings"));
			return page(this.service.current(user, programId), form, user, model);
		}
		return "redirect:" + PATH.replace("{programId}", Long.toString(programId)) + "?" + SAVED;
	}

	private String page(PromoCodeSettingsState state, AdSettingsForm form, CurrentUser user, Model model) {
		if (!model.containsAttribute("history")) {
			model.addAttribute("history", this.service.history(state, 0, HistoryPages.PAGE_SIZE));
		}
		model.addAttribute("state", state);
		model.addAttribute("program", state.program());
		model.addAttribute("form", form);
		model.addAttribute("programs", this.catalog.visibleTo(user));
		model.addAttribute("csm", this.contacts.csmOf(state.program().brandId()).orElse(null));
		model.addAttribute("supportUrl", this.supportUrl);
		return "settings/ad-settings";
	}

}
