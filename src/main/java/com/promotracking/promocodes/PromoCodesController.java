package com.promotracking.promocodes;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.promotracking.audit.Channel;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.FormErrors;
import com.promotracking.web.PageController;
import com.promotracking.web.PageLinks;

/**
 * Engage → Promo codes: list ({@value #PAGE_SIZE} a page, newest first), filter, create and deactivate a program's
 * tracking promo codes.
 */
@PageController
class PromoCodesController {

	private static final String LIST = "/programs/{programId}/promo-codes";

	/** Codes a page shows. */
	static final int PAGE_SIZE = 50;

	/** The create form's model name, which the template's field errors read. */
	private static final String FORM = "form";

	/** The filter form's model name, which the template's field errors read (and typeMismatch.filters.* name). */
	private static final String FILTERS = "filters";

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

	/**
	 * A page of the codes, filtered by a GET form (so a filtered page is a link). A filter or page number that could
	 * not be read answers 400 with the reason on the page and lists nothing, as the conversions page does.
	 */
	@GetMapping(LIST)
	String list(@PathVariable long programId, @Valid @ModelAttribute(FILTERS) Filters filters, BindingResult binding,
			CurrentUser user, Model model, HttpServletResponse response) {
		model.addAttribute(FORM, PromoCodeForm.empty());
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return page(programId, filters, !binding.hasErrors(), user, model);
	}

	@PostMapping(LIST)
	String create(@PathVariable long programId, @ModelAttribute(FORM) PromoCodeForm form, BindingResult binding,
			CurrentUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (binding.hasErrors()) {
			// A date or time zone that could not be read: its field says why.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(programId, Filters.NONE, true, user, model);
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
		return page(programId, Filters.NONE, true, user, model);
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

	private String page(long programId, Filters filters, boolean valid, CurrentUser user, Model model) {
		ProgramView program = this.catalog.require(user, programId);
		PromoCodeState state = filters.toState();
		int page = (valid && filters.page() != null) ? filters.page() : 0;
		PageOf<PromoCodeView> codes = valid
				? this.codes.list(user, programId, filters.partnerId(), state, page, PAGE_SIZE)
				: PageOf.empty(PAGE_SIZE);
		if (!model.containsAttribute(FILTERS)) {
			// A form posted to the list shows it unfiltered; a GET has its bound filters (with their errors) there.
			model.addAttribute(FILTERS, filters);
		}
		model.addAttribute("program", program);
		model.addAttribute("partners", this.catalog.partnersOf(program));
		model.addAttribute("codes", codes.items());
		model.addAttribute("listed", valid);
		model.addAttribute("partnerFilter", filters.partnerId());
		model.addAttribute("stateFilter", (state != null) ? state.name() : "");
		model.addAttribute("states", PromoCodeState.values());
		model.addAttribute("creditPolicies", CreditPolicy.values());
		model.addAttribute("matchTypes", MatchType.values());
		PageLinks.addPager(model, codes, other -> filters.url(program.id(), other));
		return "promocodes/list";
	}

	/**
	 * The list's filters as the form and its links send them: the partner, the state (an unknown one lists every
	 * state, as before) and the page (from 0).
	 */
	record Filters(Long partnerId, String state, @PositiveOrZero(message = "{pages.error.page}") Integer page) {

		static final Filters NONE = new Filters(null, null, null);

		@Nullable PromoCodeState toState() {
			return PromoCodeState.of(this.state);
		}

		/** The same filters on another page; only the filters given, so the address stays short. */
		String url(long programId, int page) {
			PromoCodeState chosen = toState();
			return PageLinks.to("/programs/" + programId + "/promo-codes")
				.with("partnerId", this.partnerId)
				.with("state", (chosen != null) ? chosen.value() : null)
				.with("page", (page > 0) ? page : null)
				.toString();
		}

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
