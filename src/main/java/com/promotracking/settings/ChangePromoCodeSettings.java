package com.promotracking.settings;

import com.promotracking.audit.Channel;

/**
 * A request to set both flags. {@code expectedVersion} is the version the user saw; null means "whatever is
 * current" (an API call without If-Match). {@code channel} says where the request came from, for the history.
 */
record ChangePromoCodeSettings(boolean promoCodeTrackingEnabled, boolean partnerPromoCodeRequestsAllowed,
		Long expectedVersion, Channel channel) {
}
