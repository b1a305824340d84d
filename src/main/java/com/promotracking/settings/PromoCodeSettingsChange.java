package com.promotracking.settings;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

/**
 * Both settings as a user asks for them, from the Ad settings form or the API's body. The form sends nothing for
 * an unticked box, which means off; the API must send both ({@link Api}). {@code version} is the version the page
 * showed, or the API's {@code If-Match} (the body has none); null means "whatever is current".
  * Public because pages read it: SpEL compiles reads of public types only (TemplateExpressionsCompileIT).
 */
public record PromoCodeSettingsChange(@NotNull(groups = Api.class) @Nullable Boolean promoCodeTrackingEnabled,
		@NotNull(groups = Api.class) @Nullable Boolean partnerPromoCodeRequestsAllowed, @Nullable Long version) {

	/** What the API requires of its body beyond the form. */
	interface Api {
	}

	/** The form as the page shows the settings now. */
	static PromoCodeSettingsChange of(PromoCodeSettingsState state) {
		return new PromoCodeSettingsChange(state.promoCodeTrackingEnabled(), state.partnerPromoCodeRequestsAllowed(),
				state.version());
	}

	boolean tracking() {
		return Boolean.TRUE.equals(this.promoCodeTrackingEnabled);
	}

	boolean partnerRequests() {
		return Boolean.TRUE.equals(this.partnerPromoCodeRequestsAllowed);
	}

	PromoCodeSettingsChange expecting(Long expectedVersion) {
		return new PromoCodeSettingsChange(this.promoCodeTrackingEnabled, this.partnerPromoCodeRequestsAllowed,
				expectedVersion);
	}

}
