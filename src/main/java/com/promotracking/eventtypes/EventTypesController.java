package com.promotracking.eventtypes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.promotracking.audit.Channel;
import com.promotracking.eventtypes.EventTypeService.EventTypeDetails;
import com.promotracking.eventtypes.EventTypeService.Reviewed;
import com.promotracking.kernel.PageOf;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.PageController;
import com.promotracking.web.PageLinks;

/**
 * Settings → Tracking → Event types: create event types, see their test actions, review them. Approving a
 * test action that carried a promo code is what lets the brand enable promo code tracking.
 */
@PageController
class EventTypesController {

	private static final String LIST = "/programs/{programId}/event-types";

	private static final String EVENT_TYPE = LIST + "/{eventTypeId}";

	private static final String TEST_ACTION = "/programs/{programId}/test-actions/{testActionId}";

	/** The forms' model names, which their templates' error messages read. */
	private static final String NEW_EVENT_TYPE = "newEventType";

	private static final String REVIEW = "review";

	private static final String WITHDRAWAL = "withdrawal";

	/** The event type page's page number, which its error message reads (and typeMismatch.paging.page names). */
	private static final String PAGING = "paging";

	/** Test actions the event type page shows at a time. */
	static final int PAGE_SIZE = 50;

	private final ProgramCatalog catalog;

	private final EventTypeService service;

	private final PromoCodeValidations validations;

	private final MessageSource messages;

	EventTypesController(ProgramCatalog catalog, EventTypeService service, PromoCodeValidations validations,
			MessageSource messages) {
		this.catalog = catalog;
		this.service = service;
		this.validations = validations;
		this.messages = messages;
	}

	@GetMapping(LIST)
	String eventTypes(@PathVariable long programId, CurrentUser user, Model model) {
		model.addAttribute(NEW_EVENT_TYPE, NewEventType.blank());
		return listPage(programId, user, model);
	}

	@PostMapping(LIST)
	String create(@PathVariable long programId, @Valid @ModelAttribute(NEW_EVENT_TYPE) NewEventType form,
			BindingResult binding, CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				EventTypeSummary created = this.service.create(user, programId, form, Channel.PAGE);
				redirect.addFlashAttribute("message", "eventTypes.created");
				return "redirect:/programs/" + programId + "/event-types/" + created.id();
			}
			catch (DuplicateEventType duplicate) {
				binding.rejectValue("name", "eventTypes.create.duplicate");
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return listPage(programId, user, model);
	}

	/**
	 * The event type and a page of its test actions, newest first, with links to the pages around it. A page number
	 * that could not be read answers 400 with the reason on the page and lists nothing, as the promo codes page does.
	 */
	@GetMapping(EVENT_TYPE)
	String eventType(@PathVariable long programId, @PathVariable long eventTypeId,
			@Valid @ModelAttribute(PAGING) Paging paging, BindingResult binding, CurrentUser user, Model model,
			HttpServletResponse response) {
		boolean valid = !binding.hasErrors();
		int page = (valid && paging.page() != null) ? paging.page() : 0;
		EventTypeSummary eventType;
		PageOf<TestActionView> testActions;
		if (valid) {
			EventTypeDetails details = this.service.details(user, programId, eventTypeId, page, PAGE_SIZE);
			eventType = details.eventType();
			testActions = details.testActions();
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			eventType = this.service.eventType(user, programId, eventTypeId);
			testActions = PageOf.empty(PAGE_SIZE);
		}
		programModel(programId, user, model);
		model.addAttribute("eventType", eventType);
		model.addAttribute("testActions", testActions.items());
		model.addAttribute("listed", valid);
		PageLinks.addPager(model, testActions, other -> Paging.url(programId, eventTypeId, other));
		model.addAttribute("testExample", testExample(programId, eventTypeId));
		return "eventtypes/event-type";
	}

	@PostMapping(EVENT_TYPE + "/deletion")
	String deleteEventType(@PathVariable long programId, @PathVariable long eventTypeId, CurrentUser user,
			RedirectAttributes redirect) {
		this.service.deleteEventType(user, programId, eventTypeId, Channel.PAGE);
		redirect.addFlashAttribute("message", "eventTypes.deleted");
		return "redirect:/programs/" + programId + "/event-types";
	}

	@GetMapping(TEST_ACTION)
	String testAction(@PathVariable long programId, @PathVariable long testActionId, CurrentUser user, Model model) {
		return testActionPage(programId, this.service.testAction(user, programId, testActionId), user, model);
	}

