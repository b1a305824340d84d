package com.promotracking.eventtypes;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A conversion received while its event type is tested, and the brand's review of it. */
@Entity
@Table(name = "test_action")
class TestAction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "event_type_id")
	private EventType eventType;

	@Column(name = "order_id")
	private String orderId;

	private BigDecimal amount;

	private String currency;

	@Column(name = "promo_code")
	private String promoCode;

	private String payload;

	@Column(name = "received_at")
	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "review_state")
	private ReviewState reviewState;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "reviewed_by")
	private String reviewedBy;

	@Column(name = "review_comment")
	private String reviewComment;

	@Column(name = "withdrawn_at")
	private Instant withdrawnAt;

	@Column(name = "withdrawn_by")
	private String withdrawnBy;

	@Column(name = "withdrawal_comment")
	private String withdrawalComment;

	protected TestAction() {
	}

	TestAction(EventType eventType, TestConversion conversion, String payload, Instant receivedAt) {
		this.eventType = eventType;
		this.orderId = conversion.orderId();
		this.amount = conversion.amount();
		this.currency = conversion.currency();
		this.promoCode = conversion.promoCode();
		this.payload = payload;
		this.receivedAt = receivedAt;
		this.reviewState = ReviewState.PENDING;
	}

	Long id() {
		return this.id;
	}

	ReviewState reviewState() {
		return this.reviewState;
	}

	String orderId() {
		return this.orderId;
	}

	EventType eventType() {
		return this.eventType;
	}

	/** Approves or rejects a pending action; anything already reviewed is refused. */
	void review(Decision decision, String by, Instant at, String comment) {
		if (this.reviewState != ReviewState.PENDING) {
			throw new AlreadyReviewed();
		}
		this.reviewState = (decision == Decision.APPROVE) ? ReviewState.APPROVED : ReviewState.REJECTED;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.reviewComment = comment;
	}

	void withdrawApproval(String by, Instant at, String comment) {
		if (this.reviewState != ReviewState.APPROVED) {
			throw new NotApproved();
		}
		this.reviewState = ReviewState.WITHDRAWN;
		this.withdrawnBy = by;
		this.withdrawnAt = at;
		this.withdrawalComment = comment;
	}

	TestActionView toView() {
		return new TestActionView(this.id, this.eventType.id(), this.eventType.name(), this.orderId, this.amount,
				this.currency, this.promoCode, this.payload, this.receivedAt, this.reviewState, this.reviewedAt,
				this.reviewedBy, this.reviewComment, this.withdrawnAt, this.withdrawnBy, this.withdrawalComment);
	}

}
