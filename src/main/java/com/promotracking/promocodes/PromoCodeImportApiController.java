package com.promotracking.promocodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.promotracking.audit.Channel;
import com.promotracking.kernel.ApiValues;
import com.promotracking.promocodes.PromoCodeImportService.ImportView;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.ApiFileUpload;

/**
 * Promo codes in bulk over HTTP: a CSV file previewed, then accepted; and a program's codes as a CSV file that
 * imports again.
 */
@RestController
class PromoCodeImportApiController {

	private static final String PATH = "/api/programs/{programId}/promo-code-imports";

	private static final String TEXT_CSV = CsvDownloads.TEXT_CSV;

	private final PromoCodeImportService imports;

	private final PromoCodeService codes;

	private final MessageSource messages;

	PromoCodeImportApiController(PromoCodeImportService imports, PromoCodeService codes, MessageSource messages) {
		this.imports = imports;
		this.codes = codes;
		this.messages = messages;
	}

	/** The file as the body; its name, if any, from {@code Content-Disposition}. Read as it arrives. */
	@PostMapping(path = PATH, consumes = TEXT_CSV)
	@Operation(operationId = "promoCodeImportPreview")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
	ResponseEntity<ImportResponse> previewBody(@PathVariable long programId, InputStream body,
			@RequestHeader(name = HttpHeaders.CONTENT_DISPOSITION, required = false) @Nullable String disposition,
			CurrentUser user, Locale locale) {
		return created(this.imports.preview(user, programId, fileName(disposition), body), user, locale);
	}

	/** The file as the form field {@code file}, as {@code curl -F file=@codes.csv} sends it (not from a web page). */
	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "promoCodeImportPreview")
	@ApiFileUpload
	ResponseEntity<ImportResponse> previewForm(@PathVariable long programId, @RequestPart("file") MultipartFile file,
			CurrentUser user, Locale locale) throws IOException {
		try (InputStream body = file.getInputStream()) {
			return created(this.imports.preview(user, programId, file.getOriginalFilename(), body), user, locale);
		}
	}

	@GetMapping(PATH + "/{importId}")
	ImportResponse get(@PathVariable long programId, @PathVariable long importId, CurrentUser user, Locale locale) {
		return response(this.imports.get(user, programId, importId), user, locale);
	}

	/** 200 and how many codes were created; or a problem naming the rows that prevent it. */
	@PostMapping(PATH + "/{importId}/acceptance")
	AcceptanceResponse accept(@PathVariable long programId, @PathVariable long importId, CurrentUser user) {
		return new AcceptanceResponse(this.imports.accept(user, programId, importId, Channel.API));
	}

	/**
	 * The program's codes as an import file, optionally of one partner and in one state: all of them, written while
	 * they are read a batch at a time.
	 */
	@GetMapping(path = "/api/programs/{programId}/promo-codes.csv", produces = TEXT_CSV)
	@ApiResponse(responseCode = "200", description = "The codes, one a line, under the import's English headers",
			content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
	void export(@PathVariable long programId, @RequestParam(required = false) Long partnerId,
			@RequestParam(required = false) @ApiValues(PromoCodeState.class) String state, CurrentUser user,
			HttpServletResponse response) throws IOException {
		Iterable<PromoCodeView> found = this.codes.export(user, programId, partnerId, PromoCodeState.filter(state));
		PromoCodeCsvWriter.write(CsvDownloads.start(response, "promo-codes-" + programId + ".csv"), found);
	}

	private ResponseEntity<ImportResponse> created(ImportView preview, CurrentUser user, Locale locale) {
		return ResponseEntity
			.created(URI.create("/api/programs/" + preview.programId() + "/promo-code-imports/" + preview.id()))
			.body(response(preview, user, locale));
	}

	private ImportResponse response(ImportView preview, CurrentUser user, Locale locale) {
		List<ImportErrorText> errors = ImportErrorText.of(this.imports.errorsOf(preview), this.messages, locale);
		return new ImportResponse(preview.id(), preview.fileName(), preview.rows(), preview.ready(),
				errors.stream().map(error -> new RowError(error.line(), error.field(), error.message())).toList(),
				preview.notices()
					.stream()
					.map(notice -> new NoticeResponse(notice.column(),
							this.messages.getMessage(notice.messageKey(), new Object[] { notice.column() }, locale)))
					.toList(),
				preview.createdAt(), preview.expiresAt(), preview.expired(), preview.acceptedAt(),
				preview.createdCodes());
	}

	private static @Nullable String fileName(@Nullable String disposition) {
		if (disposition == null) {
			return null;
		}
		try {
			return ContentDisposition.parse(disposition).getFilename();
		}
		catch (IllegalArgumentException unreadable) {
			// A name the header does not give readably is no name: the file is still read.
			return null;
		}
	}

	/**
	 * A preview: {@code rows} read, {@code ready} to create, and why each other row cannot be; accepted once it has
	 * no errors, until {@code expiresAt}.
	 */
	record ImportResponse(long id, String fileName, int rows, int ready, List<RowError> errors,
			List<NoticeResponse> notices, Instant createdAt, Instant expiresAt, boolean expired,
			@Nullable Instant acceptedAt, @Nullable Integer created) {
	}

	/** Why the row on {@code line} cannot be created: {@code field} as a code's field is named in the API. */
	record RowError(int line, String field, String message) {
	}

	/** A column of the file that was not read, and why. */
	record NoticeResponse(String column, String message) {
	}

	record AcceptanceResponse(int created) {
	}

}
