package com.promotracking.conversions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.eventtypes.ActiveEventTypes;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.promocodes.PromoCodeRule;
import com.promotracking.promocodes.PromoCodeRules;
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

	private final PromoCodeRules codes;

	private final ActiveEventTypes eventTypes;

	ConversionPages(ConversionService conversions, ConversionStore store, ProgramCatalog catalog,
			PromoCodeRules codes, ActiveEventTypes eventTypes) {
		this.conversions = conversions;
		this.store = store;
		this.catalog = catalog;
		this.codes = codes;
		this.eventTypes = eventTypes;
	}

	/** Page {@code page} (from 0) of {@code size} conversions, newest first; none for size 0 (the rest still). */
	@Transactional(readOnly = true)
	Listing list(CurrentUser user, long programId, ConversionFilter filter, int page, int size) {
		ProgramView program = this.conversions.access(user, programId);
		ConversionFilter seen = filter.seenBy(user);
		// One more than the page shows tells whether a next page follows, without counting them all.
		List<Conversion> found = (seen != null && size > 0)
				? this.store.slice(program.id(), seen, (long) page * size, size + 1) : List.of();
		List<PromoCodeRule> programCodes = this.codes.of(program.id());
		Map<Long, Long> codePartners = new HashMap<>();
		programCodes.forEach(code -> codePartners.put(code.id(), code.partnerId()));
		List<PromoCodeRule> shownCodes = user.isPartner()
				? programCodes.stream().filter(code -> code.partnerId() == user.partnerId()).toList() : programCodes;
		return new Listing(program, found.subList(0, Math.min(size, found.size())), found.size() > size,
				this.catalog.partnerNames(program.id()), codePartners, shownCodes, this.eventTypes.namesOf(program.id()));
	}

	/**
	 * @param codePartners the partner of each of the program's codes, by code id, to explain a conversion
	 * @param codes the codes the reader may filter by
	 * @param eventTypeNames the name of each of the program's event types, by id
	 */
	record Listing(ProgramView program, List<Conversion> conversions, boolean hasNext, Map<Long, String> partnerNames,
			Map<Long, Long> codePartners, List<PromoCodeRule> codes, Map<Long, String> eventTypeNames) {
	}

}
