package com.promotracking.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.kernel.DomainException.FieldReason;
import com.promotracking.kernel.ProblemTypes;

/**
 * The one way a refusal becomes an RFC 9457 problem: Spring's {@link ErrorResponse}, whose title and detail come
 * from the message codes {@code problem.<type>.title} and {@code .detail} in the caller's language, and whose
 * field errors, if any, are listed under {@code errors}. Controllers' exceptions get here through
 * {@link ApiProblemHandler}; what answers outside a controller (security's refusals, the error page, the
 * database-unavailable filter) writes through {@link #write}.
 */
@Component
public class Problems {

	private final MessageSource messages;

	private final JsonMapper json;

	private final LocaleResolver locales;

	Problems(MessageSource messages, JsonMapper json, LocaleResolver locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	/** A refusal that is only a status and a problem type, such as {@code unauthorized}. */
	public static ErrorResponse of(Throwable cause, HttpStatusCode status, String type) {
		return ErrorResponse.builder((cause != null) ? cause : new IllegalStateException(type), status, null)
			.type(ProblemTypes.of(type))
			.titleMessageCode("problem." + type + ".title")
			.detailMessageCode("problem." + type + ".detail")
			.build();
	}

	/** The problem of a status that has no type of its own: {@code 405} → {@code method-not-allowed}. */
	public static ErrorResponse of(Throwable cause, HttpStatusCode status) {
		return of(cause, status, ProblemTypes.slugOf(status));
	}

	/** The translated body of the refusal. */
	ProblemDetail body(ErrorResponse refusal, Locale locale) {
		return refusal.updateAndGetBody(this.messages, locale);
	}

	/** Lists each field and its translated reason under {@code errors}, as binding errors are listed. */
	void addErrors(ProblemDetail problem, List<FieldReason> reasons, Locale locale) {
		if (!reasons.isEmpty()) {
			problem.setProperty("errors", reasons.stream()
				.map(reason -> Map.of("field", reason.field(), "message", reasonText(reason, locale)))
				.toList());
		}
	}

	/** The reason in words; a constraint without words of its own says the value is invalid. */
	private String reasonText(FieldReason reason, Locale locale) {
		String text = this.messages.getMessage(reason.reasonKey(), null, null, locale);
		return (text != null) ? text : this.messages.getMessage("problem.invalid-request.field.invalid", null, locale);
	}

	/** Writes the refusal as the whole answer, for callers outside a controller; notes it for the request log. */
	public void write(HttpServletRequest request, HttpServletResponse response, ErrorResponse refusal)
			throws IOException {
		ProblemDetail problem = body(refusal, this.locales.resolveLocale(request));
		// On the error page's dispatch, the address that failed rather than /error.
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		try {
			problem.setInstance(URI.create((failed instanceof String uri) ? uri : RequestLog.pathOf(request)));
		}
		catch (IllegalArgumentException notAnAddress) {
			// An address the container refused as malformed (a bad percent-escape) is no URI to point at.
		}
		RequestLog.noteProblem(request, ProblemTypes.slugOf(problem.getType()));
		response.setStatus(refusal.getStatusCode().value());
		refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
