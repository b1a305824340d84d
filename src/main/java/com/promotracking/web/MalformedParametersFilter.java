package com.promotracking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address whose path is not well-formed UTF-8 once its percent-escapes are decoded ({@code %C0%AF}, an
 * overlong {@code /} that Tomcat's lenient decoder reads as a slash, or {@code %FF}) is refused 400 before any
 * mapping or security rule sees the path. A query string (or form body) the servlet container cannot decode ({@code ?%zz}, {@code ?=}) is the
 * client's mistake: answered 400 here, through the error page (a problem response under {@code /api}), before
 * anything else asks for a parameter. Otherwise the first reader, be it the CSRF filter or the language switch,
 * gets the container's exception, which is then logged as a server error and counted as a 500.
 *
 * <p>It runs inside each security filter chain right after {@link RequestLog}, so the request log records the
 * 400. Not a bean, so the servlet container does not run it a second time.
 */
public final class MalformedParametersFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isUtf8(request.getRequestURI())) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException undecodable) {
			// Tomcat's InvalidParameterException is an IllegalStateException; the message names the parameter
			// as sent, which is the client's and not worth a log line of ours. A form body sent without a length
			// and over Tomcat's form size (server.tomcat.max-http-form-post-size) is one too, with 413.
			boolean tooLarge = undecodable instanceof InvalidParameterException invalid
					&& invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
			response.sendError(tooLarge ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether the path as sent, its escapes decoded, is strict UTF-8: no overlong form, no stray byte. */
	static boolean isUtf8(String rawPath) {
		if (rawPath.indexOf('%') < 0) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
		for (int i = 0; i < rawPath.length(); i++) {
			char c = rawPath.charAt(i);
			if (c == '%' && i + 2 < rawPath.length()) {
				int high = Character.digit(rawPath.charAt(i + 1), 16);
				int low = Character.digit(rawPath.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return false;
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else if (c == '%' || c > 0x7F) {
				return false;
			}
			else {
				bytes.write(c);
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException malformed) {
			return false;
		}
	}

}
