package com.promotracking.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "promo_code_settings")
class PromoCodeSettings {

	@Id
	@Column(name = "program_id")
	private Long programId;

	@Column(name = "promo_code_tracking_enabled")
	private boolean trackingEnabled;

	@Column(name = "partner_promo_code_requests_allowed")
	private boolean partnerRequestsAllowed;

	// Null until first stored, which is how Spring Data tells a new row from an existing one.
	@Version
	private Long version;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	protected PromoCodeSettings() {
	}

	/** Settings of a program that has never saved any: both off. */
	PromoCodeSettings(long programId) {
		this.programId = programId;
	}

	boolean trackingEnabled() {
		return this.trackingEnabled;
	}

	boolean partnerRequestsAllowed() {
		return this.partnerRequestsAllowed;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	String updatedBy() {
		return this.updatedBy;
	}

	void change(boolean tracking, boolean partnerRequests, String by, Instant at) {
		this.trackingEnabled = tracking;
		this.partnerRequestsAllowed = partnerRequests;
		this.updatedBy = by;
		this.updatedAt = at;
	}

}
