package com.promotracking.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.converter.HttpMessageNotReadableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

	private static final String JSON = "{\"note\":\"café ✓\"}";

	@ParameterizedTest
	@ValueSource(strings = { "UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE" })
	void detectsTheUnicodeEncodingsOfJsonWithAndWithoutAByteOrderMark(String name) {
		Charset charset = Charset.forName(name);

		assertThat(JsonBodies.decode(JSON.getBytes(charset), null, null)).isEqualTo(JSON);
		assertThat(JsonBodies.decode(("\uFEFF" + JSON).getBytes(charset), null, null)).isEqualTo(JSON);
	}

	@Test
	void readsTheDeclaredCharset() {
		byte[] latin1 = "{\"note\":\"café\"}".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(JsonBodies.decode(latin1, StandardCharsets.ISO_8859_1, null)).isEqualTo("{\"note\":\"café\"}");
		assertThatThrownBy(() -> JsonBodies.decode(latin1, null, null))
			.isInstanceOf(HttpMessageNotReadableException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "C0AF", "E080AF", "F0808080", "80", "BF", "EDA080", "EDBFBF", "F4908080", "F888808080",
			"E282", "FE", "FF" })
	void refusesMalformedUtf8InsteadOfDecodingItLeniently(String hex) {
		byte[] body = ("{\"a\":\"x" + new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1) + "y\"}")
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThatThrownBy(() -> JsonBodies.decode(body, StandardCharsets.UTF_8, null))
			.isInstanceOf(JsonBodies.UndecodableBody.class);
		assertThatThrownBy(() -> JsonBodies.decode(body, null, null)).isInstanceOf(JsonBodies.UndecodableBody.class);
	}

	@Test
	void refusesAnUnpairedSurrogateInUtf16() {
		byte[] body = "{\"a\":\"\uD800\"}".getBytes(StandardCharsets.UTF_16BE);
		body[body.length - 6] = (byte) 0xD8;
		body[body.length - 5] = 0x00;

		assertThatThrownBy(() -> JsonBodies.decode(body, null, null)).isInstanceOf(JsonBodies.UndecodableBody.class);
	}

}
