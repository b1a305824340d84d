package com.promotracking.promocodes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.promotracking.kernel.InvalidField;
import com.promotracking.kernel.UnreadableValue;
import com.promotracking.programs.PartnerView;
import com.promotracking.promocodes.PromoCodeCsvReader.CsvImportRow;

/**
 * Checks an import's rows with the rules of creating one code ({@link PromoCodeChecks}, the same reasons), against
 * the program's codes and against the file's own earlier lines, as if its rows were created one after the other:
 * a later line that repeats or conflicts with an earlier one is the one refused. No database access of its own:
 * what it needs of the program comes in as values and functions, so it checks a preview and an acceptance alike.
 */
final class ImportRowChecker {

	/** Regexes are tried against every exact code of the program: a file holds few of them, as programs do. */
	static final int MAX_REGEX_ROWS = 100;

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final int MAX_MOMENTS = 10_000;

	private final Map<Long, PartnerView> partnersById = new HashMap<>();

	private final Map<String, List<PartnerView>> partnersByName = new HashMap<>();

	private final List<OwnedCode> liveRegexes;

	private final Supplier<List<OwnedCode>> liveExactCodes;

	private final Function<Collection<String>, Set<String>> existingKeys;

	private final Instant now;

	/** The dates a file repeats (most rows of a file share their start and end), read once each. */
	private final Map<String, Moment> moments = new HashMap<>();

	/**
	 * @param liveRegexes the program's regex codes that still credit someone
	 * @param liveExactCodes the same of its exact codes, asked for only if the file holds a regex
	 * @param existingKeys of the code keys given, those the program already has
	 */
	ImportRowChecker(List<PartnerView> partners, List<OwnedCode> liveRegexes, Supplier<List<OwnedCode>> liveExactCodes,
			Function<Collection<String>, Set<String>> existingKeys, Instant now) {
		for (PartnerView partner : partners) {
			this.partnersById.put(partner.id(), partner);
			this.partnersByName.computeIfAbsent(partner.name(), name -> new ArrayList<>()).add(partner);
		}
		this.liveRegexes = liveRegexes;
		this.liveExactCodes = liveExactCodes;
		this.existingKeys = existingKeys;
		this.now = now;
	}

	/** A code of the program, with whose it is. */
	record OwnedCode(long partnerId, String code) {
	}

	/** A row that can be created, as it will be. */
	record ReadyCode(int line, long partnerId, String code, MatchType matchType, CreditPolicy creditPolicy,
			Instant startsAt, @Nullable Instant endsAt, ZoneId zone) {

		String key() {
			return TrackingPromoCode.keyOf(this.code, this.matchType);
		}

	}

	/** The outcome: the rows that can be created and the reasons of those that cannot, in line order. */
	record Result(List<ReadyCode> ready, List<ImportError> errors) {
	}

	Result check(List<CsvImportRow> rows) {
		List<Parsed> parsed = new ArrayList<>(rows.size());
		for (CsvImportRow row : rows) {
			parsed.add(parse(row));
		}
		rejectDuplicatesInFile(parsed);
		rejectExistingCodes(parsed);
		rejectConflicts(parsed);
		List<ReadyCode> ready = new ArrayList<>();
		List<ImportError> errors = new ArrayList<>();
		for (Parsed row : parsed) {
			if (row.ready()) {
				ready.add(row.toReady());
			}
			else {
				errors.addAll(row.errors.values());
			}
		}
		return new Result(ready, errors);
	}

