package com.promotracking.users;

import java.io.Serializable;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is signed in, as the rest of the application needs to know it. Built once at login and kept in the
 * security context, so a request needs no query to know whose brands it may touch.
 */
public record CurrentUser(long id, String username, String displayName, Role role, Set<Long> managedBrandIds,
		@Nullable Long partnerId) implements Serializable {

	public CurrentUser {
		managedBrandIds = Set.copyOf(managedBrandIds);
	}

	/** A brand admin or CSM: no partner. */
	public CurrentUser(long id, String username, String displayName, Role role, Set<Long> managedBrandIds) {
		this(id, username, displayName, role, managedBrandIds, null);
	}

	/**
	 * A brand's API key as the rest of the application sees it: it manages its one brand, so the access rule
	 * ({@code programs.ProgramCatalog}) applies to it unchanged, and the history names it {@code api-key:<name>}.
	 * Its id is the key's id negated, so it is never taken for a person's account.
	 */
	public static CurrentUser forApiKey(long keyId, String keyName, long brandId) {
		return new CurrentUser(-keyId, "api-key:" + keyName, keyName, Role.API_KEY, Set.of(brandId));
	}

	public boolean isApiKey() {
		return this.role == Role.API_KEY;
	}

	public boolean isPartner() {
		return this.role == Role.PARTNER;
	}

	/** Runs the service; manages no brand and belongs to no partner. */
	public boolean isOperator() {
		return this.role == Role.OPERATOR;
	}

	/** A brand admin manages their own brand, a CSM the brands assigned to them, a partner none. */
	public boolean manages(long brandId) {
		return this.managedBrandIds.contains(brandId);
	}

}
