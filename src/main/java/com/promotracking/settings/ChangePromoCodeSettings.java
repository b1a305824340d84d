package com.promotracking.settings;

/**
 * A request to set both flags. {@code expectedVersion} is the version the user saw; null means "whatever is
 * current" (an API call without If-Match).
 */
record ChangePromoCodeSettings(boolean promoCodeTrackingEnabled, boolean partnerPromoCodeRequestsAllowed,
		Long expectedVersion) {
}
