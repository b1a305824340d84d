package com.promotracking.promocodes;

import java.time.DateTimeException;
import java.time.ZoneId;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import com.promotracking.kernel.UnreadableValue;

/**
 * A promo code's time zone as a user gives it: an IANA name (or an offset such as +02:00, which {@link ZoneId}
 * reads too); blank is none, which the service takes for UTC.
 */
final class TimeZones {

	private TimeZones() {
	}

	static ZoneId parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(text.strip());
		}
		catch (DateTimeException ex) {
			throw new UnreadableValue("promoCode.error.timeZone");
		}
	}

	/** The same reading for JSON, so an unknown zone names its field with the same reason as on the page. */
	static final class Json extends ValueDeserializer<ZoneId> {

		@Override
		public ZoneId deserialize(JsonParser parser, DeserializationContext context) {
			return parse(parser.getValueAsString());
		}

	}

}
