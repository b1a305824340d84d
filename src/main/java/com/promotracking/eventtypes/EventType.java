package com.promotracking.eventtypes;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "event_type")
class EventType {

	@Id
	private Long id;

	@Column(name = "program_id")
	private Long programId;

	private String name;

	@Enumerated(EnumType.STRING)
	private EventTypeKind kind;

	@Column(name = "created_at")
	private Instant createdAt;

	protected EventType() {
	}

	Long id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	EventTypeKind kind() {
		return this.kind;
	}

}
