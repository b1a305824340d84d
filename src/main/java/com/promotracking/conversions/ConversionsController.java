package com.promotracking.conversions;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.ConversionPages.Listing;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.PageController;
import com.promotracking.web.PageLinks;

/**
 * Engage → Conversions: the program's conversions, newest first, {@value #PAGE_SIZE} a page, filtered by a GET
 * form (so a filtered page is a link), each with why it was credited as it was. A partner sees the conversions
 * credited to them.
 */
@PageController
class ConversionsController {

	static final int PAGE_SIZE = 50;

	/** The most codes the filter suggests as it is typed in. */
	static final int CODE_SUGGESTIONS = 100;

	private static final String PATH = "/programs/{programId}/conversions";

	/** The filter form's model name, which the template's field errors read. */
	private static final String FILTERS = "filters";

	private final ConversionPages pages;

	private final MessageSource messages;

	ConversionsController(ConversionPages pages, MessageSource messages) {
		this.pages = pages;
		this.messages = messages;
	}

	@InitBinder(FILTERS)
	void days(WebDataBinder binder) {
		binder.addCustomFormatter(PageFormats.days(), LocalDate.class);
	}

	@GetMapping(PATH)
	String list(@PathVariable long programId, @Valid @ModelAttribute(FILTERS) Filters filters, BindingResult binding,
			CurrentUser user, Model model, Locale locale, HttpServletResponse response) {
		if (!binding.hasErrors() && filters.from() != null && filters.to() != null
				&& filters.from().isAfter(filters.to())) {
			binding.rejectValue("from", "pages.error.fromAfterTo");
		}
		boolean valid = !binding.hasErrors();
		int page = (valid && filters.page() != null) ? filters.page() : 0;
		// A filter that could not be read lists nothing rather than everything: the page says what to correct.
		ConversionFilter filter = valid ? filters.toFilter() : new ConversionFilter(null, null, null, null, null);
		Listing listing = this.pages.list(user, programId, filter, valid ? filters.codeText() : null, page,
				valid ? PAGE_SIZE : 0);
		if (listing.unknownCode()) {
			binding.rejectValue("code", "conversions.error.unknownCode", new Object[] { filters.codeText() }, null);
			valid = false;
		}
		if (!valid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		ProgramView program = listing.program();
		model.addAttribute("program", program);
		model.addAttribute("partnerView", user.isPartner());
		model.addAttribute("partners", user.isPartner() ? List.of()
				: listing.partnerNames().entrySet().stream().sorted(Map.Entry.comparingByValue()).toList());
		// The code is typed; a program of few codes offers them as suggestions, one of many would send them all.
		model.addAttribute("codes", (listing.codes().size() <= CODE_SUGGESTIONS) ? listing.codes() : List.of());
		model.addAttribute("codeText", (listing.chosenCode() != null) ? listing.chosenCode().code()
				: (valid || listing.unknownCode()) ? filters.codeText() : binding.getFieldValue("code"));
		model.addAttribute("attributedBy", Arrays.stream(By.values()).map(By::value).toList());
		model.addAttribute("rows", listing.conversions()
			.stream()
			.map(conversion -> row(conversion, listing, user, locale))
			.toList());
		model.addAttribute("pageNumber", page + 1);
		model.addAttribute("previousUrl", (valid && page > 0) ? filters.url(program.id(), page - 1) : null);
		model.addAttribute("nextUrl", (valid && listing.hasNext()) ? filters.url(program.id(), page + 1) : null);
		return "conversions/list";
	}

	private Row row(Conversion conversion, Listing listing, CurrentUser user, Locale locale) {
		Attribution attribution = conversion.attribution();
		Long credited = attribution.partnerId();
		// The code a partner's conversion carried is theirs to see unless it matched another partner's code.
		boolean othersCode = user.isPartner() && attribution.promoCodeId() != null
				&& !user.partnerId().equals(listing.codePartners().get(attribution.promoCodeId()));
		return new Row(conversion.id(), conversion.occurredAt(), conversion.orderId(),
				listing.eventTypeNames().getOrDefault(conversion.eventTypeId(), "#" + conversion.eventTypeId()),
				conversion.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString(), conversion.currency(),
				othersCode ? null : conversion.promoCode(),
				(credited != null) ? listing.partnerNames().get(credited) : null,
				this.messages.getMessage(
						ConversionWhy.of(conversion, listing.partnerNames(), listing.codePartners(), user.isPartner()),
						locale));
	}

	/**
	 * One line of the list, as the page shows it.
	 * Public because pages read it: SpEL compiles reads of public types only (TemplateExpressionsCompileIT).
	 */
	public record Row(long id, Instant occurredAt, String orderId, String eventType, String amount, String currency,
			String promoCode, String creditedPartner, String why) {
	}

	/**
	 * The filter form: days {@code from} and {@code to} included (in UTC, as the page shows times), the credited
	 * partner, the code that matched (by id, as links give it, or as typed in the form, which wins), what credited
	 * it, and the page (from 0).
	 */
	record Filters(LocalDate from, LocalDate to, Long partnerId, Long promoCodeId, String code,
			@Pattern(regexp = "(promo-code|click|none)?", message = "{pages.error.by}") String by,
			@PositiveOrZero(message = "{pages.error.page}") Integer page) {

		ConversionFilter toFilter() {
			return new ConversionFilter((this.from != null) ? this.from.atStartOfDay(ZoneOffset.UTC).toInstant() : null,
					(this.to != null) ? this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : null,
					this.partnerId, this.promoCodeId, (this.by != null && !this.by.isEmpty()) ? By.of(this.by) : null);
		}

		/** The code to filter by as typed, trimmed; null when none is. */
		@Nullable String codeText() {
			return (this.code != null && !this.code.isBlank()) ? this.code.strip() : null;
		}

		/** The same filters on another page; only the filters given, so the address stays short. */
		String url(long programId, int page) {
			return PageLinks.to("/programs/" + programId + "/conversions")
				.with("from", this.from)
				.with("to", this.to)
				.with("partnerId", this.partnerId)
				.with("code", codeText())
				.with("promoCodeId", (codeText() == null) ? this.promoCodeId : null)
				.with("by", this.by)
				.with("page", (page > 0) ? page : null)
				.toString();
		}

	}

}
