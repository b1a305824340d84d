package com.promotracking.users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final LoginThrottle throttle;

	AccountDetailsService(UserAccountRepository accounts, LoginThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		if (this.throttle.isLocked(username)) {
			// Locked whether the login exists or not, so the answer tells an attacker nothing about accounts.
			return User.withUsername(username).password("{noop}").accountLocked(true).authorities("NONE").build();
		}
		return this.accounts.findByUsernameIgnoreCase(username.strip())
			.map(account -> new SignedInUser(account.toCurrentUser(), account.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
