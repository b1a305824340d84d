package com.promotracking.apikeys;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

import com.promotracking.audit.ChangeTransactions;
import com.promotracking.audit.Channel;
import com.promotracking.audit.FieldChange;
import com.promotracking.audit.History;
import com.promotracking.audit.HistoryEvent;
import com.promotracking.audit.Outcome;
import com.promotracking.audit.Subject;
import com.promotracking.audit.Subject.SubjectType;
import com.promotracking.kernel.InvalidField;
import com.promotracking.programs.BrandView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The rules of API keys, with the catalog, storage and history mocked and the clock fixed: who may make, list and
 * revoke a brand's keys, what is stored (a hash, never the key), and the history entries, one per program of the
 * brand.
 */
class ApiKeyServiceTest {

	private static final long ACME = 1;

	private static final long GLOBEX = 2;

	private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, Set.of(ACME));

	private static final CurrentUser CAROL = new CurrentUser(8, "carol@csm.example", "Carol Diaz", Role.CSM,
			Set.of(ACME, GLOBEX));

	private static final CurrentUser PAT = new CurrentUser(9, "pat@partner.example", "Pat Lee", Role.PARTNER,
			Set.of(), 5L);

	private static final CurrentUser KEY = CurrentUser.forApiKey(3, "Shop", ACME);

	private static final BrandView ACME_BRAND = new BrandView(ACME, "Acme Outdoor");

	private static final BrandView GLOBEX_BRAND = new BrandView(GLOBEX, "Globex");

	private static final ProgramView ACME_US = new ProgramView(11, "Acme Outdoor US", ACME, "Acme Outdoor");

	private static final ProgramView ACME_FR = new ProgramView(12, "Acme Outdoor FR", ACME, "Acme Outdoor");

	private static final ProgramView GLOBEX_MAIN = new ProgramView(21, "Globex Main", GLOBEX, "Globex");

	private final ProgramCatalog catalog = mock(ProgramCatalog.class);

	private final ApiKeyRepository keys = mock(ApiKeyRepository.class);

	private final History history = mock(History.class);

	private final ApiKeys identities = new ApiKeys(this.keys, Clock.fixed(NOW, ZoneOffset.UTC));

	private final ApiKeyService service = new ApiKeyService(this.catalog, this.keys, this.identities, this.history,
			new ChangeTransactions(mock(PlatformTransactionManager.class), this.history), Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void brandsAndPrograms() {
		given(this.catalog.brandsOf(ALICE)).willReturn(List.of(ACME_BRAND));
		given(this.catalog.brandsOf(CAROL)).willReturn(List.of(ACME_BRAND, GLOBEX_BRAND));
		given(this.catalog.brandsOf(PAT)).willReturn(List.of());
		given(this.catalog.visibleTo(ALICE)).willReturn(List.of(ACME_US, ACME_FR));
		given(this.catalog.visibleTo(CAROL)).willReturn(List.of(ACME_US, ACME_FR, GLOBEX_MAIN));
		given(this.keys.save(any())).willAnswer(call -> {
			ApiKey key = call.getArgument(0);
			ReflectionTestUtils.setField(key, "id", 42L);
			return key;
		});
	}

	// ---------------------------------------------------------------- making

	@Test
	void aBrandAdminsKeyIsForTheirBrandAndOnlyItsHashIsStored() {
		CreatedApiKey created = this.service.create(ALICE, new NewApiKey(null, "  Shop server "), Channel.API);

		ArgumentCaptor<ApiKey> saved = ArgumentCaptor.forClass(ApiKey.class);
		verify(this.keys).save(saved.capture());
		ApiKeyView stored = saved.getValue().toView();
		assertThat(created.secret()).matches("pct_[A-Za-z0-9_-]{43}");
		assertThat(saved.getValue().keyHash()).isEqualTo(ApiKeySecrets.hashOf(created.secret()))
			.doesNotContain(created.secret());
		assertThat(stored.prefix()).isEqualTo(created.secret().substring(0, 12));
		assertThat(stored.brandId()).isEqualTo(ACME);
		assertThat(stored.name()).isEqualTo("Shop server");
		assertThat(stored.createdAt()).isEqualTo(NOW);
		assertThat(stored.createdBy()).isEqualTo("alice@acme.example");
		assertThat(created.key().id()).isEqualTo(42);
		assertThat(created.toString()).doesNotContain(created.secret());
	}

	@Test
	void everyKeyIsNew() {
		String first = this.service.create(ALICE, new NewApiKey(null, "One"), Channel.API).secret();
		String second = this.service.create(ALICE, new NewApiKey(null, "Two"), Channel.API).secret();

		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void makingAKeyIsInTheHistoryOfEachProgramOfTheBrandAndOnlyThere() {
		this.service.create(CAROL, new NewApiKey(ACME, "Shop"), Channel.PAGE);

		ArgumentCaptor<HistoryEvent> events = ArgumentCaptor.forClass(HistoryEvent.class);
		verify(this.history, times(2)).record(events.capture());
		assertThat(events.getAllValues()).extracting(HistoryEvent::program).containsExactly(ACME_US, ACME_FR);
		for (HistoryEvent event : events.getAllValues()) {
			assertThat(event.actor()).isEqualTo(CAROL);
			assertThat(event.channel()).isEqualTo(Channel.PAGE);
			assertThat(event.outcome()).isEqualTo(Outcome.CHANGED);
			assertThat(event.subject()).isEqualTo(new Subject(SubjectType.API_KEY, 42, "Shop"));
			assertThat(event.changes()).containsExactly(java.util.Map.entry("apiKey", new FieldChange(null, "created")));
		}
	}

	@Test
	void aCsmMustNameTheBrand() {
		assertThatThrownBy(() -> this.service.create(CAROL, new NewApiKey(null, "Shop"), Channel.API))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("brandId"));

		verify(this.keys, never()).save(any());
	}

	@Test
	void aBrandTheUserMayNotActForIsNotFound() {
		assertThatThrownBy(() -> this.service.create(ALICE, new NewApiKey(GLOBEX, "Shop"), Channel.API))
			.isInstanceOf(ApiKeyNotFound.class);
		assertThatThrownBy(() -> this.service.create(PAT, new NewApiKey(null, "Shop"), Channel.API))
			.isInstanceOf(ApiKeyNotFound.class);
		assertThatThrownBy(() -> this.service.create(KEY, new NewApiKey(ACME, "Shop"), Channel.API))
			.isInstanceOf(ApiKeyNotFound.class);

		verify(this.keys, never()).save(any());
		verifyNoInteractions(this.history);
	}

	@Test
	void aNameIsRequiredAndShort() {
		assertThatThrownBy(() -> this.service.create(ALICE, new NewApiKey(null, "   "), Channel.API))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("name"));
		assertThatThrownBy(() -> this.service.create(ALICE, new NewApiKey(null, "x".repeat(81)), Channel.API))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("name"));

		verify(this.keys, never()).save(any());
	}

	// ---------------------------------------------------------------- listing

	@Test
	void theListIsOfTheBrandAskedForOrOfAllTheUsersBrands() {
		ApiKey acmeKey = stored(5, ACME, "Acme key");
		ApiKey globexKey = stored(6, GLOBEX, "Globex key");
		given(this.keys.findByBrands(Set.of(ACME))).willReturn(List.of(acmeKey));
		given(this.keys.findByBrands(Set.of(ACME, GLOBEX))).willReturn(List.of(acmeKey, globexKey));

		assertThat(this.service.list(ALICE, null)).extracting(ApiKeyView::name).containsExactly("Acme key");
		assertThat(this.service.list(CAROL, null)).extracting(ApiKeyView::name).containsExactly("Acme key", "Globex key");
		assertThat(this.service.list(CAROL, ACME)).extracting(ApiKeyView::name).containsExactly("Acme key");
		assertThat(this.service.list(PAT, null)).isEmpty();
		assertThat(this.service.list(KEY, null)).isEmpty();
		assertThatThrownBy(() -> this.service.list(ALICE, GLOBEX)).isInstanceOf(ApiKeyNotFound.class);
	}

	@Test
	void theFirstBrandByNameIsThePagesDefault() {
		assertThat(this.service.brand(CAROL, null)).isEqualTo(ACME_BRAND);
		assertThat(this.service.brand(CAROL, GLOBEX)).isEqualTo(GLOBEX_BRAND);
		assertThatThrownBy(() -> this.service.brand(PAT, null)).isInstanceOf(ApiKeyNotFound.class);
	}

	// ---------------------------------------------------------------- revoking

	@Test
	void revokingIsInTheHistoryOfEachProgramOfTheBrand() {
		ApiKey key = stored(5, ACME, "Old server");
		given(this.keys.findForUpdate(5)).willReturn(Optional.of(key));

		ApiKeyView revoked = this.service.revoke(ALICE, 5, Channel.API);

		assertThat(revoked.revokedAt()).isEqualTo(NOW);
		assertThat(revoked.revokedBy()).isEqualTo("alice@acme.example");
		ArgumentCaptor<HistoryEvent> events = ArgumentCaptor.forClass(HistoryEvent.class);
		verify(this.history, times(2)).record(events.capture());
		assertThat(events.getAllValues()).extracting(HistoryEvent::program).containsExactly(ACME_US, ACME_FR);
		assertThat(events.getValue().changes())
			.containsExactly(java.util.Map.entry("apiKey", new FieldChange("active", "revoked")));
	}

	@Test
	void revokingTwiceIsRefusedAndWritesNothing() {
		ApiKey key = stored(5, ACME, "Old server");
		key.revoke("bob@acme.example", NOW.minusSeconds(60));
		given(this.keys.findForUpdate(5)).willReturn(Optional.of(key));

		assertThatThrownBy(() -> this.service.revoke(ALICE, 5, Channel.API)).isInstanceOf(ApiKeyAlreadyRevoked.class);

		verifyNoInteractions(this.history);
	}

	@Test
	void aKeyOfAnotherBrandIsNotFound() {
		given(this.keys.findForUpdate(6)).willReturn(Optional.of(stored(6, GLOBEX, "Globex key")));
		given(this.keys.findForUpdate(5)).willReturn(Optional.of(stored(5, ACME, "Acme key")));

		assertThatThrownBy(() -> this.service.revoke(ALICE, 6, Channel.API)).isInstanceOf(ApiKeyNotFound.class);
		assertThatThrownBy(() -> this.service.revoke(ALICE, 7, Channel.API)).isInstanceOf(ApiKeyNotFound.class);
		assertThatThrownBy(() -> this.service.revoke(PAT, 5, Channel.API)).isInstanceOf(ApiKeyNotFound.class);
		assertThatThrownBy(() -> this.service.revoke(KEY, 5, Channel.API)).isInstanceOf(ApiKeyNotFound.class);

		verifyNoInteractions(this.history);
	}

	@Test
	void aRevokedKeyIsRefusedAtOnceOnThisInstanceThoughItWasRemembered() {
		String secret = ApiKeySecrets.newKey();
		ApiKey key = new ApiKey(ACME, "Shop", ApiKeySecrets.prefixOf(secret), ApiKeySecrets.hashOf(secret), NOW,
				"alice@acme.example");
		ReflectionTestUtils.setField(key, "id", 5L);
		given(this.keys.findActiveByHash(ApiKeySecrets.hashOf(secret))).willReturn(Optional.of(key));
		assertThat(this.identities.identify(secret)).isPresent();
		given(this.keys.findActiveByHash(ApiKeySecrets.hashOf(secret))).willReturn(Optional.empty());
		assertThat(this.identities.identify(secret)).as("remembered").isPresent();
		given(this.keys.findForUpdate(5)).willReturn(Optional.of(key));

		this.service.revoke(ALICE, 5, Channel.API);

		assertThat(this.identities.identify(secret)).isEmpty();
	}

	private static ApiKey stored(long id, long brandId, String name) {
		ApiKey key = new ApiKey(brandId, name, "pct_abcdefgh", "hash-" + id, NOW.minusSeconds(3600), "alice@acme.example");
		ReflectionTestUtils.setField(key, "id", id);
		return key;
	}

}
