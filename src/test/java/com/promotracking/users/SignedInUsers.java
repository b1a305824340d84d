package com.promotracking.users;

import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * For web tests. {@link #authenticationOf} is the authentication a user has after signing in, carrying their
 * {@link CurrentUser}; importing this class into a web slice lets controllers take a {@link CurrentUser}
 * parameter and gives pages their {@code currentUser}.
 */
@Import(CurrentUserWebConfig.class)
public final class SignedInUsers {

	private SignedInUsers() {
	}

	public static Authentication authenticationOf(CurrentUser user) {
		SignedInUser principal = new SignedInUser(user, "{noop}unused");
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

}
