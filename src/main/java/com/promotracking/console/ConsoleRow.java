package com.promotracking.console;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One program as the console shows it. Conversions count the last {@link ConsoleService#CONVERSION_DAYS} days:
 * those credited by a code, and those a code did not credit, by flag.
 */
public record ConsoleRow(long programId, String programName, long brandId, String brandName,
		@Nullable Validation validation, boolean promoCodeTrackingEnabled, boolean partnerPromoCodeRequestsAllowed,
		long version, long openRequests, @Nullable Instant oldestOpenRequestAt, long liveCodes, long credited,
		long codeUnknown, long policyNotMet, long codeInactive, @Nullable LastChange lastChange) {

	public boolean promoCodeValidated() {
		return this.validation != null;
	}

	public long flagged() {
		return this.codeUnknown + this.policyNotMet + this.codeInactive;
	}

	/** Validated and still off: what the console's bulk enable is for. */
	public boolean readyToEnable() {
		return promoCodeValidated() && !this.promoCodeTrackingEnabled;
	}

	/** The approved test action that validated the program's promo code (the latest approval). */
	public record Validation(long testActionId, String orderId, String promoCode, long eventTypeId,
			String eventTypeName) {
	}

	/**
	 * The last change of the tracking settings: who and when, and the brand it was made for when the actor is a CSM
	 * acting on the brand's behalf.
	 */
	public record LastChange(Instant at, String actor, @Nullable String onBehalfOf) {
	}

}
