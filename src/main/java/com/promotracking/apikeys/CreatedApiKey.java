package com.promotracking.apikeys;

/** A key just made, with its secret: the one time the secret is ever shown. */
public record CreatedApiKey(ApiKeyView key, String secret) {

	@Override
	public String toString() {
		// Keeps the secret out of logs and failure messages.
		return "CreatedApiKey[" + this.key + "]";
	}

}
