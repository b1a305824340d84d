package com.promotracking.promocodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.promotracking.audit.Channel;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.PromoCodeImportService.ImportPage;
import com.promotracking.promocodes.PromoCodeImportService.ImportView;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.PageController;

/**
 * Engage → Promo codes → Import from CSV: the upload, the preview with every row's reasons, the errors as a file,
 * and Accept &amp; create; and the list's codes as a file. Post, redirect, get: a refused file or acceptance comes
 * back as a flash message on the page it was sent from.
 */
@PageController
class PromoCodeImportsController {

	private static final String LIST = "/programs/{programId}/promo-codes";

	private static final String IMPORTS = "/programs/{programId}/promo-code-imports";

	/** Rows a preview page shows. */
	static final int PAGE_SIZE = 100;

	private final PromoCodeImportService imports;

	private final PromoCodeService codes;

	private final ProgramCatalog catalog;

	private final MessageSource messages;

	PromoCodeImportsController(PromoCodeImportService imports, PromoCodeService codes, ProgramCatalog catalog,
			MessageSource messages) {
		this.imports = imports;
		this.codes = codes;
		this.catalog = catalog;
		this.messages = messages;
	}

	@PostMapping(IMPORTS)
	String upload(@PathVariable long programId, @RequestPart(name = "file", required = false) MultipartFile file,
			CurrentUser user, Locale locale, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("importError", this.messages.getMessage("promoCodeImport.chooseFile", null, locale));
			return "redirect:/programs/" + programId + "/promo-codes#import";
		}
		try (InputStream body = file.getInputStream()) {
			ImportView preview = this.imports.preview(user, programId, file.getOriginalFilename(), body);
			return "redirect:/programs/" + programId + "/promo-code-imports/" + preview.id();
		}
		catch (InvalidCsvFile unreadable) {
			// Said here, in the reader's language: a flash attribute outlives the request, not its locale.
			redirect.addFlashAttribute("importError",
					this.messages.getMessage(unreadable.reasonKey(), unreadable.arguments(), locale));
		}
		catch (PromoCodeTrackingDisabled refused) {
			redirect.addFlashAttribute("importError",
					this.messages.getMessage(refused.refusalKeyOn("promoCodes"), null, locale));
		}
		return "redirect:/programs/" + programId + "/promo-codes#import";
	}

	/** The preview: counts, notices, and a page of rows, all of them or those with errors. */
	@GetMapping(IMPORTS + "/{importId}")
	String preview(@PathVariable long programId, @PathVariable long importId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean errorsOnly,
			CurrentUser user, Model model) {
		ProgramView program = this.catalog.require(user, programId);
		ImportView preview = this.imports.get(user, programId, importId);
		ImportPage rows = this.imports.rows(user, programId, importId, Math.max(0, page), PAGE_SIZE, errorsOnly);
		model.addAttribute("program", program);
		model.addAttribute("preview", preview);
		model.addAttribute("rows", rows);
		model.addAttribute("errorsOnly", errorsOnly);
		return "promocodes/import";
	}

	/** Every reason, one a line: line, column (in the reader's language) and message. */
	@GetMapping(IMPORTS + "/{importId}/errors.csv")
	void errors(@PathVariable long programId, @PathVariable long importId, CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		List<ImportErrorText> errors = ImportErrorText.of(this.imports.errors(user, programId, importId),
				this.messages, locale);
		ImportErrorsCsv.write(CsvDownloads.start(response, "promo-code-import-" + importId + "-errors.csv"), errors,
				field -> this.messages.getMessage("promoCodeImport.field." + field, null, field, locale),
				this.messages.getMessage("promoCodeImport.errors.line", null, locale),
				this.messages.getMessage("promoCodeImport.errors.field", null, locale),
				this.messages.getMessage("promoCodeImport.errors.message", null, locale));
	}

	@PostMapping(IMPORTS + "/{importId}/acceptance")
	String accept(@PathVariable long programId, @PathVariable long importId, CurrentUser user,
			RedirectAttributes redirect) {
		String previewUrl = "redirect:/programs/" + programId + "/promo-code-imports/" + importId;
		try {
			int created = this.imports.accept(user, programId, importId, Channel.PAGE);
			redirect.addFlashAttribute("message", "promoCodeImport.created");
			redirect.addFlashAttribute("messageArgument", created);
			return "redirect:/programs/" + programId + "/promo-codes";
		}
		catch (ImportRefused refused) {
			redirect.addFlashAttribute("error", refused.refusalKeyOn("promoCodeImport"));
			return previewUrl + "?errorsOnly=true";
		}
		catch (ImportAlreadyAccepted | ImportExpired | PromoCodeTrackingDisabled refused) {
			redirect.addFlashAttribute("error", refused.refusalKeyOn("promoCodeImport"));
			return previewUrl;
		}
	}

	/** Every code of the list, not only the page shown, as an import file, with the list's filters. */
	@GetMapping(LIST + ".csv")
	void export(@PathVariable long programId, @RequestParam(required = false) Long partnerId,
			@RequestParam(defaultValue = "") String state, CurrentUser user, HttpServletResponse response)
			throws IOException {
		Iterable<PromoCodeView> found = this.codes.export(user, programId, partnerId, PromoCodeState.of(state));
		PromoCodeCsvWriter.write(CsvDownloads.start(response, "promo-codes-" + programId + ".csv"), found);
	}

}
