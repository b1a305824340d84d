package com.promotracking.apikeys;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.promotracking.audit.Channel;
import com.promotracking.users.CurrentUser;

/**
 * A brand's API keys over JSON. The key itself is in the answer to its creation only; lists never carry it.
 * Revoking a revoked key is a 409 {@code api-key-already-revoked}, as deactivating a promo code twice is, so a
 * script learns that its key had already been revoked by someone else.
 */
@RestController
class ApiKeyApiController {

	private static final String PATH = "/api/api-keys";

	private final ApiKeyService keys;

	ApiKeyApiController(ApiKeyService keys) {
		this.keys = keys;
	}

	@GetMapping(PATH)
	List<ApiKeyResponse> list(@RequestParam(required = false) Long brandId, CurrentUser user) {
		return this.keys.list(user, brandId).stream().map(ApiKeyResponse::of).toList();
	}

	@PostMapping(PATH)
	ResponseEntity<CreatedApiKeyResponse> create(@RequestBody @Valid NewApiKey request, CurrentUser user) {
		CreatedApiKey created = this.keys.create(user, request, Channel.API);
		return ResponseEntity.status(HttpStatus.CREATED)
			// The key is in this answer: no cache on the way may keep it.
			.header("Cache-Control", "no-store")
			.body(CreatedApiKeyResponse.of(created));
	}

	@DeleteMapping(PATH + "/{keyId}")
	ResponseEntity<Void> revoke(@PathVariable long keyId, CurrentUser user) {
		this.keys.revoke(user, keyId, Channel.API);
		return ResponseEntity.noContent().build();
	}

	record CreatedApiKeyResponse(long id, String name, String key, Instant createdAt, long brandId, String prefix) {

		static CreatedApiKeyResponse of(CreatedApiKey created) {
			ApiKeyView key = created.key();
			return new CreatedApiKeyResponse(key.id(), key.name(), created.secret(), key.createdAt(), key.brandId(),
					key.prefix());
		}

		@Override
		public String toString() {
			return "CreatedApiKeyResponse[id=" + this.id + ", name=" + this.name + "]";
		}

	}

	record ApiKeyResponse(long id, String name, long brandId, String prefix, Instant createdAt, String createdBy,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt, @Nullable String revokedBy) {

		static ApiKeyResponse of(ApiKeyView key) {
			return new ApiKeyResponse(key.id(), key.name(), key.brandId(), key.prefix(), key.createdAt(),
					key.createdBy(), key.lastUsedAt(), key.revokedAt(), key.revokedBy());
		}

	}

}
