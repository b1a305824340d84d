package com.promotracking.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.promotracking.users.CurrentUser;

/** A call authenticated by a brand's API key: the key's identity is the principal, with the role {@code API_KEY}. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	static final String ROLE = "API_KEY";

	private final CurrentUser key;

	ApiKeyAuthentication(CurrentUser key) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
		this.key = key;
		setAuthenticated(true);
	}

	@Override
	public Object getPrincipal() {
		return this.key;
	}

	/** Nothing to hand on: the key was checked, and is never kept in memory after that. */
	@Override
	public Object getCredentials() {
		return null;
	}

	/** {@code api-key:<name>}, as the request log and the history name it. */
	@Override
	public String getName() {
		return this.key.username();
	}

}
