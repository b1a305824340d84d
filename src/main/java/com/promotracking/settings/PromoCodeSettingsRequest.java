package com.promotracking.settings;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/programs/{id}/promo-code-settings}: both flags, always. */
record PromoCodeSettingsRequest(@NotNull Boolean promoCodeTrackingEnabled,
		@NotNull Boolean partnerPromoCodeRequestsAllowed) {
}
