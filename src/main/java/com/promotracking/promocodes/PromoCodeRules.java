package com.promotracking.promocodes;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every code of a program as attribution reads them, and a cheap sign that they changed. Callers have checked access. */
@Service
@Transactional(readOnly = true)
public class PromoCodeRules {

	private final TrackingPromoCodeRepository codes;

	PromoCodeRules(TrackingPromoCodeRepository codes) {
		this.codes = codes;
	}

	/** All of the program's codes, oldest first, deactivated and expired ones too (a conversion may predate that). */
	public List<PromoCodeRule> of(long programId) {
		return this.codes.rulesOf(programId);
	}

	/**
	 * Changes whenever a code is created or deactivated, whichever instance did it: codes are never deleted or
	 * edited otherwise, so the count, the highest id and the count of deactivations tell every change apart.
	 */
	public PromoCodesVersion versionOf(long programId) {
		return this.codes.versionOf(programId);
	}

}
