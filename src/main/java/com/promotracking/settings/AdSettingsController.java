package com.promotracking.settings;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import com.promotracking.audit.Channel;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.HistoryRow;
import com.promotracking.audit.HistoryText;
import com.promotracking.kernel.AppProperties;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.PageController;

/** Settings → General → Ad settings: the Promo code tracking section. */
@PageController
class AdSettingsController {

	static final String PATH = "/programs/{programId}/settings/ad-settings";

	static final String SAVED = "saved";

	private final ProgramSettingsService service;

	private final HistoryText historyText;

	private final String supportUrl;

	AdSettingsController(ProgramSettingsService service, HistoryText historyText, AppProperties settings) {
		this.service = service;
		this.historyText = historyText;
		this.supportUrl = settings.supportUrl().toString();
	}

	/**
	 * The page; {@code ?saved} (where a save redirects to) adds the "saved" notice. A query parameter, not a
	 * flash attribute: a flash attribute lives in the session, which is in the database, so every save would
	 * cost two more writes (store it, then remove it), and a client that never follows the redirect would pile
	 * them up in its session.
	 */
	@GetMapping(PATH)
	String show(@PathVariable long programId, @RequestParam(defaultValue = "0") int historyPage,
			@RequestParam(name = SAVED, required = false) String saved, CurrentUser user, Locale locale, Model model) {
		AdSettingsView view = this.service.view(user, programId, Math.max(historyPage, 0));
		model.addAttribute(SAVED, saved != null);
		return page(view, PromoCodeSettingsChange.of(view.state()), locale, model);
	}

	@PostMapping(PATH)
	String save(@PathVariable long programId, @ModelAttribute("form") PromoCodeSettingsChange form, BindingResult binding,
			CurrentUser user, Locale locale, Model model, HttpServletResponse response) {
		if (binding.hasErrors()) {
			// Only a tampered form gets here (the fields are checkboxes and a hidden number).
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			AdSettingsView view = this.service.view(user, programId, 0);
			model.addAttribute("refusal", "adSettings.invalidForm");
			return page(view, PromoCodeSettingsChange.of(view.state()), locale, model);
		}
		try {
			this.service.change(user, programId, form, Channel.PAGE);
		}
		catch (SettingsChangedMeanwhile conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", conflict.current());
			return page(this.service.view(conflict.current(), 0), PromoCodeSettingsChange.of(conflict.current()), locale,
					model);
		}
		catch (PromoCodeNotValidated | PartnerRequestsRequireTracking refused) {
			// Nothing was saved: the boxes show the settings as they are saved, under the message saying why.
			response.setStatus(refused.status().value());
			model.addAttribute("refusal", refused.refusalKeyOn("adSettings"));
			AdSettingsView view = this.service.view(user, programId, 0);
			return page(view, PromoCodeSettingsChange.of(view.state()), locale, model);
		}
		return "redirect:" + PATH.replace("{programId}", Long.toString(programId)) + "?" + SAVED;
	}

	private String page(AdSettingsView view, PromoCodeSettingsChange form, Locale locale, Model model) {
		model.addAttribute("state", view.state());
		model.addAttribute("program", view.state().program());
		model.addAttribute("form", form);
		model.addAttribute("history", view.history());
		model.addAttribute("historyRows", rows(view.history(), locale));
		model.addAttribute("csm", view.csm());
		model.addAttribute("supportUrl", this.supportUrl);
		return "settings/ad-settings";
	}

	private List<HistoryRow> rows(PageOf<HistoryRecord> history, Locale locale) {
		return history.items().stream().map(entry -> this.historyText.row(entry, locale)).toList();
	}

}
