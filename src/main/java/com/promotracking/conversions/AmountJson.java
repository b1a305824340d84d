package com.promotracking.conversions;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import com.promotracking.kernel.UnreadableValue;

/**
 * An amount sent as a JSON number or as a string ({@code 12.5}, {@code "12.50"}), read exactly as written, never
 * through a double. Anything else is refused with its reason on the field.
 */
final class AmountJson extends ValueDeserializer<BigDecimal> {

	@Override
	public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
			return parser.getDecimalValue();
		}
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			try {
				return new BigDecimal(parser.getString().strip());
			}
			catch (NumberFormatException ex) {
				throw new UnreadableValue("conversion.error.amount");
			}
		}
		throw new UnreadableValue("conversion.error.amount");
	}

}
