package com.promotracking.eventtypes;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A test action's payload in an answer: embedded as the JSON it is when it is one well-formed JSON value, and
 * otherwise as a JSON string holding the stored text. Payloads are kept as the text that was meant since they
 * are decoded strictly, but earlier versions kept some re-read in the wrong encoding (NUL bytes, a byte order
 * mark), and embedding those raw made the whole answer invalid JSON.
 */
final class PayloadJson extends ValueSerializer<String> {

	private static final JsonFactory STRICT = new JsonFactory();

	@Override
	public void serialize(String payload, JsonGenerator generator, SerializationContext context) {
		if (isOneJsonValue(payload)) {
			generator.writeRawValue(payload);
		}
		else {
			generator.writeString(payload);
		}
	}

	/** Exactly one JSON value, with nothing but JSON whitespace around it. */
	static boolean isOneJsonValue(String text) {
		if (text.isEmpty() || text.charAt(0) == '\uFEFF') {
			return false;
		}
		try (JsonParser parser = STRICT.createParser(ObjectReadContext.empty(), text)) {
			if (parser.nextToken() == null) {
				return false;
			}
			parser.skipChildren();
			return parser.nextToken() == null;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
