package com.promotracking.apikeys;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key as stored: its name, its non-secret prefix and the hash of the whole key, never the key. */
@Entity
@Table(name = "api_key")
class ApiKey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "brand_id")
	private long brandId;

	private String name;

	@Column(name = "key_prefix")
	private String keyPrefix;

	@Column(name = "key_hash")
	private String keyHash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by")
	private String revokedBy;

	protected ApiKey() {
	}

	ApiKey(long brandId, String name, String keyPrefix, String keyHash, Instant createdAt, String createdBy) {
		this.brandId = brandId;
		this.name = name;
		this.keyPrefix = keyPrefix;
		this.keyHash = keyHash;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	Long id() {
		return this.id;
	}

	long brandId() {
		return this.brandId;
	}

	String name() {
		return this.name;
	}

	String keyHash() {
		return this.keyHash;
	}

	Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	boolean revoked() {
		return this.revokedAt != null;
	}

	void revoke(String by, Instant at) {
		if (revoked()) {
			throw new ApiKeyAlreadyRevoked();
		}
		this.revokedBy = by;
		this.revokedAt = at;
	}

	ApiKeyView toView() {
		return new ApiKeyView(this.id, this.brandId, this.name, this.keyPrefix, this.createdAt, this.createdBy,
				this.lastUsedAt, this.revokedAt, this.revokedBy);
	}

}
