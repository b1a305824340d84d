package com.promotracking.promocodes;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.promotracking.audit.Channel;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.kernel.InvalidField;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.FormErrors;
import com.promotracking.web.PageController;

/** Engage → Promo codes: list, filter, create and deactivate a program's tracking promo codes. */
@PageController
class PromoCodesController {

	private static final String LIST = "/programs/{programId}/promo-codes";

	/** The create form's model name, which the template's field errors read. */
	private static final String FORM = "form";

	private final PromoCodeService codes;

	private final ProgramCatalog catalog;

	PromoCodesController(PromoCodeService codes, ProgramCatalog catalog) {
		this.codes = codes;
		this.catalog = catalog;
	}

	/**
	 * A custom editor, not a conversion service formatter: Spring's own ZoneId editor would otherwise answer for
	 * an unknown zone with its generic message instead of the reason the API gives.
	 */
	@InitBinder(FORM)
	void timeZones(WebDataBinder binder) {
		binder.addCustomFormatter(PromoCodeFormatting.timeZones(), ZoneId.class);
	}

	@GetMapping(LIST)
	String list(@PathVariable long programId, @RequestParam(required = false) Long partnerId,
			@RequestParam(defaultValue = "") String state, CurrentUser user, Model model) {
		model.addAttribute(FORM, PromoCodeForm.empty());
		return page(programId, partnerId, state, user, model);
	}

	@PostMapping(LIST)
	String create(@PathVariable long programId, @ModelAttribute(FORM) PromoCodeForm form, BindingResult binding,
			CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (binding.hasErrors()) {
			// A date or time zone that could not be read: its field says why.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(programId, null, "", user, model);
		}
		try {
			PromoCodeView created = this.codes.create(user, programId, form.toCommand(), Channel.PAGE);
			redirect.addFlashAttribute("message", "promoCodes.created");
			redirect.addFlashAttribute("messageArgument", created.code());
			return "redirect:/programs/" + programId + "/promo-codes";
		}
		catch (InvalidField invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			FormErrors.reject(binding, invalid);
		}
		catch (PromoCodeTrackingDisabled | DuplicatePromoCode refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("error", refused.refusalKeyOn("promoCodes"));
		}
		return page(programId, null, "", user, model);
	}

	@PostMapping(LIST + "/{codeId}/deactivation")
	String deactivate(@PathVariable long programId, @PathVariable long codeId, CurrentUser user,
			RedirectAttributes redirect) {
		try {
			PromoCodeView code = this.codes.deactivate(user, programId, codeId, Channel.PAGE);
			redirect.addFlashAttribute("message", "promoCodes.deactivated");
			redirect.addFlashAttribute("messageArgument", code.code());
		}
		catch (AlreadyDeactivated already) {
			redirect.addFlashAttribute("message", "promoCodes.alreadyDeactivated");
		}
		return "redirect:/programs/" + programId + "/promo-codes";
	}

	private String page(long programId, Long partnerId, String state, CurrentUser user, Model model) {
		PromoCodeState filter = PromoCodeState.of(state);
		ProgramView program = this.catalog.require(user, programId);
		model.addAttribute("program", program);
		model.addAttribute("partners", this.catalog.partnersOf(program));
		model.addAttribute("codes", this.codes.list(user, programId, partnerId, filter));
		model.addAttribute("partnerFilter", partnerId);
		model.addAttribute("stateFilter", (filter != null) ? filter.name() : "");
		model.addAttribute("states", PromoCodeState.values());
		model.addAttribute("creditPolicies", CreditPolicy.values());
		model.addAttribute("matchTypes", MatchType.values());
		return "promocodes/list";
	}

	/** The create form as posted; unknown choices fall back to the defaults the API uses. */
	record PromoCodeForm(Long partnerId, String code, Moment startsAt, Moment endsAt, ZoneId timeZone,
			String creditPolicy, String matchType) {

		static PromoCodeForm empty() {
			return new PromoCodeForm(null, "", null, null, ZoneId.of("UTC"), CreditPolicy.ALWAYS.value(),
					MatchType.EXACT.value());
		}

		NewPromoCode toCommand() {
			return new NewPromoCode(this.partnerId, this.code, this.startsAt, this.endsAt, this.timeZone,
					CreditPolicy.of(this.creditPolicy), MatchType.of(this.matchType));
		}

	}

}
