package com.promotracking.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON body is decoded to text here, strictly, before Jackson reads it: in the charset its
 * {@code Content-Type} declares, else the one its byte order mark or its first bytes show (RFC 4627's detection
 * of UTF-8, UTF-16 and UTF-32), else UTF-8. Bytes that are not text in that encoding (an overlong {@code C0 AF},
 * a lone continuation byte, an encoded surrogate) are a 400: Jackson's own UTF-8 reader decodes some of them
 * leniently ({@code C0 AF} as {@code /}). Jackson then reads the text as UTF-8, and the text itself stays with
 * the request ({@link #receivedText}) for whoever keeps a body as it was meant.
 */
@ControllerAdvice
public class JsonBodies extends RequestBodyAdviceAdapter {

	private static final String TEXT = JsonBodies.class.getName() + ".text";

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	/** The JSON body of the current request as decoded, without its byte order mark; empty before or without one. */
	public static String receivedText(HttpServletRequest request) {
		return (request.getAttribute(TEXT) instanceof String text) ? text : "";
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType contentType = message.getHeaders().getContentType();
		byte[] bytes = message.getBody().readAllBytes();
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		String text = decode(bytes, declaredCharset(attributes), message);
		if (attributes != null) {
			attributes.setAttribute(TEXT, text, RequestAttributes.SCOPE_REQUEST);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(message.getHeaders());
		headers.setContentType(new MediaType((contentType != null) ? contentType : MediaType.APPLICATION_JSON,
				StandardCharsets.UTF_8));
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(utf8);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	/**
	 * The charset the client's own {@code Content-Type} names. Not the message's: the servlet request reports
	 * the server's default encoding (UTF-8) when the client names none, and the message adds it to its header.
	 */
	private static @Nullable Charset declaredCharset(@Nullable RequestAttributes attributes) {
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return null;
		}
		String header = servlet.getRequest().getHeader(HttpHeaders.CONTENT_TYPE);
		try {
			return (header != null) ? MediaType.parseMediaType(header).getCharset() : null;
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	/** The text these bytes hold, without a leading byte order mark; a 400 when they hold none. */
	static String decode(byte[] bytes, @Nullable Charset declared, HttpInputMessage message) {
		Charset charset = (declared != null) ? declared : detect(bytes);
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new UndecodableBody(charset, ex, message);
		}
	}

	/** The encoding a byte order mark names, else the one the zero bytes of the first characters show (RFC 4627). */
	static Charset detect(byte[] bytes) {
		int b0 = at(bytes, 0);
		int b1 = at(bytes, 1);
		int b2 = at(bytes, 2);
		int b3 = at(bytes, 3);
		if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
			return Charset.forName("UTF-32BE");
		}
		if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
			return Charset.forName("UTF-32LE");
		}
		if (b0 == 0xFE && b1 == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		if (b0 == 0xFF && b1 == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (bytes.length >= 4) {
			if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
				return Charset.forName("UTF-32BE");
			}
			if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
				return Charset.forName("UTF-32LE");
			}
		}
		if (bytes.length >= 2) {
			if (b0 == 0 && b1 != 0) {
				return StandardCharsets.UTF_16BE;
			}
			if (b0 != 0 && b1 == 0) {
				return StandardCharsets.UTF_16LE;
			}
		}
		return StandardCharsets.UTF_8;
	}

	private static int at(byte[] bytes, int index) {
		return (index < bytes.length) ? bytes[index] & 0xFF : -1;
	}

	/** A body that is not text in its encoding: the client's mistake, answered as an invalid request. */
	static final class UndecodableBody extends HttpMessageNotReadableException {

		UndecodableBody(Charset charset, CharacterCodingException cause, HttpInputMessage message) {
			super("The body is not " + charset.name() + " text", cause, message);
		}

	}

}
