package com.promotracking.users;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class VerifiedCredentialsTest {

	private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(4);

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(1L));

	private final AccountDetailsService accounts = mock(AccountDetailsService.class);

	private final LoginThrottle throttle = mock(LoginThrottle.class);

	private final VerifiedCredentials credentials = new VerifiedCredentials(this.accounts, ENCODER, this.throttle);

	@BeforeEach
	void aliceHasAPassword() {
		given(this.accounts.loadUserByUsername("alice@acme.example"))
			.willAnswer(call -> new SignedInUser(ALICE, ENCODER.encode("alice-demo-pass")));
	}

	@Test
	void theSameLoginAndPasswordAreCheckedAgainstTheHashOnceThenRemembered() {
		Authentication first = this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));
		Authentication second = this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));

		assertThat(first.isAuthenticated()).isTrue();
		assertThat(second.getPrincipal()).isSameAs(first.getPrincipal());
		verify(this.accounts, times(1)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void aWrongPasswordIsNeverRememberedSoEachAttemptIsCheckedAndFails() {
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "guess")))
				.isInstanceOf(BadCredentialsException.class);
		}
		verify(this.accounts, times(2)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void anotherPasswordForARememberedLoginIsCheckedAgainstTheHash() {
		this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));

		assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "alice-demo-pas")))
			.isInstanceOf(BadCredentialsException.class);
		verify(this.accounts, times(2)).loadUserByUsername("alice@acme.example");
	}

	@Test
	void aLoginLockedAfterItsPasswordWasRememberedIsRefusedAllTheSame() {
		this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass"));
		given(this.throttle.isLocked("alice@acme.example")).willReturn(true);

		assertThatThrownBy(() -> this.credentials.authenticate(login("alice@acme.example", "alice-demo-pass")))
			.isInstanceOf(LockedException.class);
	}

	private static UsernamePasswordAuthenticationToken login(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

}