	@PostMapping(TEST_ACTION + "/review")
	String review(@PathVariable long programId, @PathVariable long testActionId,
			@Valid @ModelAttribute(REVIEW) ReviewTestAction form, BindingResult binding, CurrentUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(programId, testActionId, null, HttpStatus.BAD_REQUEST, user, model, response);
		}
		try {
			Reviewed reviewed = this.service.review(user, programId, testActionId, form.chosenDecision(),
					form.comment(), Channel.PAGE);
			redirect.addFlashAttribute("message", outcomeMessage(reviewed));
		}
		catch (AlreadyReviewed refused) {
			return refused(programId, testActionId, refused.refusalKeyOn("testAction"), refused.status(), user, model, response);
		}
		return "redirect:/programs/" + programId + "/test-actions/" + testActionId;
	}

	@PostMapping(TEST_ACTION + "/withdrawal")
	String withdraw(@PathVariable long programId, @PathVariable long testActionId,
			@Valid @ModelAttribute(WITHDRAWAL) WithdrawApproval form, BindingResult binding, CurrentUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(programId, testActionId, null, HttpStatus.BAD_REQUEST, user, model, response);
		}
		try {
			this.service.withdraw(user, programId, testActionId, form.comment().strip(), Channel.PAGE);
		}
		catch (NotApproved refused) {
			return refused(programId, testActionId, refused.refusalKeyOn("testAction"), refused.status(), user, model, response);
		}
		redirect.addFlashAttribute("message", "testAction.withdrawn");
		return "redirect:/programs/" + programId + "/test-actions/" + testActionId;
	}

	@PostMapping(TEST_ACTION + "/deletion")
	String deleteTestAction(@PathVariable long programId, @PathVariable long testActionId, CurrentUser user,
			RedirectAttributes redirect) {
		long eventTypeId = this.service.deleteTestAction(user, programId, testActionId, Channel.PAGE);
		redirect.addFlashAttribute("message", "testAction.deleted");
		return "redirect:/programs/" + programId + "/event-types/" + eventTypeId;
	}

	/** Says plainly what an approval did to the promo code's validation. */
	private static String outcomeMessage(Reviewed reviewed) {
		if (reviewed.action().reviewState() == ReviewState.REJECTED) {
			return "testAction.rejected";
		}
		if (reviewed.action().carriesPromoCode()) {
			return "testAction.approvedWithPromoCode";
		}
		return reviewed.promoCodeValidated() ? "testAction.approvedWithoutPromoCodeAlreadyValidated"
				: "testAction.approvedWithoutPromoCode";
	}

	/** The test action's page again with a refusal ({@code messageKey}) or the form's field errors (null). */
	private String refused(long programId, long testActionId, String messageKey, HttpStatus status, CurrentUser user,
			Model model, HttpServletResponse response) {
		response.setStatus(status.value());
		if (messageKey != null) {
			model.addAttribute("error", messageKey);
		}
		return testActionPage(programId, this.service.testAction(user, programId, testActionId), user, model);
	}

	private String listPage(long programId, CurrentUser user, Model model) {
		programModel(programId, user, model);
		model.addAttribute("eventTypes", this.service.list(user, programId));
		model.addAttribute("kinds", EventTypeKind.values());
		return "eventtypes/list";
	}

	private String testActionPage(long programId, TestActionView action, CurrentUser user, Model model) {
		programModel(programId, user, model);
		model.addAttribute("action", action);
		return "eventtypes/test-action";
	}

	private void programModel(long programId, CurrentUser user, Model model) {
		ProgramView program = this.catalog.require(user, programId);
		model.addAttribute("program", program);
		model.addAttribute("validation", this.validations.of(programId).orElse(null));
	}

	/** A ready-to-copy test conversion carrying a promo code, for this server and this event type. */
	private String testExample(long programId, long eventTypeId) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/programs/{p}/event-types/{e}/test-actions")
			.buildAndExpand(programId, eventTypeId)
			.toUriString();
		String login = this.messages.getMessage("eventType.sendTest.loginPlaceholder", null,
				LocaleContextHolder.getLocale());
		return "curl -u " + login + " -H 'Content-Type: application/json' -X POST \\\n"
				+ "  -d '{\"orderId\": \"TEST-1001\", \"amount\": 49.90, \"currency\": \"EUR\", \"promoCode\": \"WELCOME10\"}' \\\n"
				+ "  " + url;
	}

	/** The event type page's page number (from 0), as its links send it. */
	record Paging(@PositiveOrZero(message = "{pages.error.page}") Integer page) {

		/** Another page of the event type; the first without a number, so its address is the event type's own. */
		static String url(long programId, long eventTypeId, int page) {
			return PageLinks.to("/programs/" + programId + "/event-types/" + eventTypeId)
				.with("page", (page > 0) ? page : null)
				.toString();
		}

	}

}
