package com.promotracking.security;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.promotracking.apikeys.ApiKeys;
import com.promotracking.web.MalformedParametersFilter;
import com.promotracking.web.RequestBodyLimit;
import com.promotracking.web.RequestBodyLimits;
import com.promotracking.web.RequestLog;

/**
 * Four doors: the JSON API takes HTTP Basic or a brand's API key ({@code Authorization: Bearer}) on every
 * request and keeps no session, so a browser's session cookie never authorizes an API call; Actuator
 * ({@code /actuator}) works the same way for operators; the API's document and Swagger UI are public and
 * read-only; the pages use form login with CSRF-protected forms. Each door logs every request
 * ({@link RequestLog}) and caps request bodies ({@link RequestBodyLimit}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyLimits.class)
class SecurityConfig {

	/** The role of the people who run the service ({@code users.Role.OPERATOR}). */
	private static final String OPERATOR = "OPERATOR";

	/**
	 * A person's login, not a key: every call but those {@link #apiChain} opens to keys. An anonymous call fails
	 * this too and is answered 401, like any call without credentials.
	 */
	private static final AuthorizationManager<RequestAuthorizationContext> NOT_AN_API_KEY = AuthorizationManagers
		.allOf(AuthenticatedAuthorizationManager.authenticated(),
				AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(ApiKeyAuthentication.ROLE)));

	/** The hash of the one style element Swagger UI's bundle adds (see {@link #swaggerUiChain}). */
	static final String SWAGGER_UI_STYLE = "sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

	/** The methods Spring Security's firewall lets through (StrictHttpFirewall's default). */
	private static final List<String> FIREWALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS");

	private final RequestLog requestLog = new RequestLog();

	private final MalformedParametersFilter malformedParameters = new MalformedParametersFilter();

	private final RequestBodyLimit bodyLimit;

	SecurityConfig(RequestBodyLimits bodyLimits) {
		this.bodyLimit = new RequestBodyLimit(bodyLimits);
	}

	/**
	 * A brand's API key may post and read its programs' conversions and read their reports, nothing else (403
	 * {@code forbidden}); which programs are its brand's is the controllers' usual check (ProgramCatalog), so
	 * another brand's program is 404 as for anyone. A person's login may call everything, as before. Without the
	 * key store (web slice tests) no Bearer filter is added: a Bearer call then has no credentials, 401.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandler problems, ObjectProvider<ApiKeys> keys)
			throws Exception {
		ApiKeys store = keys.getIfAvailable();
		if (store != null) {
			http.addFilterBefore(new BearerKeyFilter(store, problems), BasicAuthenticationFilter.class);
		}
		return http.securityMatcher("/api/**")
			.addFilterAfter(this.requestLog, SecurityContextHolderFilter.class)
			.addFilterAfter(this.bodyLimit, RequestLog.class)
			.addFilterAfter(this.malformedParameters, RequestBodyLimit.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/programs/*/conversions", "/api/programs/*/conversions/batch")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/programs/*/conversions", "/api/programs/*/conversions/*",
						"/api/programs/*/reports/**")
				.authenticated()
				.anyRequest()
				.access(NOT_AN_API_KEY))
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Credentials come with each request, never from a cookie, so there is no cross-site request to forge.
			.csrf(csrf -> csrf.disable())
			.headers(SecurityConfig::strictHeaders)
			.build();
	}

	/**
	 * Health and its liveness and readiness groups are open, so probes and load balancers need no password;
	 * their details show to operators only ({@code management.endpoint.health.roles}). Everything else under
	 * {@code /actuator}, including addresses of endpoints that are switched off, needs an operator: others get
	 * 401 or 403, an operator gets the endpoint or 404. HTTP Basic on every call, no session, no cookie.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain actuatorChain(HttpSecurity http, ProblemSecurityHandler problems) throws Exception {
		return http.securityMatcher("/actuator", "/actuator/**")
			.addFilterAfter(this.requestLog, SecurityContextHolderFilter.class)
			.addFilterAfter(this.bodyLimit, RequestLog.class)
			.addFilterAfter(this.malformedParameters, RequestBodyLimit.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(OPERATOR))
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(SecurityConfig::strictHeaders)
			.build();
	}

	/**
	 * The OpenAPI document is public, like the API's shape it describes: no login, no session, no cookie, the
	 * pages' headers.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
		return publicReadOnly(http.securityMatcher("/v3/api-docs", "/v3/api-docs/**"))
			.headers(SecurityConfig::strictHeaders)
			.build();
	}

	/**
	 * Swagger UI, public like the document it shows. Its scripts and styles are its own files, served from here,
	 * so the pages' CSP holds but for one exception: its bundle adds one style element of its own, allowed by
	 * that element's hash ({@link #SWAGGER_UI_STYLE}), on {@code /swagger-ui} only. A Swagger UI that adds
	 * another fails SwaggerUiBrowserIT, which reads the browser's console for CSP violations.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain swaggerUiChain(HttpSecurity http) throws Exception {
		return publicReadOnly(http.securityMatcher("/swagger-ui.html", "/swagger-ui/**"))
			.headers(headers -> strictHeaders(headers, "style-src 'self' '" + SWAGGER_UI_STYLE + "'"))
			.build();
	}

	private HttpSecurity publicReadOnly(HttpSecurity http) throws Exception {
		return http.addFilterAfter(this.requestLog, SecurityContextHolderFilter.class)
			.addFilterAfter(this.bodyLimit, RequestLog.class)
			.addFilterAfter(this.malformedParameters, RequestBodyLimit.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// Read-only and public: nothing to forge, and a CSRF token would need a session.
			.csrf(csrf -> csrf.disable());
	}

	@Bean
	@Order(5)
	SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
		return http.addFilterAfter(this.requestLog, SecurityContextHolderFilter.class)
			.addFilterAfter(this.bodyLimit, RequestLog.class)
			.addFilterAfter(this.malformedParameters, RequestBodyLimit.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/assets/**", "/favicon.ico", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(login -> login.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailures())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			// An anonymous visitor costs no session row: the login form's CSRF token and the page to return to
			// after login live in cookies; a session is created by the login itself.
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionlessCsrfTokens()))
			.requestCache(cache -> cache.requestCache(new CookieRequestCache()))
			.headers(SecurityConfig::strictHeaders)
			.build();
	}

	/**
	 * A request Spring Security's firewall refuses before any filter chain: a method this service never takes
	 * ({@code FOO}, {@code TRACE}) is 405, anything else (an encoded {@code ;} or {@code //} in the path, say) 400.
	 * Either goes through the error page, so the API answers it as a problem.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejection) -> {
			if (FIREWALL_METHODS.contains(request.getMethod())) {
				response.sendError(HttpStatus.BAD_REQUEST.value());
			}
			else {
				response.setHeader(HttpHeaders.ALLOW, String.join(", ", FIREWALL_METHODS));
				response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
			}
		};
	}

	/** Pages load scripts and styles only from this server, and no other site may frame them. */
	private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
		strictHeaders(headers, "style-src 'self'");
	}

	private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers, String styleSources) {
		headers
			.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; " + styleSources
					+ "; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
					+ "frame-ancestors 'none'"))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/** A locked login gets its own message; every other failure the same one, whatever was wrong. */
	private static AuthenticationFailureHandler loginFailures() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl("/login?error");
		// The page's address says what failed; a failed login opens no session to keep the exception in.
		handler.setAllowSessionCreation(false);
		handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		return handler;
	}

	/**
	 * Request metrics (http.server.requests) stay. Spring Security's own observations go: with Actuator present
	 * it would wrap every filter of every request, and the authentication and authorization calls, in one,
	 * which cost about a tenth of the CPU of a page view and tell an operator nothing the request metrics don't.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
