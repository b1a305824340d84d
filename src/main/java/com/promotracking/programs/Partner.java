package com.promotracking.programs;

import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

@Entity
class Partner {

	@Id
	private Long id;

	private String name;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "program_partner", joinColumns = @JoinColumn(name = "partner_id"))
	@Column(name = "program_id")
	private Set<Long> programIds;

	protected Partner() {
	}

	Long id() {
		return this.id;
	}

	PartnerView toView() {
		return new PartnerView(this.id, this.name);
	}

}
