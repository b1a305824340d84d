package com.promotracking.conversions;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import com.promotracking.eventtypes.ActiveEventTypes;
import com.promotracking.kernel.PlainSqlRead;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.PromoCodeRule;
import com.promotracking.users.CurrentUser;

/**
 * What the Conversions page shows, read in one read-only transaction: a page of conversions (and whether another
 * follows), the names and codes that explain them, and the choices of its filters. A partner gets the conversions
 * credited to them and their own codes only.
 */
@Service
class ConversionPages {

	private final ConversionService conversions;

	private final ConversionStore store;

	private final ProgramCatalog catalog;

	private final Matchers matchers;

	private final ActiveEventTypes eventTypes;

	ConversionPages(ConversionService conversions, ConversionStore store, ProgramCatalog catalog,
			Matchers matchers, ActiveEventTypes eventTypes) {
		this.conversions = conversions;
		this.store = store;
		this.catalog = catalog;
		this.matchers = matchers;
		this.eventTypes = eventTypes;
	}

	/**
	 * Page {@code page} (from 0) of {@code size} conversions, newest first; none for size 0 (the rest still).
	 * {@code codeText}, when given, is the code to filter by as the reader typed it (without case); a code the reader
	 * may not filter by is as unknown as one the program does not have: the listing says so and lists nothing.
	 */
	@PlainSqlRead
	Listing list(CurrentUser user, long programId, ConversionFilter filter, @Nullable String codeText, int page,
			int size) {
		ProgramView program = this.conversions.access(user, programId);
		// The codes as the program's matcher holds them: a read of the codes' version, not of every code.
		List<PromoCodeRule> programCodes = this.matchers.of(program.id()).rules();
		Map<Long, Long> codePartners = new HashMap<>();
		programCodes.forEach(code -> codePartners.put(code.id(), code.partnerId()));
		List<PromoCodeRule> shownCodes = user.isPartner()
				? programCodes.stream().filter(code -> code.partnerId() == user.partnerId()).toList() : programCodes;
		PromoCodeRule chosen = (codeText != null) ? named(shownCodes, codeText)
				: (filter.promoCodeId() != null) ? withId(shownCodes, filter.promoCodeId()) : null;
		boolean unknownCode = codeText != null && chosen == null;
		ConversionFilter seen = (chosen != null) ? filter.withPromoCode(chosen.id()).seenBy(user) : filter.seenBy(user);
		// One more than the page shows tells whether a next page follows, without counting them all.
		List<Conversion> found = (seen != null && size > 0 && !unknownCode)
				? this.store.slice(program.id(), seen, (long) page * size, size + 1) : List.of();
		return new Listing(program, found.subList(0, Math.min(size, found.size())), found.size() > size,
				this.catalog.partnerNames(program.id()), codePartners, shownCodes, chosen, unknownCode,
				this.eventTypes.namesOf(program.id()));
	}

	/** The code written so, without case; the oldest of several (exact codes of one text differ in case only). */
	private static @Nullable PromoCodeRule named(List<PromoCodeRule> codes, String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		return codes.stream().filter(code -> code.code().toLowerCase(Locale.ROOT).equals(wanted)).findFirst().orElse(null);
	}

	private static @Nullable PromoCodeRule withId(List<PromoCodeRule> codes, long id) {
		return codes.stream().filter(code -> code.id() == id).findFirst().orElse(null);
	}

	/**
	 * @param codePartners the partner of each of the program's codes, by code id, to explain a conversion
	 * @param codes the codes the reader may filter by, oldest first
	 * @param chosenCode the code the list is filtered by, if the reader may filter by it
	 * @param unknownCode whether the code typed is none the reader may filter by (then nothing is listed)
	 * @param eventTypeNames the name of each of the program's event types, by id
	 */
	record Listing(ProgramView program, List<Conversion> conversions, boolean hasNext, Map<Long, String> partnerNames,
			Map<Long, Long> codePartners, List<PromoCodeRule> codes, @Nullable PromoCodeRule chosenCode,
			boolean unknownCode, Map<Long, String> eventTypeNames) {
	}

}
