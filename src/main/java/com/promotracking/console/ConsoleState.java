package com.promotracking.console;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.promotracking.kernel.InvalidField;

/** The console's state filter. */
public enum ConsoleState {

	/** Validated, tracking off: one click from tracking. */
	READY_TO_ENABLE,
	/** No promo code has passed event-type validation. */
	NEEDS_VALIDATION,
	ENABLED,
	/** Partner requests are open and wait for the brand. */
	REQUESTS_WAITING;

	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String messageKey() {
		return "console.state." + name();
	}

	/** The state asked for by its value; none when none was asked, a refusal naming the field if unknown or empty. */
	static @Nullable ConsoleState filter(@Nullable String value) {
		if (value == null) {
			return null;
		}
		for (ConsoleState state : values()) {
			if (state.value().equals(value)) {
				return state;
			}
		}
		throw new InvalidField("state", "console.error.state");
	}

}
