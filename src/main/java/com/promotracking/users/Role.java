package com.promotracking.users;

public enum Role {

	/** Administers the programs of one brand. */
	BRAND_ADMIN,
	/** The platform's customer success manager, acting for the brands assigned to them. */
	CSM,
	/** Promotes programs; changes no settings. */
	PARTNER,
	/** Runs the service: reads its health details, version and metrics under {@code /actuator}; no program. */
	OPERATOR,
	/**
	 * Not a person: a brand's API key, acting for that brand alone and only on its conversions and reports. No
	 * account has this role; a key's {@link CurrentUser} is made by {@link CurrentUser#forApiKey}.
	 */
	API_KEY;

	/** As the API writes it: {@code brand-admin}, {@code csm}, {@code partner}, {@code operator}, {@code api-key}. */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public String messageKey() {
		return "role." + name();
	}

}
