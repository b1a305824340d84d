package com.promotracking.eventtypes;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.promotracking.kernel.PlainSqlRead;

/**
 * Answers "has this program's promo code passed event-type validation?": it has when a test action that
 * carried a non-blank promo code is approved (and not withdrawn) for one of the program's event types.
 */
@Service
@Transactional(readOnly = true)
public class PromoCodeValidations {

	/**
	 * The program's latest approval that carried a promo code. It reads the approved actions alone, from
	 * {@code ix_test_action_approval} (V17), however many tests were rejected.
	 */
	static final String LATEST_APPROVAL = """
			select t.id, t.order_id, t.promo_code, e.id, e.name, t.reviewed_at, t.reviewed_by
			from test_action t join event_type e on e.id = t.event_type_id
			where e.program_id = ? and t.review_state = 'APPROVED'
			  and t.promo_code is not null and trim(t.promo_code) <> ''
			order by t.reviewed_at desc, t.id desc
			fetch first 1 rows only""";

	private final JdbcClient jdbc;

	private final EntityManager entities;

	PromoCodeValidations(JdbcClient jdbc, EntityManager entities) {
		this.jdbc = jdbc;
		this.entities = entities;
	}

	/**
	 * The latest approval that validates the program's promo code, if any. Plain SQL, read straight into what the
	 * settings show: every settings page, settings call and save asks this, and a query through the repository
	 * costs several times the statement itself.
	 */
	@PlainSqlRead
	public Optional<PromoCodeValidation> of(long programId) {
		// A review, withdrawal or deletion of this transaction is still in the persistence context: written first, as
		// a query through JPA would, so the answer counts it.
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			this.entities.flush();
		}
		return this.jdbc.sql(LATEST_APPROVAL)
			.param(programId)
			.query((row, number) -> {
				OffsetDateTime approvedAt = row.getObject(6, OffsetDateTime.class);
				return new PromoCodeValidation(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
						row.getString(5), (approvedAt != null) ? approvedAt.toInstant() : null, row.getString(7));
			})
			.optional();
	}

}
