package com.promotracking.web;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * One line per HTTP request on the logger {@value #LOGGER}, for operators:
 *
 * <pre>PUT /api/programs/1/promo-code-settings 200 12ms user=alice@acme.example program=1 outcome=ok</pre>
 *
 * <p>Method, path (never the query string, never a {@code ;jsessionid=} path parameter), status, duration, the
 * signed-in login or {@code -}, the program id when the path names one, and for writes the outcome ({@code ok}
 * for 2xx and 3xx, {@code refused} for 4xx or a redirect to the login page, {@code error} for 5xx) with the
 * problem type when the answer was a problem response. Nothing else from the request: no header, no cookie, no
 * body, so no password, Authorization value, CSRF token or session id can end up here. Static files and
 * {@code /actuator} calls are logged at DEBUG only.
 *
 * <p>It runs <em>inside</em> each security filter chain, right after the filter that sets up the security
 * context (see {@code SecurityConfig}), and reads the user when the rest of the chain returns: by then HTTP
 * Basic, the session or the login form has put the user there, and nothing has cleared it yet. A servlet
 * filter in front of Spring Security would find the context already cleared; one behind it would miss every
 * request security answers itself (401, 403, the login form, logout). Not a bean, so the servlet container
 * does not run it a second time.
 */
public final class RequestLog extends OncePerRequestFilter {

	public static final String LOGGER = "com.promotracking.http";

	/** Request attribute holding the problem type slug of the answer, when it is a problem response. */
	static final String PROBLEM_TYPE = RequestLog.class.getName() + ".problemType";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	/** {@code /programs/7/...}, {@code /api/programs/7/...}, {@code /partner/programs/7/...}. */
	private static final Pattern PROGRAM = Pattern.compile("^(?:/api|/partner)?/programs/(\\d{1,18})(?:/.*)?$");

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final Set<String> QUIET_PREFIXES = Set.of("/assets/", "/actuator/");

	private static final Set<String> QUIET_PATHS = Set.of("/favicon.ico", "/actuator");

	/** Request attribute set once this filter has seen the request, so it is logged once. */
	private static final String SEEN = RequestLog.class.getName() + ".seen";

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/** Notes the problem type of the answer for the log line; a no-op outside a logged request. */
	public static void noteProblem(HttpServletRequest request, String type) {
		request.setAttribute(PROBLEM_TYPE, type);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(SEEN, Boolean.TRUE);
		String path = pathOf(request);
		boolean quiet = isQuiet(path);
		if (quiet ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		// Logout clears the user before the chain returns: remember who it was.
		String userBefore = userName();
		Throwable failure = null;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			// An exception that escapes here becomes a 503 (DatabaseUnavailableFilter) or a 500, unless the
			// answer was already on its way.
			int status = (failure == null || response.isCommitted()) ? response.getStatus()
					: DatabaseUnavailable.isCauseOf(failure) ? 503 : 500;
			String user = userName();
			String line = line(request.getMethod(), path, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
					(user != null) ? user : userBefore, response.getHeader("Location"),
					(String) request.getAttribute(PROBLEM_TYPE));
			if (quiet) {
				log.debug(line);
			}
			else {
				log.info(line);
			}
		}
	}

	/**
	 * The line of a request the servlet container refused before any filter saw it (a malformed header or
	 * path), with the status it answered.
	 */
	static void logUnseen(HttpServletRequest request, int status, long millis) {
		if (request.getAttribute(SEEN) != null) {
			return;
		}
		String path = pathOf(request);
		String method = (request.getMethod() != null) ? request.getMethod() : "-";
		String line = line(method, path, status, millis, null, null, (String) request.getAttribute(PROBLEM_TYPE));
		if (isQuiet(path)) {
			log.debug(line);
		}
		else {
			log.info(line);
		}
	}

	static String line(String method, String path, int status, long millis, String user, String location,
			String problemType) {
		StringBuilder line = new StringBuilder(160).append(method)
			.append(' ')
			.append(path)
			.append(' ')
			.append(status)
			.append(' ')
			.append(millis)
			.append("ms user=")
			.append((user != null) ? user : "-");
		String program = programOf(path);
		if (program != null) {
			line.append(" program=").append(program);
		}
		if (WRITES.contains(method)) {
			line.append(" outcome=").append(outcomeOf(status, location));
			if (problemType != null) {
				line.append(" problem=").append(problemType);
			}
		}
		return line.toString();
	}

	/** The request path as sent, without query string or path parameters such as {@code ;jsessionid=}. */
	static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri == null) {
			// A request line the container could not parse.
			return "";
		}
		int parameters = uri.indexOf(';');
		return (parameters >= 0) ? uri.substring(0, parameters) : uri;
	}

	static String programOf(String path) {
		Matcher matcher = PROGRAM.matcher(path);
		return matcher.matches() ? matcher.group(1) : null;
	}

	static String outcomeOf(int status, String location) {
		if (status >= 500) {
			return "error";
		}
		if (status >= 400) {
			return "refused";
		}
		// A form sent without a session, and a failed or locked login, are sent back to the login page.
		if (status >= 300 && location != null && location.contains("/login") && !location.contains("logout")) {
			return "refused";
		}
		return "ok";
	}

	private static boolean isQuiet(String path) {
		return QUIET_PATHS.contains(path) || QUIET_PREFIXES.stream().anyMatch(path::startsWith);
	}

	private String userName() {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		return this.trust.isAuthenticated(authentication) ? authentication.getName() : null;
	}

	/**
	 * Notes the problem type of every problem response a controller or an exception handler writes. And only a
	 * problem is labelled {@code application/problem+json}: a client that asks for it ({@code Accept:
	 * application/problem+json}) and succeeds gets its JSON as {@code application/json}, which it reads alike,
	 * rather than a success that claims to be a problem (Jackson's converter would pick the asked-for type).
	 */
	@ControllerAdvice
	static class ProblemResponses implements ResponseBodyAdvice<Object> {

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
				Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			if (body instanceof ProblemDetail problem && problem.getType() != null
					&& request instanceof ServletServerHttpRequest servlet) {
				String type = problem.getType().toString();
				noteProblem(servlet.getServletRequest(), type.substring(type.lastIndexOf('/') + 1));
			}
			else if (!(body instanceof ProblemDetail)
					&& MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selectedContentType)) {
				response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			}
			return body;
		}

	}

}
