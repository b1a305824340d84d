package com.promotracking.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * What Tomcat answers itself, for a request it refuses before any servlet sees it (a header too large or with a
 * NUL byte, an encoded {@code /} or NUL in the path, a bad percent-escape): a problem response under
 * {@code /api} and {@code /actuator}, a plain translated page elsewhere, instead of Tomcat's HTML report. Tomcat
 * renders those through its host's error report valve, which this replaces. Such a request never reached the
 * filters, so the valve writes its request log line ({@link RequestLog}) too: a 400 as the 400 it is. The
 * valve is also where a method this service never takes gets its 405 (Tomcat says 501 for {@code CONNECT}).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorPages {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectProvider<Problems> problems,
			MessageSource messages) {
		return factory -> factory.addContextCustomizers(context -> {
			// The host is not started yet: it adds a valve of the configured class only when it has none.
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
				host.getPipeline().addValve(new ProblemReportValve(problems, messages));
			}
			else if (context.getParent() instanceof Host other) {
				throw new IllegalStateException("Unexpected Tomcat host " + other.getClass());
			}
		});
	}

	static final class ProblemReportValve extends ErrorReportValve {

		/** The methods this service answers somewhere; any other is refused 405 wherever it is sent. */
		private static final List<String> STANDARD_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

		private final ObjectProvider<Problems> problems;

		private final MessageSource messages;

		ProblemReportValve(ObjectProvider<Problems> problems, MessageSource messages) {
			this.problems = problems;
			this.messages = messages;
		}

		/**
		 * Every request gets its request log line: one that never reached the filters (refused by Tomcat, or by
		 * Spring Security's firewall before the filter chains) gets it here, with the status it was answered.
		 */
		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			try {
				super.invoke(request, response);
			}
			finally {
				RequestLog.logUnseen(request, response.getStatus(), elapsedMillis(request));
			}
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
				// Tomcat's 501 is a request this service never takes: a method such as CONNECT (405), or a
				// transfer coding it does not know (400). The client's doing, not a failure of the server's.
				boolean method = !STANDARD_METHODS.contains(String.valueOf(request.getMethod()));
				status = method ? HttpStatus.METHOD_NOT_ALLOWED.value() : HttpStatus.BAD_REQUEST.value();
				response.setStatus(status);
				if (method) {
					response.setHeader("Allow", String.join(", ", STANDARD_METHODS));
				}
			}
			HttpStatus known = HttpStatus.resolve(status);
			HttpStatus shown = (known != null) ? known : HttpStatus.INTERNAL_SERVER_ERROR;
			String uri = request.getRequestURI();
			String path = (uri != null) ? uri : "";
			try {
				if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")) {
					this.problems.getObject().write(request, response, Problems.of(throwable, shown));
				}
				else {
					page(request, response, shown);
				}
				response.finishResponse();
			}
			catch (IOException | RuntimeException gone) {
				// The client left, or the request is too broken to answer: the status line is all it gets.
			}
		}

		private void page(Request request, Response response, HttpStatus status) throws IOException {
			Locale locale = request.getLocale();
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
			response.setHeader("X-Content-Type-Options", "nosniff");
			String language = locale.getLanguage().equals("fr") ? "fr" : "en";
			PrintWriter page = response.getReporter();
			if (page == null) {
				return;
			}
			page.write("<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><title>"
					+ text("error.title", locale) + "</title></head><body><h1>" + text("error.heading", locale)
					+ "</h1><p>" + HtmlUtils.htmlEscape(this.messages.getMessage("error.status",
							new Object[] { status.value() }, locale))
					+ "</p><p>" + text("error.text", locale) + "</p><p><a href=\"/\">" + text("error.backHome", locale)
					+ "</a></p></body></html>");
		}

		private String text(String key, Locale locale) {
			return HtmlUtils.htmlEscape(this.messages.getMessage(key, null, locale));
		}

		private static long elapsedMillis(Request request) {
			long start = request.getCoyoteRequest().getStartTimeNanos();
			return (start > 0) ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) : 0;
		}

	}

}
