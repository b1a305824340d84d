package com.promotracking.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.kernel.ProblemTypes;

/**
 * Writes a translated problem response straight to the servlet response, for the places that answer API
 * calls outside a controller: the authentication entry point and the error page.
 */
@Component
public class ProblemWriter {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemWriter(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public void write(HttpServletResponse response, HttpStatus status, String type, String instance, Locale locale)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(ProblemTypes.of(type));
		problem.setTitle(this.messages.getMessage("problem." + type + ".title", null, status.getReasonPhrase(), locale));
		problem.setDetail(this.messages.getMessage("problem." + type + ".detail", null, null,
				locale));
		if (instance != null) {
			problem.setInstance(URI.create(instance));
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/** {@code METHOD_NOT_ALLOWED} → {@code method-not-allowed}. */
	public static String typeOf(HttpStatus status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
