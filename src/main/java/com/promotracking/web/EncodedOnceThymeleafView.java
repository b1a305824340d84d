package com.promotracking.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * Thymeleaf's page view, writing the page as bytes at once. The page is rendered into memory first
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing=false}), then ThymeleafView hands it
 * to the response's writer, which copies it into the container's buffer of characters and encodes it character
 * by character as soon as it holds one outside ASCII (any French page, and "→" in English); here the page is
 * encoded in one call and written with its length, so the response needs no chunked encoding either.
 */
public class EncodedOnceThymeleafView extends ThymeleafView {

	@Override
	protected void renderFragment(Set<String> markupSelectorsToRender, Map<String, ?> model,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		// Rendered into memory, the page comes in one write: only then is it whole when written.
		super.renderFragment(markupSelectorsToRender, model, request,
				getProducePartialOutputWhileProcessing() ? response : new WholePageResponse(response));
	}

	/**
	 * A response whose writer encodes each text it is given in one call, straight to the output stream; the first
	 * text is taken for the whole page.
	 */
	static final class WholePageResponse extends HttpServletResponseWrapper {

		private @Nullable PrintWriter writer;

		private boolean written;

		WholePageResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			if (this.writer == null) {
				this.writer = new PrintWriter(new Writer() {

					@Override
					public void write(char[] text, int offset, int length) throws IOException {
						write(new String(text, offset, length));
					}

					@Override
					public void write(String text, int offset, int length) throws IOException {
						writeText((offset == 0 && length == text.length()) ? text
								: text.substring(offset, offset + length));
					}

					@Override
					public void flush() throws IOException {
						getOutputStream().flush();
					}

					@Override
					public void close() throws IOException {
						getOutputStream().close();
					}

				});
			}
			return this.writer;
		}

		private void writeText(String text) throws IOException {
			byte[] bytes = text.getBytes(Charset.forName(getCharacterEncoding()));
			if (!this.written && !isCommitted()) {
				setContentLength(bytes.length);
			}
			this.written = true;
			getOutputStream().write(bytes);
		}

	}

}
