package com.promotracking.apikeys;

import java.time.Instant;

/** A key as lists show it: everything but the secret, which is never stored. Public for the page templates. */
public record ApiKeyView(long id, long brandId, String name, String prefix, Instant createdAt, String createdBy,
		Instant lastUsedAt, Instant revokedAt, String revokedBy) {

	public boolean revoked() {
		return this.revokedAt != null;
	}

}
