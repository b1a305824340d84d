package com.promotracking.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * Thymeleaf's page view, writing the page as bytes at once, with its length.
 * <ul>
 * <li>The page is rendered into memory ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing=false}),
 * into a buffer the size of this view's last page: Thymeleaf's own starts small and is copied each time it
 * doubles, then once more into a string. The response's writer would copy the page into the container's buffer
 * of characters and encode it character by character as soon as it holds one outside ASCII (any French page, and
 * "→" in English); here it is encoded in one call and written with its length, so it needs no chunked encoding
 * either. A page that fails half-way writes nothing, and the error page takes its place.</li>
 * <li>The page is rendered against a {@link RenderingRequest}: Thymeleaf keeps the model and every variable of
 * the template ({@code th:each}, {@code th:with}) as request attributes, and reads them back for each expression
 * through every request wrapper the filters put around the request.</li>
 * </ul>
 */
public class EncodedOnceThymeleafView extends ThymeleafView {

	private boolean wholePage = true;

	/** The length of this view's last page, for the buffer of the next. */
	private volatile int lastLength = 8 * 1024;

	@Override
	public void setProducePartialOutputWhileProcessing(boolean producePartialOutputWhileProcessing) {
		this.wholePage = !producePartialOutputWhileProcessing;
	}

	/**
	 * Thymeleaf is always given the response's writer: for a whole page, a {@link WholePageResponse}'s, which keeps
	 * the page until it is sent.
	 */
	@Override
	public boolean getProducePartialOutputWhileProcessing() {
		return true;
	}

	@Override
	protected void renderFragment(Set<String> markupSelectorsToRender, Map<String, ?> model,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		RenderingRequest rendering = new RenderingRequest(request);
		if (!this.wholePage) {
			super.renderFragment(markupSelectorsToRender, model, rendering, response);
			return;
		}
		WholePageResponse page = new WholePageResponse(response, this.lastLength);
		super.renderFragment(markupSelectorsToRender, model, rendering, page);
		this.lastLength = page.send();
	}

	/**
	 * The request a page is rendered against: an attribute set through it is read back from it, without going
	 * through the wrappers below; every change still reaches the request, so whatever reads the request during
	 * rendering (a processor, the CSRF token's lookup) sees what it always did.
	 */
	static final class RenderingRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> set = new HashMap<>();

		RenderingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			Object value = this.set.get(name);
			return (value != null) ? value : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			super.setAttribute(name, value);
			if (value != null) {
				this.set.put(name, value);
			}
			else {
				this.set.remove(name);
			}
		}

		@Override
		public void removeAttribute(String name) {
			super.removeAttribute(name);
			this.set.remove(name);
		}

	}

	/** A response whose writer keeps the page, which {@link #send()} encodes in one call and writes. */
	static final class WholePageResponse extends HttpServletResponseWrapper {

		private final PageWriter writer;

		WholePageResponse(HttpServletResponse response, int expectedLength) {
			super(response);
			this.writer = new PageWriter(expectedLength + expectedLength / 8);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		/** Writes the page with its length; returns its length in characters. */
		int send() throws IOException {
			String page = this.writer.page.toString();
			byte[] bytes = page.getBytes(Charset.forName(getCharacterEncoding()));
			if (!isCommitted()) {
				setContentLength(bytes.length);
			}
			getOutputStream().write(bytes);
			return page.length();
		}

	}

	/**
	 * The writer Thymeleaf writes a page to, in thousands of small pieces: straight into the page, without the lock a
	 * {@link PrintWriter} takes for each (one page, one thread).
	 */
	static final class PageWriter extends PrintWriter {

		final StringBuilder page;

		PageWriter(int capacity) {
			super(Writer.nullWriter());
			this.page = new StringBuilder(capacity);
		}

		@Override
		public void write(int c) {
			this.page.append((char) c);
		}

		@Override
		public void write(char[] text, int offset, int length) {
			this.page.append(text, offset, length);
		}

		@Override
		public void write(char[] text) {
			this.page.append(text);
		}

		@Override
		public void write(String text, int offset, int length) {
			this.page.append(text, offset, offset + length);
		}

		@Override
		public void write(String text) {
			this.page.append(text);
		}

		@Override
		public void println() {
			this.page.append(System.lineSeparator());
		}

		@Override
		public void flush() {
			// The page goes out whole, in send().
		}

		@Override
		public void close() {
			// The page goes out whole, in send().
		}

	}

}
