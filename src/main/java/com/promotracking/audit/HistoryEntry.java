package com.promotracking.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.promotracking.users.Role;

@Entity
@Table(name = "history_entry")
class HistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "program_id")
	private long programId;

	@Column(name = "acting_for_brand_id")
	private long actingForBrandId;

	@Column(name = "acting_for_brand_name")
	private String actingForBrandName;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	@Column(name = "actor_role")
	private Role actorRole;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	@Column(name = "problem_type")
	private String problemType;

	@Enumerated(EnumType.STRING)
	@Column(name = "subject_type")
	private Subject.SubjectType subjectType;

	@Column(name = "subject_id")
	private long subjectId;

	@Column(name = "subject_label")
	private String subjectLabel;

	private String comment;

	/** The field changes as a JSON object: field → {"from", "to"}. */
	private String changes;

	protected HistoryEntry() {
	}

	HistoryEntry(long programId, long actingForBrandId, String actingForBrandName, Instant occurredAt, String actor, Role actorRole,
			Channel channel, Outcome outcome, String problemType, Subject subject, String comment, String changes) {
		this.programId = programId;
		this.actingForBrandId = actingForBrandId;
		this.actingForBrandName = actingForBrandName;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.actorRole = actorRole;
		this.channel = channel;
		this.outcome = outcome;
		this.problemType = problemType;
		this.subjectType = subject.type();
		this.subjectId = subject.id();
		this.subjectLabel = subject.label();
		this.comment = comment;
		this.changes = changes;
	}

	Long id() {
		return this.id;
	}

	long actingForBrandId() {
		return this.actingForBrandId;
	}

	String actingForBrandName() {
		return this.actingForBrandName;
	}

	Instant occurredAt() {
		return this.occurredAt;
	}

	String actor() {
		return this.actor;
	}

	Role actorRole() {
		return this.actorRole;
	}

	Channel channel() {
		return this.channel;
	}

	Outcome outcome() {
		return this.outcome;
	}

	String problemType() {
		return this.problemType;
	}

	Subject subject() {
		return new Subject(this.subjectType, this.subjectId, this.subjectLabel);
	}

	String comment() {
		return this.comment;
	}

	String changes() {
		return this.changes;
	}

}
