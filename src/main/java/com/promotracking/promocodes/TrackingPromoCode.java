package com.promotracking.promocodes;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "promo_code")
class TrackingPromoCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "program_id")
	private long programId;

	@Column(name = "partner_id")
	private long partnerId;

	private String code;

	@Column(name = "code_key")
	private String codeKey;

	@Enumerated(EnumType.STRING)
	@Column(name = "match_type")
	private MatchType matchType;

	@Enumerated(EnumType.STRING)
	@Column(name = "credit_policy")
	private CreditPolicy creditPolicy;

	@Column(name = "starts_at")
	private Instant startsAt;

	@Column(name = "ends_at")
	private Instant endsAt;

	@Column(name = "time_zone")
	private String timeZone;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "deactivated_at")
	private Instant deactivatedAt;

	@Column(name = "deactivated_by")
	private String deactivatedBy;

	/** The import that created it, if one did (its entry in the history is about that import). */
	@Column(name = "import_id", updatable = false, insertable = false)
	private Long importId;

	protected TrackingPromoCode() {
	}

	TrackingPromoCode(long programId, long partnerId, String code, MatchType matchType, CreditPolicy creditPolicy,
			Instant startsAt, Instant endsAt, String timeZone, Instant createdAt, String createdBy) {
		this.programId = programId;
		this.partnerId = partnerId;
		this.code = code;
		this.codeKey = keyOf(code, matchType);
		this.matchType = matchType;
		this.creditPolicy = creditPolicy;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.timeZone = timeZone;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	/** Exact codes are one code whatever their case; regexes are compared as written. */
	static String keyOf(String code, MatchType matchType) {
		return (matchType == MatchType.EXACT) ? "exact:" + code.toLowerCase(Locale.ROOT) : "regex:" + code;
	}

	Long id() {
		return this.id;
	}

	long partnerId() {
		return this.partnerId;
	}

	String code() {
		return this.code;
	}

	MatchType matchType() {
		return this.matchType;
	}

	boolean deactivated() {
		return this.deactivatedAt != null;
	}

	void deactivate(String by, Instant at) {
		if (deactivated()) {
			throw new AlreadyDeactivated();
		}
		this.deactivatedBy = by;
		this.deactivatedAt = at;
	}

	PromoCodeState stateAt(Instant now) {
		return PromoCodeState.at(this.startsAt, this.endsAt, this.deactivatedAt, now);
	}

	PromoCodeView toView(String partnerName, Instant now) {
		return new PromoCodeView(this.id, this.programId, this.partnerId, partnerName, this.code, this.matchType,
				this.creditPolicy, this.startsAt, this.endsAt, this.timeZone, stateAt(now), this.createdAt,
				this.createdBy, this.deactivatedAt, this.deactivatedBy, this.importId);
	}

}
