package com.promotracking.conversions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.annotation.JsonDeserialize;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.Attribution.Flag;
import com.promotracking.conversions.ConversionService.BatchRecorded;
import com.promotracking.conversions.ConversionService.Recorded;
import com.promotracking.eventtypes.CurrencyCode;
import com.promotracking.kernel.ApiValues;
import com.promotracking.kernel.InvalidField;
import com.promotracking.promocodes.CreditPolicy;
import com.promotracking.kernel.VisibleText;
import com.promotracking.users.CurrentUser;

/**
 * Conversions and the promo code report over JSON. A brand admin or CSM (or an API key acting for the brand)
 * posts and reads; a partner reads the conversions credited to them and their own codes' figures.
 */
@RestController
class ConversionApiController {

	private static final String PATH = "/api/programs/{programId}/conversions";

	private static final int MAX_PAGE_SIZE = 100;

	private final ConversionService conversions;

	private final ConversionGroupCommit groups;

	private final PromoCodeReport report;

	ConversionApiController(ConversionService conversions, ConversionGroupCommit groups, PromoCodeReport report) {
		this.conversions = conversions;
		this.groups = groups;
		this.report = report;
	}

	/**
	 * 201 and the conversion; a retry of a stored one 200 and the stored one. Stored with the single conversions
	 * posted at the same time, in one transaction: the answer goes out once it committed.
	 */
	@PostMapping(PATH)
	ResponseEntity<ConversionResponse> record(@PathVariable long programId,
			@RequestBody @Valid ConversionRequest request, CurrentUser user) {
		Recorded recorded = this.groups.record(user, programId, request.toCommand());
		ConversionResponse body = ConversionResponse.of(recorded.conversion(), recorded.partnerNames(), user);
		if (!recorded.created()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create("/api/programs/" + programId + "/conversions/" + body.id()))
			.body(body);
	}

	@PostMapping(PATH + "/batch")
	BatchResponse recordBatch(@PathVariable long programId, @RequestBody @Valid BatchRequest request,
			CurrentUser user) {
		BatchRecorded recorded = this.conversions.recordBatch(user, programId,
				request.conversions().stream().map(ConversionRequest::toCommand).toList());
		return new BatchResponse(recorded.created(), recorded.replayed(), recorded.results()
			.stream()
			.map(item -> new BatchItemResponse(item.index(), item.id(),
					AttributionResponse.of(item.attribution(), recorded.partnerNames())))
			.toList());
	}

	/** Newest first; {@code from} included, {@code to} excluded, both ISO 8601 with an offset. */
	@GetMapping(PATH)
	List<ConversionResponse> list(@PathVariable long programId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Long promoCodeId,
			@RequestParam(required = false) @ApiValues(Attribution.By.class) String by,
			@RequestParam(defaultValue = "0") @Schema(minimum = "0") int page,
			@RequestParam(defaultValue = "20") @Schema(minimum = "1", maximum = "" + MAX_PAGE_SIZE) int size,
			CurrentUser user) {
		By attributedBy = null;
		if (by != null) {
			attributedBy = By.of(by);
			if (attributedBy == null) {
				throw new InvalidField("by", "conversion.error.by");
			}
		}
		if (page < 0) {
			throw new InvalidField("page", "conversion.error.page");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidField("size", "conversion.error.size");
		}
		ConversionFilter filter = new ConversionFilter((from != null) ? from.toInstant() : null,
				(to != null) ? to.toInstant() : null, partnerId, promoCodeId, attributedBy);
		ConversionService.Listed listed = this.conversions.list(user, programId, filter, page, size);
		return listed.conversions()
			.stream()
			.map(conversion -> ConversionResponse.of(conversion, listed.partnerNames(), user))
			.toList();
	}

	@GetMapping(PATH + "/{conversionId}")
	ConversionResponse get(@PathVariable long programId, @PathVariable long conversionId, CurrentUser user) {
		Recorded found = this.conversions.get(user, programId, conversionId);
		return ConversionResponse.of(found.conversion(), found.partnerNames(), user);
	}

