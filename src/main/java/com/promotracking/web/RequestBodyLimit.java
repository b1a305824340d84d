package com.promotracking.web;

import java.io.IOException;
import java.io.Serial;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body before it is read whole: 413 when its {@code Content-Length} is over the path's limit
 * ({@link RequestBodyLimits}), and, for a body sent without a length (chunked), once more than the limit has been
 * read ({@link TooLarge}, which the API answers 413 too). A body labelled with a wildcard type ({@code *}{@code /*},
 * {@code application/*}) says nothing of what it is: 415, where Spring would fail to use it as a content type.
 *
 * <p>It runs inside each security filter chain right after {@link RequestLog}, before anything reads a
 * parameter or the body. Not a bean, so the servlet container does not run it a second time.
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

	private final RequestBodyLimits limits;

	public RequestBodyLimit(RequestBodyLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean chunked = request.getHeader("Transfer-Encoding") != null;
		if (length <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		if (isWildcard(request.getContentType())) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			return;
		}
		long limit = this.limits.bytesFor(RequestLog.pathOf(request));
		if (length > limit) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
			return;
		}
		chain.doFilter((length < 0) ? new Counted(request, limit) : request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
			throws IOException {
		try {
			// Tomcat parses a form body the first time a parameter is asked for, and fails then when the body is
			// over its form size: let that happen here, where it is expected, and not in the error page's
			// language switch, where it would be logged as a server error.
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException expected) {
			// Refused below.
		}
		response.sendError(status.value());
	}

	private static boolean isWildcard(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.parseMediaType(contentType).isWildcardSubtype();
		}
		catch (IllegalArgumentException unreadable) {
			// Not a media type at all: left to whoever reads the body, which refuses it as unsupported.
			return false;
		}
	}

	/** More of the body was read than its address takes. */
	public static final class TooLarge extends IOException {

		@Serial
		private static final long serialVersionUID = 1L;

		TooLarge(long limit) {
			super("Request body over " + limit + " bytes");
		}

		/** Whether this failure, or one of its causes, is a body over its limit. */
		public static boolean isCauseOf(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof TooLarge) {
					return true;
				}
			}
			return false;
		}

	}

	/** A body of unknown length, read through a count that stops past the limit. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream counted;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.counted == null) {
				this.counted = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.counted;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream body;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream body, long limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = this.body.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.body.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			this.read += n;
			if (this.read > this.limit) {
				throw new TooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
