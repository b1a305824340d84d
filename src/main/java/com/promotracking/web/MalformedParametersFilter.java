package com.promotracking.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string (or form body) the servlet container cannot decode ({@code ?%zz}, {@code ?=}) is the
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
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException undecodable) {
			// Tomcat's InvalidParameterException is an IllegalStateException; the message names the parameter
			// as sent, which is the client's and not worth a log line of ours.
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
