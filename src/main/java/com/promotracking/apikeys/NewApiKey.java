package com.promotracking.apikeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.promotracking.kernel.VisibleText;

/**
 * A key to make, as the page's form and the API's JSON send it: its name, and the brand it acts for (null: the
 * caller's own brand, for a brand admin). The messages are what the page shows next to the field.
 */
record NewApiKey(Long brandId,
		@NotBlank(message = "{apiKeys.error.nameRequired}")
		@Size(max = ApiKeyService.MAX_NAME, message = "{apiKeys.error.nameTooLong}") @VisibleText String name) {

	/** The empty form of the page, for the brand shown. */
	static NewApiKey blank(long brandId) {
		return new NewApiKey(brandId, "");
	}

}
