package com.promotracking.conversions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import com.promotracking.conversions.PromoCodeReport.Report;
import com.promotracking.kernel.InvalidField;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.FormErrors;
import com.promotracking.web.PageController;

/**
 * Reports → Promo code performance: per code and per partner, the conversions credited and their revenue, a
 * daily chart drawn on the server, and the table as CSV. Whole days of the time zone asked for, both included;
 * by default the last {@value PromoCodeReport#DEFAULT_DAYS} days in UTC. A partner sees their own codes.
 */
@PageController
class PromoCodeReportController {

	private static final String PATH = "/programs/{programId}/reports/promo-codes";

	/** The form's model name, which the template's field errors read. */
	private static final String FORM = "report";

	/** The chart draws a bar a day: a longer range is better read in the CSV or through the API. */
	static final int MAX_DAYS = 366;

	private final PromoCodeReport reports;

	private final ConversionService conversions;

	private final MessageSource messages;

	PromoCodeReportController(PromoCodeReport reports, ConversionService conversions, MessageSource messages) {
		this.reports = reports;
		this.conversions = conversions;
		this.messages = messages;
	}

	@InitBinder(FORM)
	void formats(WebDataBinder binder) {
		binder.addCustomFormatter(PageFormats.days(), LocalDate.class);
		binder.addCustomFormatter(PageFormats.timeZones(), ZoneId.class);
	}

	@GetMapping(PATH)
	String page(@PathVariable long programId, @ModelAttribute(FORM) ReportForm form, BindingResult binding,
			CurrentUser user, Model model, HttpServletResponse response) {
		Report report = read(programId, form, binding, user);
		ProgramView program = this.conversions.access(user, programId);
		model.addAttribute("program", program);
		model.addAttribute("partnerView", user.isPartner());
		if (report == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("shown", new Shown(typed(binding, "from"), typed(binding, "to"),
					typed(binding, "timeZone")));
			return "conversions/report";
		}
		model.addAttribute("shown",
				new Shown(report.from().toString(), report.to().toString(), report.timeZone().getId()));
		model.addAttribute("rows", report.rows());
		model.addAttribute("partnerSummaries", PartnerSummary.of(report.rows()));
		model.addAttribute("chart", DailyChart
			.of(this.reports.daily(user, programId, report.from(), report.to(), report.timeZone())));
		return "conversions/report";
	}

	/**
	 * The table as a CSV file. A value the form cannot take sends the browser to the page with the same values,
	 * which says what to correct (a download has no page to show it on).
	 */
	@GetMapping(PATH + ".csv")
	ResponseEntity<byte[]> csv(@PathVariable long programId, @ModelAttribute(FORM) ReportForm form,
			BindingResult binding, CurrentUser user, Locale locale, HttpServletRequest request) {
		Report report = read(programId, form, binding, user);
		if (report == null) {
			String query = request.getQueryString();
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(URI.create(request.getContextPath() + "/programs/" + programId + "/reports/promo-codes"
						+ ((query != null) ? "?" + query : "")))
				.build();
		}
		String fileName = "promo-code-performance-" + programId + "-" + report.from() + "-" + report.to() + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(ReportCsv.of(report.rows(), this.messages, locale));
	}

	/** The report the form asks for, or null when a field is refused (the binding then says which and why). */
	private Report read(long programId, ReportForm form, BindingResult binding, CurrentUser user) {
		checkRange(form, binding);
		if (binding.hasErrors()) {
			return null;
		}
		try {
			return this.reports.report(user, programId, form.from(), form.to(), form.zone());
		}
		catch (InvalidField invalid) {
			FormErrors.reject(binding, invalid);
			return null;
		}
	}

	/** The range's own rules, on the fields the user typed, before anything is read. */
	private static void checkRange(ReportForm form, BindingResult binding) {
		if (binding.hasErrors() || form.from() == null || form.to() == null) {
			return;
		}
		if (form.from().isAfter(form.to())) {
			binding.rejectValue("from", "pages.error.fromAfterTo");
		}
		else if (ChronoUnit.DAYS.between(form.from(), form.to()) >= MAX_DAYS) {
			binding.rejectValue("to", "reports.error.tooLong", new Object[] { MAX_DAYS }, null);
		}
	}

	/** What a field shows: what was typed, readable or not. */
	private static String typed(BindingResult binding, String field) {
		Object value = binding.getFieldValue(field);
		return (value != null) ? value.toString() : "";
	}

	/** The form: days included, in {@code timeZone} (IANA, UTC when blank). */
	record ReportForm(LocalDate from, LocalDate to, ZoneId timeZone) {

		ZoneId zone() {
			return (this.timeZone != null) ? this.timeZone : ZoneId.of("UTC");
		}

	}

	/**
	 * The form's fields as the page shows them.
	 * Public because pages read it: SpEL compiles reads of public types only (TemplateExpressionsCompileIT).
	 */
	public record Shown(String from, String to, String timeZone) {
	}

}
