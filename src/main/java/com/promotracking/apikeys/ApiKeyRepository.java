package com.promotracking.apikeys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface ApiKeyRepository extends Repository<ApiKey, Long> {

	ApiKey save(ApiKey key);

	@Query("select k from ApiKey k where k.brandId in :brandIds order by k.brandId, k.id desc")
	List<ApiKey> findByBrands(Collection<Long> brandIds);

	/** Locked, so revoking twice at once is refused once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select k from ApiKey k where k.id = :id")
	Optional<ApiKey> findForUpdate(long id);

	/** The key of that hash, if it is not revoked: what a call with a key is checked against. */
	@Transactional(readOnly = true)
	@Query("select k from ApiKey k where k.keyHash = :keyHash and k.revokedAt is null")
	Optional<ApiKey> findActiveByHash(String keyHash);

	/**
	 * Notes a use, unless one was noted since {@code notedBefore}: other instances note the uses of the same key
	 * too, and this keeps them to about one write a minute between them.
	 */
	@Transactional
	@Modifying
	@Query("""
			update ApiKey k set k.lastUsedAt = :now
			where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :notedBefore)""")
	int noteUse(long id, Instant now, Instant notedBefore);

}
