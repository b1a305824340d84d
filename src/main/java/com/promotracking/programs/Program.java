package com.promotracking.programs;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
class Program {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "brand_id")
	private Brand brand;

	private String name;

	protected Program() {
	}

	ProgramView toView() {
		return new ProgramView(this.id, this.name, this.brand.id(), this.brand.name());
	}

}
