package com.promotracking.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "promo_code_request")
class PromoCodeRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "program_id")
	private long programId;

	@Column(name = "partner_id")
	private long partnerId;

	/** The suggested codes, in the partner's order. */
	@ElementCollection
	@CollectionTable(name = "promo_code_request_code", joinColumns = @JoinColumn(name = "request_id"))
	@OrderColumn(name = "code_order")
	@Column(name = "code")
	@BatchSize(size = 50)
	private List<String> suggestedCodes;

	@Column(name = "date_needed")
	private LocalDate dateNeeded;

	private String instructions;

	@Enumerated(EnumType.STRING)
	private RequestState state;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decision_comment")
	private String decisionComment;

	@Column(name = "approved_code")
	private String approvedCode;

	@Column(name = "promo_code_id")
	private Long promoCodeId;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "completed_by")
	private String completedBy;

	protected PromoCodeRequest() {
	}

	PromoCodeRequest(long programId, long partnerId, List<String> suggestedCodes, LocalDate dateNeeded,
			String instructions, Instant createdAt, String createdBy) {
		this.programId = programId;
		this.partnerId = partnerId;
		this.suggestedCodes = new ArrayList<>(suggestedCodes);
		this.dateNeeded = dateNeeded;
		this.instructions = instructions;
		this.state = RequestState.OPEN;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	Long id() {
		return this.id;
	}

	long partnerId() {
		return this.partnerId;
	}

	RequestState state() {
		return this.state;
	}

	List<String> suggestedCodes() {
		return List.copyOf(this.suggestedCodes);
	}

	void approve(String code, long promoCodeId, String by, Instant at, String comment) {
		requireOpen();
		this.state = RequestState.APPROVED;
		this.approvedCode = code;
		this.promoCodeId = promoCodeId;
		decided(by, at, comment);
	}

	void reject(String by, Instant at, String comment) {
		requireOpen();
		this.state = RequestState.REJECTED;
		decided(by, at, comment);
	}

	void complete(String by, Instant at) {
		if (this.state != RequestState.APPROVED && this.state != RequestState.REJECTED) {
			throw new RequestNotDecided();
		}
		this.state = RequestState.COMPLETED;
		this.completedBy = by;
		this.completedAt = at;
	}

	void requireOpen() {
		if (this.state != RequestState.OPEN) {
			throw new RequestAlreadyDecided();
		}
	}

	private void decided(String by, Instant at, String comment) {
		this.decidedBy = by;
		this.decidedAt = at;
		this.decisionComment = comment;
	}

	RequestView toView(String partnerName) {
		return new RequestView(this.id, this.programId, this.partnerId, partnerName, suggestedCodes(), this.dateNeeded,
				this.instructions, this.state, this.createdAt, this.createdBy, this.decidedAt, this.decidedBy,
				this.decisionComment, this.approvedCode, this.promoCodeId, this.completedAt, this.completedBy);
	}

}
