package com.promotracking.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import com.promotracking.users.CurrentUser;

/**
 * Who a call's API key stands for ({@code Authorization: Bearer <key>}, read by {@code security}), cheaply: a
 * hash and an index lookup, never BCrypt, and the keys checked lately are remembered for {@link #REMEMBERED_FOR}
 * so a busy client's calls mostly read nothing. A key revoked on this instance is forgotten at once; one revoked
 * on another instance is still accepted here until it is forgotten, {@link #REMEMBERED_FOR} at most. Unknown and
 * revoked keys are never remembered, so a key is honoured on every instance as soon as it is made.
 * <p>
 * When a key was last used is written at most once per {@link #NOTE_USE_EVERY} per key: lists show it to the
 * minute, and writing it on every call would make each call a write.
 */
@Component
public class ApiKeys {

	static final Duration REMEMBERED_FOR = Duration.ofSeconds(30);

	static final Duration NOTE_USE_EVERY = Duration.ofMinutes(1);

	/** Bounds the memory; far more keys than calls a server sees in {@link #REMEMBERED_FOR}. */
	static final int MAX_REMEMBERED = 10_000;

	private final ApiKeyRepository keys;

	private final Clock clock;

	private final Cache<String, Identity> recent = Caffeine.newBuilder()
		.maximumSize(MAX_REMEMBERED)
		.expireAfterWrite(REMEMBERED_FOR)
		.build();

	ApiKeys(ApiKeyRepository keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** The identity the key acts as, or empty when it is malformed, unknown or revoked. */
	public Optional<CurrentUser> identify(String key) {
		if (!ApiKeySecrets.wellFormed(key)) {
			return Optional.empty();
		}
		// A null from the loader is not remembered: the next call with an unknown key reads again.
		Identity identity = this.recent.get(ApiKeySecrets.hashOf(key),
				hash -> this.keys.findActiveByHash(hash).map(Identity::of).orElse(null));
		if (identity == null) {
			return Optional.empty();
		}
		noteUse(identity);
		return Optional.of(identity.user());
	}

	/** Stops honouring the key on this instance at once, rather than when it would be forgotten. */
	void forget(String keyHash) {
		this.recent.invalidate(keyHash);
	}

	private void noteUse(Identity identity) {
		Instant now = this.clock.instant();
		Instant noted = identity.lastNoted().get();
		if (noted != null && now.isBefore(noted.plus(NOTE_USE_EVERY))) {
			return;
		}
		// Only the call that moves the time on writes; the others meanwhile carry on.
		if (identity.lastNoted().compareAndSet(noted, now)) {
			this.keys.noteUse(identity.keyId(), now, now.minus(NOTE_USE_EVERY));
		}
	}

	/** A key as remembered: who it acts as, and when this instance last noted a use of it. */
	private record Identity(long keyId, CurrentUser user, AtomicReference<Instant> lastNoted) {

		static Identity of(ApiKey key) {
			return new Identity(key.id(), CurrentUser.forApiKey(key.id(), key.name(), key.brandId()),
					new AtomicReference<>(key.lastUsedAt()));
		}

	}

}
