package com.promotracking.promocodes;

import com.promotracking.kernel.InvalidField;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

public enum PromoCodeState {

	FUTURE, ACTIVE, EXPIRED, DEACTIVATED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "promoCode.state." + name();
	}

	/**
	 * The state of a code with these dates at {@code now}: the one rule, which {@link PromoCodeStore}'s filters
	 * say again in SQL. A code starting exactly now is active; one ending exactly now has expired.
	 */
	static PromoCodeState at(Instant startsAt, @Nullable Instant endsAt, @Nullable Instant deactivatedAt,
			Instant now) {
		if (deactivatedAt != null) {
			return DEACTIVATED;
		}
		if (startsAt.isAfter(now)) {
			return FUTURE;
		}
		if (endsAt != null && !endsAt.isAfter(now)) {
			return EXPIRED;
		}
		return ACTIVE;
	}

	/** The state a client asked for by its value; none when none was asked, a refusal naming the field if unknown. */
	static PromoCodeState filter(String value) {
		if (value == null) {
			return null;
		}
		PromoCodeState state = of(value);
		if (state == null) {
			throw new InvalidField("state", "promoCode.error.state");
		}
		return state;
	}

	static PromoCodeState of(String value) {
		for (PromoCodeState state : values()) {
			if (state.value().equals(value)) {
				return state;
			}
		}
		return null;
	}

}
