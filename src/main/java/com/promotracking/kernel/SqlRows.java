package com.promotracking.kernel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** What the stores read from a row of plain SQL the same way. */
public final class SqlRows {

	private SqlRows() {
	}

	/**
	 * A {@code timestamp with time zone} column as an instant, or null: read as an {@code OffsetDateTime}, which H2
	 * and PostgreSQL both give back for that type whatever the session's time zone.
	 */
	public static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
