package com.promotracking.requests;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.promotracking.audit.Channel;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.DuplicatePromoCode;
import com.promotracking.promocodes.PromoCodeTrackingDisabled;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.FormErrors;
import com.promotracking.web.PageController;
import com.promotracking.web.PageLinks;

/**
 * The pages of partner requests: for the brand, Engage → Requests (filter, approve, reject, complete); for
 * partners, their programs, a request form, and their own requests with the brand's answers.
 */
@PageController
class RequestsController {

	private static final String BRAND_LIST = "/programs/{programId}/promo-code-requests";

	private static final String PARTNER_LIST = "/partner/requests";

	/** Requests a page shows, on the brand's list and on the partner's. */
	static final int PAGE_SIZE = 50;

	/** The brand list's filter form model name, which its errors read (and typeMismatch.filters.* name). */
	private static final String FILTERS = "filters";

	/** The partner list's page number, which its error message reads (and typeMismatch.paging.page names). */
	private static final String PAGING = "paging";

	/** The forms' model names, which their templates' error messages read. */
	private static final String DECISION = "decideRequest";

	private static final String NEW_REQUEST = "newRequest";

	private final PromoCodeRequestService requests;

	private final ProgramCatalog catalog;

	private final TrackingSettings settings;

	RequestsController(PromoCodeRequestService requests, ProgramCatalog catalog, TrackingSettings settings) {
		this.requests = requests;
		this.catalog = catalog;
		this.settings = settings;
	}

	// Brand side

	/**
	 * A page of the program's requests, filtered by a GET form (so a filtered page is a link). A filter or page number
	 * that could not be read answers 400 with the reason on the page and lists nothing, as the promo codes page does.
	 */
	@GetMapping(BRAND_LIST)
	String brandList(@PathVariable long programId, @Valid @ModelAttribute(FILTERS) Filters filters,
			BindingResult binding, CurrentUser user, Model model, HttpServletResponse response) {
		boolean valid = !binding.hasErrors();
		if (!valid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		RequestState state = filters.toState();
		int page = (valid && filters.page() != null) ? filters.page() : 0;
		PageOf<RequestView> requests = valid
				? this.requests.forBrand(user, programId, state, filters.partnerId(), page, PAGE_SIZE)
				: PageOf.empty(PAGE_SIZE);
		ProgramView program = brandModel(programId, user, model);
		model.addAttribute("requests", requests.items());
		model.addAttribute("listed", valid);
		model.addAttribute("stateFilter", (state != null) ? state.name() : "");
		model.addAttribute("partnerFilter", filters.partnerId());
		model.addAttribute("states", RequestState.values());
		model.addAttribute("partners", this.catalog.partnersOf(program));
		PageLinks.addPager(model, requests, other -> filters.url(program.id(), other));
		return "requests/brand-list";
	}

	@GetMapping(BRAND_LIST + "/{requestId}")
	String brandRequest(@PathVariable long programId, @PathVariable long requestId, CurrentUser user, Model model) {
		return brandRequestPage(programId, this.requests.get(user, programId, requestId), user, model);
	}

	@PostMapping(BRAND_LIST + "/{requestId}/decision")
	String decide(@PathVariable long programId, @PathVariable long requestId,
			@Valid @ModelAttribute(DECISION) DecideRequest form, BindingResult binding, CurrentUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(programId, requestId, null, HttpStatus.BAD_REQUEST, user, model, response);
		}
		try {
			RequestView decided = this.requests.decide(user, programId, requestId, form.approves(),
					form.approvedCode(), form.comment(), Channel.PAGE);
			redirect.addFlashAttribute("message",
					(decided.state() == RequestState.APPROVED) ? "request.approved" : "request.rejected");
			redirect.addFlashAttribute("messageArgument", decided.approvedCode());
		}
		catch (InvalidField invalid) {
			FormErrors.reject(binding, invalid);
			return refused(programId, requestId, null, HttpStatus.BAD_REQUEST, user, model, response);
		}
		catch (RequestAlreadyDecided | DuplicatePromoCode | PromoCodeTrackingDisabled refused) {
			return refused(programId, requestId, refused.refusalKeyOn("request"), refused.status(), user, model, response);
		}
		return "redirect:/programs/" + programId + "/promo-code-requests/" + requestId;
	}

