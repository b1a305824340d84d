package com.promotracking.conversions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.promotracking.promocodes.CreditPolicy;

/**
 * Who a conversion credits and what decided it: the code that matched (credited or not), its credit policy then,
 * and flags. Kept as it was decided; nothing recomputes it later.
 */
record Attribution(Long partnerId, By by, Long promoCodeId, String code, CreditPolicy creditPolicy, List<Flag> flags) {

	Attribution {
		flags = List.copyOf(flags);
	}

	/** What credited the partner. */
	enum By {

		PROMO_CODE, CLICK, NONE;

		String value() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static By of(String value) {
			return Arrays.stream(values()).filter(by -> by.value().equals(value)).findFirst().orElse(null);
		}

	}

	/** Why a code sent with the conversion did not credit its partner. */
	enum Flag {

		/** The program's tracking was off: codes were not looked at. */
		TRACKING_OFF,
		/** A code matched, but its credit policy asked for a click its partner did not drive. */
		POLICY_NOT_MET,
		/** The code is the program's, but was not live when the conversion occurred. */
		CODE_INACTIVE,
		/** No code of the program matches it. */
		CODE_UNKNOWN;

		String value() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Flag of(String value) {
			return Arrays.stream(values()).filter(flag -> flag.value().equals(value)).findFirst().orElse(null);
		}

	}

}
