package com.promotracking.programs;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class Brand {

	@Id
	private Long id;

	private String name;

	protected Brand() {
	}

	Long id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

}
