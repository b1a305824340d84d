package com.promotracking.eventtypes;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "test_action")
class TestAction {

	@Id
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

	@Column(name = "received_at")
	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "review_state")
	private ReviewState reviewState;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "reviewed_by")
	private String reviewedBy;

	protected TestAction() {
	}

	PromoCodeValidation toValidation() {
		return new PromoCodeValidation(this.id, this.orderId, this.promoCode, this.eventType.id(),
				this.eventType.name(), this.reviewedAt, this.reviewedBy);
	}

}
