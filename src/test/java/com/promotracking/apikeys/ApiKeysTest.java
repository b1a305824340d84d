package com.promotracking.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Checking a call's key: its identity, what is read from the database, and how seldom its use is written. */
class ApiKeysTest {

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	private final ApiKeyRepository keys = mock(ApiKeyRepository.class);

	private final MovableClock clock = new MovableClock(NOW);

	private final ApiKeys identities = new ApiKeys(this.keys, this.clock);

	private final String secret = ApiKeySecrets.newKey();

	private void stored(Instant lastUsedAt) {
		ApiKey key = new ApiKey(1, "Shop", ApiKeySecrets.prefixOf(this.secret), ApiKeySecrets.hashOf(this.secret),
				NOW.minusSeconds(3600), "alice@acme.example");
		ReflectionTestUtils.setField(key, "id", 5L);
		ReflectionTestUtils.setField(key, "lastUsedAt", lastUsedAt);
		given(this.keys.findActiveByHash(ApiKeySecrets.hashOf(this.secret))).willReturn(Optional.of(key));
	}

	@Test
	void aKeyActsAsItsBrandUnderItsName() {
		stored(null);

		CurrentUser identity = this.identities.identify(this.secret).orElseThrow();

		assertThat(identity.role()).isEqualTo(Role.API_KEY);
		assertThat(identity.username()).isEqualTo("api-key:Shop");
		assertThat(identity.managedBrandIds()).containsExactly(1L);
		assertThat(identity.id()).isNegative();
		assertThat(identity.partnerId()).isNull();
	}

	@Test
	void aKeyIsReadOnceWhileRemembered() {
		stored(null);

		for (int call = 0; call < 5; call++) {
			assertThat(this.identities.identify(this.secret)).isPresent();
		}

		verify(this.keys, times(1)).findActiveByHash(anyString());
	}

	@Test
	void malformedKeysAreRefusedWithoutReadingAndUnknownOnesAreReadEachTime() {
		for (String malformed : new String[] { null, "", "pct_", "abc", this.secret.substring(4), this.secret + "x",
				"pct_" + "!".repeat(43) }) {
			assertThat(this.identities.identify(malformed)).as(String.valueOf(malformed)).isEmpty();
		}
		verify(this.keys, never()).findActiveByHash(anyString());

		assertThat(this.identities.identify(this.secret)).isEmpty();
		assertThat(this.identities.identify(this.secret)).isEmpty();
		verify(this.keys, times(2)).findActiveByHash(anyString());
	}

	@Test
	void useIsWrittenAtMostOnceAMinute() {
		stored(null);

		this.identities.identify(this.secret);
		this.identities.identify(this.secret);
		this.clock.move(Duration.ofSeconds(59));
		this.identities.identify(this.secret);
		verify(this.keys, times(1)).noteUse(5, NOW, NOW.minus(ApiKeys.NOTE_USE_EVERY));

		this.clock.move(Duration.ofSeconds(1));
		this.identities.identify(this.secret);
		Instant later = NOW.plusSeconds(60);
		verify(this.keys).noteUse(5, later, later.minus(ApiKeys.NOTE_USE_EVERY));
	}

	@Test
	void aUseNotedLatelyIsNotWrittenAgain() {
		stored(NOW.minusSeconds(10));

		this.identities.identify(this.secret);

		verify(this.keys, never()).noteUse(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.any());
	}

	@Test
	void keysAreRecognisableAndTheirHashIsSha256() {
		assertThat(this.secret).startsWith("pct_").hasSize(47);
		assertThat(ApiKeySecrets.wellFormed(this.secret)).isTrue();
		assertThat(ApiKeySecrets.hashOf("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	/** A clock the test moves on. */
	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