	private Parsed parse(CsvImportRow row) {
		Parsed parsed = new Parsed(row.line());
		parsed.partnerId = partner(row, parsed);
		parsed.matchType = choice(row.matchType(), MatchType.EXACT, ImportRowChecker::matchType, "matchType",
				"promoCodeImport.error.matchType", parsed);
		parsed.creditPolicy = choice(row.creditPolicy(), CreditPolicy.ALWAYS, ImportRowChecker::creditPolicy,
				"creditPolicy", "promoCodeImport.error.creditPolicy", parsed);
		ZoneId zone = UTC;
		try {
			ZoneId given = TimeZones.parse(row.timeZone());
			zone = (given != null) ? given : UTC;
		}
		catch (UnreadableValue unreadable) {
			parsed.reject("timeZone", unreadable.reasonKey(), null);
		}
		parsed.zone = zone;
		Moment start = moment(row.startDate(), "startsAt", parsed);
		Moment end = moment(row.endDate(), "endsAt", parsed);
		parsed.startsAt = (start != null) ? start.toInstant(zone) : this.now;
		parsed.endsAt = (end != null) ? end.toInstant(zone) : null;
		if (parsed.endsAt != null && !parsed.rejected("startsAt") && !parsed.rejected("timeZone")
				&& !parsed.endsAt.isAfter(parsed.startsAt)) {
			parsed.reject("endsAt", "promoCode.error.endBeforeStart", null);
		}
		if (parsed.matchType != null) {
			try {
				parsed.code = PromoCodeChecks.written(row.code(), parsed.matchType);
			}
			catch (InvalidField invalid) {
				parsed.reject("code", invalid.reasonKey(), null);
			}
		}
		return parsed;
	}

	private @Nullable Long partner(CsvImportRow row, Parsed parsed) {
		String given = row.partner();
		if (given.isEmpty()) {
			parsed.reject("partnerId", "promoCode.error.partnerRequired", null);
			return null;
		}
		if (given.chars().allMatch(Character::isDigit) && given.length() <= 18) {
			PartnerView byId = this.partnersById.get(Long.parseLong(given));
			if (byId != null || row.partnerById()) {
				if (byId == null) {
					parsed.reject("partnerId", "promoCode.error.unknownPartner", null);
					return null;
				}
				return byId.id();
			}
		}
		if (row.partnerById()) {
			parsed.reject("partnerId", "promoCodeImport.error.partnerId", null);
			return null;
		}
		List<PartnerView> named = this.partnersByName.getOrDefault(given, List.of());
		if (named.size() > 1) {
			parsed.reject("partnerId", "promoCodeImport.error.partnerAmbiguous", null);
			return null;
		}
		if (named.isEmpty()) {
			parsed.reject("partnerId", "promoCode.error.unknownPartner", null);
			return null;
		}
		return named.get(0).id();
	}

	private static <T> @Nullable T choice(String given, T otherwise, Function<String, @Nullable T> reading, String field,
			String reasonKey, Parsed parsed) {
		if (given.isEmpty()) {
			return otherwise;
		}
		T read = reading.apply(given);
		if (read == null) {
			parsed.reject(field, reasonKey, null);
		}
		return read;
	}

	/** Ours, and impact.com's two-letter ones. */
	static @Nullable MatchType matchType(String given) {
		return switch (given.toUpperCase(Locale.ROOT)) {
			case "EXACT", "LI" -> MatchType.EXACT;
			case "REGEX", "RE" -> MatchType.REGEX;
			default -> null;
		};
	}

	/** Ours ({@code if-involved}), our enum's names, and impact.com's ({@code INVOLVED}). */
	static @Nullable CreditPolicy creditPolicy(String given) {
		CreditPolicy policy = CreditPolicy.of(given);
		if (policy != null) {
			return policy;
		}
		return switch (given.toUpperCase(Locale.ROOT)) {
			case "INVOLVED" -> CreditPolicy.IF_INVOLVED;
			case "WINNER" -> CreditPolicy.IF_WINNER;
			default -> null;
		};
	}

	private @Nullable Moment moment(String given, String field, Parsed parsed) {
		if (given.isEmpty()) {
			return null;
		}
		Moment known = this.moments.get(given);
		if (known != null) {
			return known;
		}
		try {
			Moment read = Moment.parse(given);
			if (this.moments.size() < MAX_MOMENTS) {
				this.moments.put(given, read);
			}
			return read;
		}
		catch (UnreadableValue unreadable) {
			parsed.reject(field, unreadable.reasonKey(), null);
			return null;
		}
	}

	/** The second and later lines of a code refer to its first. */
	private static void rejectDuplicatesInFile(List<Parsed> rows) {
		Map<String, Integer> firstLines = new HashMap<>();
		for (Parsed row : rows) {
			if (row.code != null) {
				Integer first = firstLines.putIfAbsent(row.key(), row.line);
				if (first != null) {
					row.reject("code", "promoCodeImport.error.duplicateInFile", Integer.toString(first));
				}
			}
		}
	}