	@PostMapping(BRAND_LIST + "/{requestId}/completion")
	String complete(@PathVariable long programId, @PathVariable long requestId, CurrentUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.requests.complete(user, programId, requestId, Channel.PAGE);
		}
		catch (RequestNotDecided refused) {
			return refused(programId, requestId, refused.refusalKeyOn("request"), refused.status(), user, model, response);
		}
		redirect.addFlashAttribute("message", "request.completed");
		return "redirect:/programs/" + programId + "/promo-code-requests/" + requestId;
	}

	// Partner side

	/**
	 * The partner's programs and a page of their own requests, newest first. A page number that could not be read
	 * answers 400 with the reason on the page and lists no request.
	 */
	@GetMapping(PARTNER_LIST)
	String partnerRequests(@Valid @ModelAttribute(PAGING) Paging paging, BindingResult binding, CurrentUser user,
			Model model, HttpServletResponse response) {
		boolean valid = !binding.hasErrors();
		if (!valid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		int page = (valid && paging.page() != null) ? paging.page() : 0;
		PageOf<RequestView> requests = valid ? this.requests.allOwn(user, page, PAGE_SIZE) : PageOf.empty(PAGE_SIZE);
		List<ProgramView> programs = this.catalog.joinedBy(user);
		model.addAttribute("joinedPrograms", programs);
		model.addAttribute("requestsAllowed", programs.stream()
			.filter(program -> this.settings.partnerRequestsAllowed(program.id()))
			.map(ProgramView::id)
			.toList());
		model.addAttribute("requests", requests.items());
		model.addAttribute("listed", valid);
		PageLinks.addPager(model, requests, Paging::url);
		return "requests/partner-list";
	}

	@GetMapping("/partner/programs/{programId}/promo-code-requests/new")
	String requestForm(@PathVariable long programId, CurrentUser user, Model model) {
		model.addAttribute(NEW_REQUEST, NewRequest.blank());
		return partnerForm(programId, user, model, null);
	}

	@PostMapping("/partner/programs/{programId}/promo-code-requests")
	String submit(@PathVariable long programId, @Valid @ModelAttribute(NEW_REQUEST) NewRequest form,
			BindingResult binding, CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return partnerForm(programId, user, model, null);
		}
		try {
			this.requests.submit(user, programId, form, Channel.PAGE);
		}
		catch (InvalidField invalid) {
			FormErrors.reject(binding, invalid);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return partnerForm(programId, user, model, null);
		}
		catch (PartnerRequestsDisabled refused) {
			response.setStatus(refused.status().value());
			return partnerForm(programId, user, model, refused.refusalKeyOn("request"));
		}
		redirect.addFlashAttribute("message", "request.submitted");
		return "redirect:" + PARTNER_LIST;
	}

	/** The request form with a refusal ({@code error}) or the form's field errors (null). */
	private String partnerForm(long programId, CurrentUser user, Model model, String error) {
		model.addAttribute("program", this.catalog.requireJoined(user, programId));
		model.addAttribute("allowed", this.settings.partnerRequestsAllowed(programId));
		model.addAttribute("error", error);
		return "requests/partner-form";
	}

	/** The request's page again with a refusal ({@code messageKey}) or the decision form's errors (null). */
	private String refused(long programId, long requestId, String messageKey, HttpStatus status, CurrentUser user,
			Model model, HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("error", messageKey);
		return brandRequestPage(programId, this.requests.get(user, programId, requestId), user, model);
	}

	private String brandRequestPage(long programId, RequestView request, CurrentUser user, Model model) {
		brandModel(programId, user, model);
		model.addAttribute("request", request);
		model.addAttribute("trackingEnabled", this.settings.trackingEnabled(programId));
		return "requests/brand-request";
	}

	private ProgramView brandModel(long programId, CurrentUser user, Model model) {
		ProgramView program = this.catalog.require(user, programId);
		model.addAttribute("program", program);
		return program;
	}

	/**
	 * The brand list's filters as the form and its links send them: the state (an unknown one lists every state, as
	 * before), the partner and the page (from 0).
	 */
	record Filters(String state, Long partnerId, @PositiveOrZero(message = "{pages.error.page}") Integer page) {

		@Nullable RequestState toState() {
			return RequestState.of(this.state);
		}

		/** The same filters on another page; only the filters given, so the address stays short. */
		String url(long programId, int page) {
			RequestState chosen = toState();
			return PageLinks.to("/programs/" + programId + "/promo-code-requests")
				.with("state", (chosen != null) ? chosen.value() : null)
				.with("partnerId", this.partnerId)
				.with("page", (page > 0) ? page : null)
				.toString();
		}

	}

	/** The partner list's page number (from 0), as its links send it. */
	record Paging(@PositiveOrZero(message = "{pages.error.page}") Integer page) {

		/** Another page of the list; the first without a number, so its address is the list's own. */
		static String url(int page) {
			return PageLinks.to(PARTNER_LIST).with("page", (page > 0) ? page : null).toString();
		}

	}

}
