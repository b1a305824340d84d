package com.promotracking.conversions;

import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import com.promotracking.conversions.Attribution.By;
import com.promotracking.conversions.Attribution.Flag;

/**
 * Why a conversion was credited as it was, in plain words, from its stored attribution alone: a message key and
 * its arguments, some of them messages themselves (Spring resolves those in the reader's language). Every page,
 * or anything else that explains a conversion, says it through here, so the words follow the rule in one place.
 * <p>
 * A partner only ever reads conversions credited to them, but one of those may have carried another partner's
 * code whose credit policy was not met: the partner is then told that much, never that partner's name or code.
 */
final class ConversionWhy {

	private static final String PREFIX = "conversions.why.";

	private ConversionWhy() {
	}

	/**
	 * @param conversion the stored conversion
	 * @param partnerNames the program's partners' names by id
	 * @param codePartners the partner of each of the program's codes, by code id
	 * @param forPartner whether a partner reads it (rather than the brand)
	 */
	static MessageSourceResolvable of(Conversion conversion, Map<Long, String> partnerNames,
			Map<Long, Long> codePartners, boolean forPartner) {
		Attribution attribution = conversion.attribution();
		String credited = (attribution.partnerId() != null) ? partnerNames.get(attribution.partnerId()) : null;
		if (attribution.by() == By.PROMO_CODE) {
			return message("promoCode", credited, attribution.code(),
					message("policy." + attribution.creditPolicy().name()));
		}
		MessageSourceResolvable then = (credited != null) ? message("then.click", credited) : message("then.nobody");
		String sent = conversion.promoCode();
		Flag flag = attribution.flags().isEmpty() ? null : attribution.flags().get(0);
		if (flag == null) {
			return (credited != null) ? message("click", credited) : message("nobody");
		}
		return switch (flag) {
			case TRACKING_OFF -> message("trackingOff", sent, then);
			case CODE_INACTIVE -> message("codeInactive", sent, then);
			case CODE_UNKNOWN -> message("codeUnknown", sent, then);
			case POLICY_NOT_MET -> forPartner ? message("policyNotMetForPartner", then)
					: message("policyNotMet", partnerNames.get(codePartners.get(attribution.promoCodeId())),
							attribution.code(), message("requires." + attribution.creditPolicy().name()), then);
		};
	}

	private static MessageSourceResolvable message(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { PREFIX + key }, arguments);
	}

}
