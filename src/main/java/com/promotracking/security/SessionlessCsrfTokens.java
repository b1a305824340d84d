package com.promotracking.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The CSRF token of a visitor without a session (the login form) lives in a cookie, so showing the login page
 * writes no session to the database; a crawler or a flood of login-page hits would otherwise fill the session
 * table. A signed-in user's token lives in their session as before (and makes one if they have none). The
 * choice is made per call: the login's POST is checked against the cookie it came with, the forms of a
 * signed-in user against their session.
 */
final class SessionlessCsrfTokens implements CsrfTokenRepository {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

	SessionlessCsrfTokens() {
		// HttpOnly (the form carries the token, no script reads it), and only sent to this site's own pages.
		this.cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return repository(request).generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			// Cleared (at login or logout): from both, so no stale token outlives the change.
			this.cookies.saveToken(null, request, response);
			this.sessions.saveToken(null, request, response);
			return;
		}
		repository(request).saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return repository(request).loadToken(request);
	}

	private CsrfTokenRepository repository(HttpServletRequest request) {
		return (request.getSession(false) != null || signedIn()) ? this.sessions : this.cookies;
	}

	private boolean signedIn() {
		Authentication user = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		return this.trust.isAuthenticated(user);
	}

}
