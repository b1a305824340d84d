package com.promotracking.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The outermost filter: when the database cannot be reached, wherever that shows (loading the session,
 * checking a login, a controller's transaction), the caller gets 503 with {@code Retry-After}, a problem
 * response for the API and a translated "temporarily unavailable" page otherwise, instead of a 500 or a
 * 401. Nothing was written: the transaction that failed never committed.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	static final String RETRY_AFTER_SECONDS = "5";

	private final Problems problems;

	private final SpringTemplateEngine templates;

	private final LocaleResolver locales;

	private final ApplicationContext context;

	DatabaseUnavailableFilter(Problems problems, SpringTemplateEngine templates, LocaleResolver locales,
			ApplicationContext context) {
		this.problems = problems;
		this.templates = templates;
		this.context = context;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseUnavailable.isCauseOf(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
					rootMessage(ex));
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// Whatever the failed request had begun (headers, a writer or a stream) is dropped.
		response.reset();
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			this.problems.write(request, response, Problems.of(null, HttpStatus.SERVICE_UNAVAILABLE));
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType("text/html;charset=UTF-8");
		// The page is rendered here, not by a view: it gets what a view would give it, Spring's evaluation context and
		// the helpers the layout calls (assetUrls).
		Map<String, Object> variables = new HashMap<>(ThymeleafConfig.helpers(this.context.getBean(AssetUrls.class),
				this.context.getBean(DateTimes.class)));
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		WebContext page = new WebContext(
				JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response),
				this.locales.resolveLocale(request), variables);
		this.templates.process("unavailable", page, response.getWriter());
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
