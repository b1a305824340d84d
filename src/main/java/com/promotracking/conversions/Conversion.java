package com.promotracking.conversions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A stored conversion and the attribution it was given when it arrived. */
record Conversion(long id, long programId, String orderId, long eventTypeId, Instant occurredAt, Instant receivedAt,
		BigDecimal amount, String currency, String promoCode, List<Click> clicks, Attribution attribution) {

	Conversion {
		clicks = List.copyOf(clicks);
	}

	/**
	 * Whether {@code retry} is this conversion sent again. An amount is compared as a number (10 and 10.00 are
	 * one amount); a retry without {@code occurredAt} matches whatever time the first one was given.
	 */
	boolean sameAs(NewConversion retry) {
		return this.orderId.equals(retry.orderId()) && this.eventTypeId == retry.eventTypeId()
				&& (retry.occurredAt() == null || this.occurredAt.equals(retry.occurredAt()))
				&& this.amount.compareTo(retry.amount()) == 0 && this.currency.equals(retry.currency())
				&& Objects.equals(this.promoCode, retry.promoCode()) && this.clicks.equals(retry.clicks());
	}

	/** The clicks as the column keeps them: {@code partnerId@instant}, separated by spaces. */
	static String clicksText(List<Click> clicks) {
		StringBuilder text = new StringBuilder();
		for (Click click : clicks) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(click.partnerId()).append('@').append(click.at());
		}
		return text.toString();
	}

	static List<Click> clicksOf(String text) {
		List<Click> clicks = new ArrayList<>();
		if (text != null && !text.isEmpty()) {
			for (String click : text.split(" ")) {
				int at = click.indexOf('@');
				clicks.add(new Click(Long.parseLong(click.substring(0, at)), Instant.parse(click.substring(at + 1))));
			}
		}
		return clicks;
	}

}
