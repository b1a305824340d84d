package com.promotracking.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityReturnValueHandler;

/**
 * Spring MVC's own parts, with two changes.
 *
 * <p>The mapping of requests to controller methods rules a mapping out by its path before anything else of the
 * request is read. A request whose path holds a variable ({@code /api/programs/1/promo-codes}) is checked against
 * every mapping of the application. Spring checks a mapping's method, parameters, headers and media types first and
 * its path last, and each of those checks reads the request again through every wrapper the filters put around it
 * (session, firewall, security headers and so on). Almost every mapping differs from a request by its path, so
 * checking the path first settles them with one read each. The outcome is the same: a mapping matches only when all
 * of its conditions do, and the full check still runs for those whose path matches.
 *
 * <p>A {@code ResponseEntity}'s body (the settings, a recorded conversion, a problem) goes out with the rest of the
 * answer, like any other body. Spring's {@link HttpEntityMethodProcessor} flushes the response once it wrote the
 * body, which commits it before the request is over: the answer then went out chunked, without a
 * {@code Content-Length}, in two writes to the connection instead of one. {@link UnflushedResponseEntities} passes
 * it a response whose {@code flushBuffer} waits for the end of the request, when the container sends the buffer
 * anyway; a body larger than the buffer still goes out as the buffer fills, and a stream still gets its flushes.
 */
@Configuration(proxyBeanMethods = false)
class SpringMvcConfig {

	@Bean
	WebMvcRegistrations springMvcRegistrations() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new RequestMappingHandlerAdapter() {

					@Override
					public void afterPropertiesSet() {
						super.afterPropertiesSet();
						setReturnValueHandlers(UnflushedResponseEntities.around(getReturnValueHandlers()));
					}

				};
			}

			@Override
			public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
				return new ExceptionHandlerExceptionResolver() {

					@Override
					public void afterPropertiesSet() {
						super.afterPropertiesSet();
						setReturnValueHandlers(
								UnflushedResponseEntities.around(getReturnValueHandlers().getHandlers()));
					}

				};
			}

		};
	}

	static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths != null && paths.getMatchingCondition(request) == null) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

	}

	/**
	 * Spring's handlers of {@code ResponseEntity} and {@code ProblemDetail} returns, given a response whose
	 * {@code flushBuffer} waits while they run. When the answer turned out to be a stream (a
	 * {@code ResponseEntity} of an emitter, which goes on asynchronously), a flush asked for meanwhile is made
	 * the moment they return, and every later one at once, as Spring means it to.
	 */
	static final class UnflushedResponseEntities implements HandlerMethodReturnValueHandler {

		private final HandlerMethodReturnValueHandler spring;

		UnflushedResponseEntities(HandlerMethodReturnValueHandler spring) {
			this.spring = spring;
		}

		/** The handlers, with each of Spring's {@code ResponseEntity} handlers wrapped in its place. */
		static List<HandlerMethodReturnValueHandler> around(@Nullable List<HandlerMethodReturnValueHandler> handlers) {
			if (handlers == null) {
				throw new IllegalStateException("Spring MVC has no return value handlers yet");
			}
			return handlers.stream()
				.map(handler -> (handler instanceof ResponseEntityReturnValueHandler
						|| handler instanceof HttpEntityMethodProcessor) ? new UnflushedResponseEntities(handler)
								: handler)
				.toList();
		}

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return this.spring.supportsReturnType(returnType);
		}

		@Override
		public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType,
				ModelAndViewContainer mavContainer, NativeWebRequest webRequest) throws Exception {
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
			if (request == null || response == null) {
				this.spring.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
				return;
			}
			FlushWaitingResponse waiting = new FlushWaitingResponse(response);
			try {
				this.spring.handleReturnValue(returnValue, returnType, mavContainer,
						new ServletWebRequest(request, waiting));
			}
			finally {
				waiting.stopWaiting(request.isAsyncStarted());
			}
		}

	}

	private static final class FlushWaitingResponse extends HttpServletResponseWrapper {

		private volatile boolean waiting = true;

		private boolean flushAsked;

		FlushWaitingResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.waiting) {
				// Sent at the end of the request, with its Content-Length.
				this.flushAsked = true;
				return;
			}
			super.flushBuffer();
		}

		void stopWaiting(boolean streaming) throws IOException {
			this.waiting = false;
			if (streaming && this.flushAsked) {
				super.flushBuffer();
			}
		}

	}

}
