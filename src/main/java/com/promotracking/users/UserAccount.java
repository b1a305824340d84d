package com.promotracking.users;

import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	private Long id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "display_name")
	private String displayName;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "brand_id")
	private Long brandId;

	@Column(name = "partner_id")
	private Long partnerId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "csm_assignment", joinColumns = @JoinColumn(name = "csm_id"))
	@Column(name = "brand_id")
	private Set<Long> assignedBrandIds;

	protected UserAccount() {
	}

	String passwordHash() {
		return this.passwordHash;
	}

	CurrentUser toCurrentUser() {
		Set<Long> managed = switch (this.role) {
			case BRAND_ADMIN -> Set.of(this.brandId);
			case CSM -> this.assignedBrandIds;
			case PARTNER, OPERATOR, API_KEY -> Set.of();
		};
		return new CurrentUser(this.id, this.username, this.displayName, this.role, managed, this.partnerId);
	}

}