	private void rejectExistingCodes(List<Parsed> rows) {
		Map<String, Parsed> byKey = new LinkedHashMap<>();
		for (Parsed row : rows) {
			if (row.code != null && !row.rejected("code")) {
				byKey.put(row.key(), row);
			}
		}
		if (byKey.isEmpty()) {
			return;
		}
		for (String existing : this.existingKeys.apply(byKey.keySet())) {
			byKey.get(existing).reject("code", "promoCodes.refused.duplicate-promo-code", null);
		}
	}

	/**
	 * No code may make a conversion's partner ambiguous: each row is tried against the program's live codes of
	 * other partners and against the file's earlier rows that can be created, of other partners.
	 */
	private void rejectConflicts(List<Parsed> rows) {
		List<OwnedPattern> regexes = new ArrayList<>();
		for (OwnedCode regex : this.liveRegexes) {
			regexes.add(new OwnedPattern(regex.partnerId(), PromoCodeChecks.anyCase(regex.code())));
		}
		List<OwnedCode> exactCodes = null;
		int regexRows = 0;
		for (int index = 0; index < rows.size(); index++) {
			Parsed row = rows.get(index);
			if (!row.ready() || row.code == null || row.partnerId == null) {
				continue;
			}
			try {
				if (row.matchType == MatchType.EXACT) {
					for (OwnedPattern regex : regexes) {
						if (regex.partnerId() != row.partnerId
								&& PromoCodeChecks.matchesSomeCaseOf(regex.pattern(), row.code)) {
							throw new InvalidField("code", "promoCode.error.matchedByOtherPartnersRegex");
						}
					}
					if (exactCodes != null) {
						exactCodes.add(new OwnedCode(row.partnerId, row.code));
					}
				}
				else {
					if (++regexRows > MAX_REGEX_ROWS) {
						throw new InvalidField("code", "promoCodeImport.error.tooManyRegexes");
					}
					if (exactCodes == null) {
						exactCodes = new ArrayList<>(this.liveExactCodes.get());
						for (Parsed earlier : rows.subList(0, index)) {
							if (earlier.ready() && earlier.matchType == MatchType.EXACT) {
								exactCodes.add(new OwnedCode(earlier.partnerId, earlier.code));
							}
						}
					}
					Pattern anyCase = PromoCodeChecks.anyCase(row.code);
					for (OwnedCode exact : exactCodes) {
						if (exact.partnerId() != row.partnerId
								&& PromoCodeChecks.matchesSomeCaseOf(anyCase, exact.code())) {
							throw new InvalidField("code", "promoCode.error.regexMatchesOtherPartnersCode");
						}
					}
					regexes.add(new OwnedPattern(row.partnerId, anyCase));
				}
			}
			catch (InvalidField conflict) {
				row.reject("code", conflict.reasonKey(), null);
			}
		}
	}

	private record OwnedPattern(long partnerId, Pattern pattern) {
	}

	/** A row on its way through the checks. */
	private static final class Parsed {

		final int line;

		/** One reason a field, the first found (the field's error table keeps one); made at the first. */
		@Nullable Map<String, ImportError> errors;

		@Nullable String key;

		@Nullable Long partnerId;

		@Nullable String code;

		@Nullable MatchType matchType;

		@Nullable CreditPolicy creditPolicy;

		ZoneId zone = UTC;

		Instant startsAt = Instant.EPOCH;

		@Nullable Instant endsAt;

		Parsed(int line) {
			this.line = line;
		}

		void reject(String field, String messageKey, @Nullable String argument) {
			if (this.errors == null) {
				this.errors = new LinkedHashMap<>(4);
			}
			this.errors.putIfAbsent(field, new ImportError(this.line, field, messageKey, argument));
		}

		boolean ready() {
			return this.errors == null;
		}

		boolean rejected(String field) {
			return this.errors != null && this.errors.containsKey(field);
		}

		String key() {
			if (this.key == null) {
				this.key = TrackingPromoCode.keyOf(this.code, this.matchType);
			}
			return this.key;
		}

		ReadyCode toReady() {
			return new ReadyCode(this.line, this.partnerId, this.code, this.matchType, this.creditPolicy, this.startsAt,
					this.endsAt, this.zone);
		}

	}

}
