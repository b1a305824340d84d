package com.promotracking.apikeys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.Subject;
import com.promotracking.audit.Subject.SubjectType;
import com.promotracking.kernel.InvalidField;
import com.promotracking.programs.BrandView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

/**
 * A brand's API keys: its brand admin, or a CSM for the brand, makes and revokes them; nobody else sees them. The
 * secret is given once, to whoever made the key, and only its hash is stored ({@link ApiKeySecrets}).
 * <p>
 * Making and revoking a key are in the brand's history. History belongs to programs, so the entry is written into
 * each of the brand's programs: whichever program's history the brand reads shows it, and reading a program's
 * history stays one range of its index.
 */
@Service
class ApiKeyService {

	static final int MAX_NAME = 80;

	private final ProgramCatalog catalog;

	private final ApiKeyRepository keys;

	private final ApiKeys identities;

	private final History history;

	private final ChangeTransactions changes;

	private final Clock clock;

	ApiKeyService(ProgramCatalog catalog, ApiKeyRepository keys, ApiKeys identities, History history,
			ChangeTransactions changes, Clock clock) {
		this.catalog = catalog;
		this.keys = keys;
		this.identities = identities;
		this.history = history;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * The brand the user acts for: the one asked for, if the user may act for it (else {@link ApiKeyNotFound}),
	 * or, when none is asked for, the first of theirs by name (none at all: {@link ApiKeyNotFound}).
	 */
	@Transactional(readOnly = true)
	public BrandView brand(CurrentUser user, Long brandId) {
		List<BrandView> brands = brandsOf(user);
		return brands.stream()
			.filter(brand -> brandId == null || brand.id() == brandId)
			.findFirst()
			.orElseThrow(ApiKeyNotFound::new);
	}

	/** The brands whose keys the user may manage, by name; none for a partner, an operator or a key. */
	@Transactional(readOnly = true)
	public List<BrandView> brandsOf(CurrentUser user) {
		return user.isApiKey() ? List.of() : this.catalog.brandsOf(user);
	}

	/** The keys of one brand, or of all the user's brands when {@code brandId} is null; newest first per brand. */
	@Transactional(readOnly = true)
	public List<ApiKeyView> list(CurrentUser user, Long brandId) {
		Set<Long> brandIds = (brandId != null) ? Set.of(brand(user, brandId).id())
				: (user.isApiKey() ? Set.of() : user.managedBrandIds());
		if (brandIds.isEmpty()) {
			return List.of();
		}
		return this.keys.findByBrands(brandIds).stream().map(ApiKey::toView).toList();
	}

	/**
	 * Makes a key for the brand asked for. A CSM must say which brand, since they act for whichever they are
	 * assigned; a brand admin's key is for their own brand when none is given.
	 */
	public CreatedApiKey create(CurrentUser user, NewApiKey command, Channel channel) {
		return this.changes.run(() -> {
			if (command.brandId() == null && user.role() == Role.CSM) {
				throw new InvalidField("brandId", "apiKeys.error.brandRequired");
			}
			BrandView brand = brand(user, command.brandId());
			String name = (command.name() != null) ? command.name().strip() : "";
			if (name.isEmpty()) {
				throw new InvalidField("name", "apiKeys.error.nameRequired");
			}
			if (name.length() > MAX_NAME) {
				throw new InvalidField("name", "apiKeys.error.nameTooLong");
			}
			String secret = ApiKeySecrets.newKey();
			ApiKey key = this.keys.save(new ApiKey(brand.id(), name, ApiKeySecrets.prefixOf(secret),
					ApiKeySecrets.hashOf(secret), this.clock.instant(), user.username()));
			record(user, brand, channel, key, new FieldChange(null, "created"));
			return new CreatedApiKey(key.toView(), secret);
		});
	}

	/** Revokes a key of a brand the user acts for; calls with it are refused from then on. */
	public ApiKeyView revoke(CurrentUser user, long keyId, Channel channel) {
		ApiKey revoked = this.changes.run(() -> {
			ApiKey key = this.keys.findForUpdate(keyId)
				.filter(found -> !user.isApiKey() && user.manages(found.brandId()))
				.orElseThrow(ApiKeyNotFound::new);
			BrandView brand = brand(user, key.brandId());
			Instant now = this.clock.instant();
			key.revoke(user.username(), now);
			record(user, brand, channel, key, new FieldChange("active", "revoked"));
			return key;
		});
		// Committed: stop honouring it here now, not when this instance would have forgotten it.
		this.identities.forget(revoked.keyHash());
		return revoked.toView();
	}

	private void record(CurrentUser user, BrandView brand, Channel channel, ApiKey key, FieldChange change) {
		Subject subject = new Subject(SubjectType.API_KEY, key.id(), key.name());
		for (ProgramView program : this.catalog.visibleTo(user)) {
			if (program.brandId() == brand.id()) {
				this.history.record(HistoryEvent.changed(program, user, channel, subject, null, Map.of("apiKey", change)));
			}
		}
	}

}
