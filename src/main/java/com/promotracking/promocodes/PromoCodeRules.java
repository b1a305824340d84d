package com.promotracking.promocodes;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.kernel.PlainSqlRead;

/** Every code of a program as attribution reads them, and a cheap sign that they changed. Callers have checked access. */
@Service
@Transactional(readOnly = true)
public class PromoCodeRules {

	private final TrackingPromoCodeRepository codes;

	private final JdbcClient jdbc;

	PromoCodeRules(TrackingPromoCodeRepository codes, JdbcClient jdbc) {
		this.codes = codes;
		this.jdbc = jdbc;
	}

	/** All of the program's codes, oldest first, deactivated and expired ones too (a conversion may predate that). */
	public List<PromoCodeRule> of(long programId) {
		return this.codes.rulesOf(programId);
	}

	/**
	 * Changes whenever a code of the program is created or deactivated, whichever instance did it: a counter on the
	 * program's row raised in the same transaction (codes are never deleted or edited otherwise), read by primary
	 * key, so its cost does not grow with the number of codes.
	 */
	@PlainSqlRead
	public long versionOf(long programId) {
		// Plain SQL: every conversion taken asks, and a query through the repository costs several times the statement.
		return this.jdbc.sql("select codes_version from program where id = ?")
			.param(programId)
			.query(Long.class)
			.single();
	}

}
