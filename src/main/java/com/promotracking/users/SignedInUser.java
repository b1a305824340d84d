package com.promotracking.users;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The security principal: Spring Security's user plus the {@link CurrentUser} the application works with. */
class SignedInUser extends User {

	private final CurrentUser currentUser;

	SignedInUser(CurrentUser currentUser, String passwordHash) {
		super(currentUser.username(), passwordHash,
				List.of(new SimpleGrantedAuthority("ROLE_" + currentUser.role().name())));
		this.currentUser = currentUser;
	}

	CurrentUser currentUser() {
		return this.currentUser;
	}

}
