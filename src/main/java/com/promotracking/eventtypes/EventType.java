package com.promotracking.eventtypes;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "event_type")
class EventType {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
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

	EventType(long programId, String name, EventTypeKind kind, Instant createdAt) {
		this.programId = programId;
		this.name = name;
		this.kind = kind;
		this.createdAt = createdAt;
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
