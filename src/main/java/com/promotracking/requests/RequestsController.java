package com.promotracking.requests;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.promotracking.audit.Channel;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.DuplicatePromoCode;
import com.promotracking.promocodes.PromoCodeTrackingDisabled;
import com.promotracking.settings.TrackingSettings;
import com.promotracking.kernel.InvalidField;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.FormErrors;
import com.promotracking.web.PageController;

/**
 * The pages of partner requests: for the brand, Engage → Requests (filter, approve, reject, complete); for
 * partners, their programs, a request form, and their own requests with the brand's answers.
 */
@PageController
class RequestsController {

	private static final String BRAND_LIST = "/programs/{programId}/promo-code-requests";

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

	@GetMapping(BRAND_LIST)
	String brandList(@PathVariable long programId, @RequestParam(defaultValue = "") String state,
			@RequestParam(required = false) Long partnerId, CurrentUser user, Model model) {
		RequestState filter = RequestState.of(state);
		model.addAttribute("requests", this.requests.forBrand(user, programId, filter, partnerId));
		model.addAttribute("stateFilter", (filter != null) ? filter.name() : "");
		model.addAttribute("partnerFilter", partnerId);
		model.addAttribute("states", RequestState.values());
		model.addAttribute("partners", this.catalog.partnersOf(brandModel(programId, user, model)));
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

	@GetMapping("/partner/requests")
	String partnerRequests(CurrentUser user, Model model) {
		List<ProgramView> programs = this.catalog.joinedBy(user);
		model.addAttribute("joinedPrograms", programs);
		model.addAttribute("requestsAllowed", programs.stream()
			.filter(program -> this.settings.partnerRequestsAllowed(program.id()))
			.map(ProgramView::id)
			.toList());
		model.addAttribute("requests", this.requests.allOwn(user));
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
		return "redirect:/partner/requests";
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

}
