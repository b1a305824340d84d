package com.promotracking.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.promotracking.console.ConsoleService.Confirmation;
import com.promotracking.console.ConsoleService.ConsolePage;
import com.promotracking.settings.BulkSettingsService.Target;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.PageController;

/**
 * The console ({@code /console}, in the profile menu): the programs a brand admin or CSM manages, filtered by a GET
 * form (so a view is a link to bookmark or share), {@value ConsoleService#PAGE_SIZE} a page; rows selected (or every
 * row of the filter) have tracking switched on or off after a confirmation that says what will change and what will
 * be skipped, and a result page, one line per program.
 */
@PageController
class ConsoleController {

	static final String PATH = "/console";

	private static final String CONFIRMATION = PATH + "/promo-code-tracking/confirmation";

	private static final String CHANGE = PATH + "/promo-code-tracking";

	private static final String RESULT = PATH + "/promo-code-tracking/result";

	private static final String FILTERS = "filters";

	private final ConsoleService console;

	ConsoleController(ConsoleService console) {
		this.console = console;
	}

	@GetMapping(PATH)
	String list(@Valid @ModelAttribute(FILTERS) ConsoleFilters filters, BindingResult binding, CurrentUser user, Model model,
			HttpServletResponse response) {
		model.addAttribute("brands", this.console.brands(user));
		model.addAttribute("states", ConsoleState.values());
		if (binding.hasErrors()) {
			// A filter that could not be read lists nothing rather than everything: the page says what to correct.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("listing", null);
			return "console/list";
		}
		ConsolePage listing = this.console.list(user, filters.query(ConsoleService.PAGE_SIZE));
		model.addAttribute("listing", listing);
		model.addAttribute("previousUrl", (listing.page() > 0) ? filters.url(listing.page() - 1, filters.sort()) : null);
		model.addAttribute("nextUrl", listing.hasNext() ? filters.url(listing.page() + 1, filters.sort()) : null);
		return "console/list";
	}

	/** The selection, or every row of the filter, and what switching tracking would do to it: nothing changes yet. */
	@PostMapping(CONFIRMATION)
	String confirm(@Valid @ModelAttribute("selection") Selection selection, BindingResult binding, CurrentUser user,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("message", "console.bulk.invalid");
			return "redirect:" + PATH;
		}
		List<Long> ids = Boolean.TRUE.equals(selection.everyRow())
				? this.console.allMatching(user, selection.filters().query(ConsoleService.MAX_BULK))
				: selection.ids();
		if (ids.isEmpty()) {
			redirect.addFlashAttribute("message", "console.bulk.noneSelected");
			return "redirect:" + selection.filters().url(0, selection.sort());
		}
		if (ids.size() > ConsoleService.MAX_BULK) {
			redirect.addFlashAttribute("message", "console.bulk.tooMany");
			redirect.addFlashAttribute("messageArgument", ConsoleService.MAX_BULK);
			return "redirect:" + selection.filters().url(0, selection.sort());
		}
		boolean on = selection.enable();
		Confirmation confirmation = this.console.confirm(user, ids, on);
		model.addAttribute("confirmation", confirmation);
		model.addAttribute("enable", on);
		model.addAttribute("partnerRequests", on && Boolean.TRUE.equals(selection.partnerRequests()));
		model.addAttribute("backUrl", selection.filters().url(0, selection.sort()));
		return "console/confirm";
	}

	@PostMapping(CHANGE)
	String change(@Valid @ModelAttribute("change") Change change, BindingResult binding, CurrentUser user,
			RedirectAttributes redirect) {
		if (binding.hasErrors() || change.ids().size() != change.versions().size()) {
			redirect.addFlashAttribute("message", "console.bulk.invalid");
			return "redirect:" + PATH;
		}
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < change.ids().size(); i++) {
			targets.add(new Target(change.ids().get(i), change.versions().get(i)));
		}
		boolean on = change.enable();
		redirect.addFlashAttribute("results", this.console.apply(user, targets, change.skippedIds(), on,
				(on && Boolean.TRUE.equals(change.partnerRequests())) ? Boolean.TRUE : null));
		redirect.addFlashAttribute("enable", on);
		return "redirect:" + RESULT;
	}

	/** The result of the change just made; after it (a reload, a bookmark), the console itself. */
	@GetMapping(RESULT)
	String result(Model model, CurrentUser user) {
		if (!model.containsAttribute("results")) {
			this.console.brands(user);
			return "redirect:" + PATH;
		}
		return "console/result";
	}

	/**
	 * The rows ticked ({@code ids}), or {@code everyRow} of the filter the page showed; {@code enable} switches
	 * tracking on (with partner requests too, if ticked) or off.
	 */
	record Selection(@Nullable List<Long> ids, @Nullable Boolean everyRow, @Nullable Long brandId,
			@Pattern(regexp = ConsoleFilters.STATES) @Nullable String state, @Size(max = 200) @Nullable String q,
			@Pattern(regexp = ConsoleFilters.SORTS) @Nullable String sort, @NotNull Boolean enable,
			@Nullable Boolean partnerRequests) {

		Selection {
			ids = (ids != null) ? ids.stream().filter(Objects::nonNull).distinct().toList() : List.of();
		}

		ConsoleFilters filters() {
			return new ConsoleFilters(this.brandId, this.state, this.q, this.sort, null);
		}

	}

	/** The confirmed change: the programs to change at the versions the confirmation showed, and those skipped. */
	record Change(@Size(max = ConsoleService.MAX_BULK) @Nullable List<@NotNull Long> ids,
			@Size(max = ConsoleService.MAX_BULK) @Nullable List<@NotNull Long> versions,
			@Size(max = ConsoleService.MAX_BULK) @Nullable List<@NotNull Long> skippedIds, @NotNull Boolean enable,
			@Nullable Boolean partnerRequests) {

		Change {
			ids = (ids != null) ? ids : List.of();
			versions = (versions != null) ? versions : List.of();
			skippedIds = (skippedIds != null) ? skippedIds : List.of();
		}

	}

}
