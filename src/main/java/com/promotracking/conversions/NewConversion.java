package com.promotracking.conversions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A conversion to record, as read from the API. A null {@code occurredAt} means the time it is received. */
record NewConversion(String orderId, long eventTypeId, Instant occurredAt, BigDecimal amount, String currency,
		String promoCode, List<Click> clicks) {

	NewConversion {
		// The database keeps microseconds: a retry is compared with what was stored.
		occurredAt = (occurredAt != null) ? occurredAt.truncatedTo(ChronoUnit.MICROS) : null;
		clicks = (clicks != null)
				? clicks.stream().map(click -> new Click(click.partnerId(), click.at().truncatedTo(ChronoUnit.MICROS))).toList()
				: List.of();
		promoCode = (promoCode != null && !promoCode.isBlank()) ? promoCode : null;
	}

}
