package com.promotracking.sessions;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's sign-in is deserialised once and handed to each request in a context of its own, its CSRF token is
 * deserialised once and shared; other bytes, and every other attribute, are read as stored.
 */
class SessionAttributeDeserializationCacheTest {

	private final SerializingConverter serializer = new SerializingConverter();

	private final SessionAttributeDeserializationCache reader = new SessionAttributeDeserializationCache(
			getClass().getClassLoader());

	@Test
	void theSameStoredSignInIsReadOnceAndEachRequestGetsItsOwnContext() {
		byte[] stored = this.serializer.convert(signedIn("alice@acme.example"));

		SecurityContext first = (SecurityContext) this.reader.convert(stored);
		SecurityContext second = (SecurityContext) this.reader.convert(stored.clone());

		assertThat(first.getAuthentication().getName()).isEqualTo("alice@acme.example");
		assertThat(first.getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_BRAND_ADMIN");
		assertThat(second.getAuthentication()).as("deserialised once").isSameAs(first.getAuthentication());
		assertThat(second).isNotSameAs(first);

		first.setAuthentication(null);
		assertThat(((SecurityContext) this.reader.convert(stored)).getAuthentication())
			.as("a sign-out clearing one request's context leaves the next request's signed in")
			.isSameAs(second.getAuthentication());
	}

	@Test
	void otherBytesAreAnotherSignIn() {
		SecurityContext alice = (SecurityContext) this.reader
			.convert(this.serializer.convert(signedIn("alice@acme.example")));
		SecurityContext carol = (SecurityContext) this.reader
			.convert(this.serializer.convert(signedIn("carol@csm.example")));

		assertThat(alice.getAuthentication().getName()).isEqualTo("alice@acme.example");
		assertThat(carol.getAuthentication().getName()).isEqualTo("carol@csm.example");
	}

	@Test
	void theSameStoredCsrfTokenIsReadOnceAndAnotherTokenAfresh() {
		byte[] token = this.serializer.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc"));
		byte[] another = this.serializer.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "def"));

		Object first = this.reader.convert(token);
		Object second = this.reader.convert(token.clone());

		assertThat(first).isInstanceOf(DefaultCsrfToken.class)
			.extracting(read -> ((DefaultCsrfToken) read).getToken())
			.isEqualTo("abc");
		assertThat(second).as("deserialised once").isSameAs(first);
		assertThat(((DefaultCsrfToken) this.reader.convert(another)).getToken()).isEqualTo("def");
	}

	@Test
	void otherAttributesAndAnEmptyContextAreReadAsStoredEachTime() {
		byte[] other = this.serializer.convert(new ArrayList<>(List.of("saved", "request")));
		byte[] empty = this.serializer.convert(new SecurityContextImpl());

		Object first = this.reader.convert(other);
		Object second = this.reader.convert(other);

		assertThat(first).isEqualTo(List.of("saved", "request"));
		assertThat(second).as("not kept").isNotSameAs(first).isEqualTo(first);
		assertThat(((SecurityContext) this.reader.convert(empty)).getAuthentication()).isNull();
		assertThat(((SecurityContext) this.reader.convert(empty))).as("an empty context is not kept")
			.isNotSameAs(this.reader.convert(empty));
	}

	private static SecurityContext signedIn(String username) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null,
				List.of(new SimpleGrantedAuthority("ROLE_BRAND_ADMIN"))));
	}

}