	/** Dates included, in {@code timeZone} (UTC by default). */
	@GetMapping("/api/programs/{programId}/reports/promo-codes")
	List<PromoCodeReport.CodeRow> report(@PathVariable long programId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String timeZone, CurrentUser user) {
		ZoneId zone;
		try {
			zone = (timeZone == null || timeZone.isBlank()) ? ZoneId.of("UTC") : ZoneId.of(timeZone.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidField("timeZone", "report.error.timeZone");
		}
		return this.report.report(user, programId, from, to, zone).rows();
	}

	record ClickRequest(@NotNull Long partnerId, @NotNull OffsetDateTime at) {
	}

	/** {@code amount} is read as a JSON number or a string, exactly (never through a double). */
	record ConversionRequest(@NotBlank @Size(max = 64) @VisibleText String orderId, @NotNull Long eventTypeId,
			OffsetDateTime occurredAt,
			@Schema(types = { "number", "string" }, pattern = "^[0-9]{1,12}(\\.[0-9]{1,2})?$",
					description = "A decimal, as a JSON number or a string, at most two decimals")
			@JsonDeserialize(using = AmountJson.class) @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
			@NotNull @CurrencyCode @Schema(pattern = CurrencyCode.PATTERN) String currency, @Size(max = 64) String promoCode,
			@Size(max = 50) List<@NotNull @Valid ClickRequest> clicks) {

		NewConversion toCommand() {
			return new NewConversion(this.orderId, this.eventTypeId,
					(this.occurredAt != null) ? this.occurredAt.toInstant() : null, this.amount, this.currency,
					this.promoCode, (this.clicks != null)
							? this.clicks.stream().map(click -> new Click(click.partnerId(), click.at().toInstant())).toList()
							: List.of());
		}

	}

	record BatchRequest(@NotEmpty @Size(max = ConversionService.MAX_BATCH) List<@NotNull @Valid ConversionRequest> conversions) {
	}

	record BatchResponse(int created, int replayed, List<BatchItemResponse> results) {
	}

	record BatchItemResponse(int index, long id, AttributionResponse attribution) {
	}

	record ClickResponse(long partnerId, Instant at) {
	}

	record ConversionResponse(long id, String orderId, long eventTypeId, Instant occurredAt, Instant receivedAt,
			@Schema(pattern = "^[0-9]{1,12}\\.[0-9]{2}$", description = "A decimal, with two decimals") String amount,
			String currency, @Nullable String promoCode, List<ClickResponse> clicks,
			AttributionResponse attribution) {

		/** A partner sees their own clicks only: the others' are other partners' business. */
		static ConversionResponse of(Conversion conversion, Map<Long, String> partnerNames, CurrentUser user) {
			List<ClickResponse> clicks = conversion.clicks()
				.stream()
				.filter(click -> !user.isPartner() || user.partnerId().equals(click.partnerId()))
				.map(click -> new ClickResponse(click.partnerId(), click.at()))
				.toList();
			return new ConversionResponse(conversion.id(), conversion.orderId(), conversion.eventTypeId(),
					conversion.occurredAt(), conversion.receivedAt(),
					conversion.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString(), conversion.currency(),
					conversion.promoCode(), clicks, AttributionResponse.of(conversion.attribution(), partnerNames));
		}

	}

	record AttributionResponse(@Nullable Long partnerId, @Nullable String partnerName,
			@ApiValues(Attribution.By.class) String by, @Nullable Long promoCodeId, @Nullable String code,
			@ApiValues(CreditPolicy.class) @Nullable String creditPolicy,
			List<@ApiValues(Attribution.Flag.class) String> flags) {

		static AttributionResponse of(Attribution attribution, Map<Long, String> partnerNames) {
			return new AttributionResponse(attribution.partnerId(),
					(attribution.partnerId() != null) ? partnerNames.get(attribution.partnerId()) : null,
					attribution.by().value(), attribution.promoCodeId(), attribution.code(),
					(attribution.creditPolicy() != null) ? attribution.creditPolicy().value() : null,
					attribution.flags().stream().map(Flag::value).toList());
		}

	}

}
