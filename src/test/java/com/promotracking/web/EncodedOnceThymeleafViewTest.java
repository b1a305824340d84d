package com.promotracking.web;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.promotracking.web.EncodedOnceThymeleafView.RenderingRequest;
import com.promotracking.web.EncodedOnceThymeleafView.WholePageResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The request a page is rendered against, and the response that keeps the page until it is sent whole. */
class EncodedOnceThymeleafViewTest {

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console");

	private final CountingRequest below = new CountingRequest(this.request);

	private final RenderingRequest rendering = new RenderingRequest(this.below);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aVariableSetWhileRenderingIsReadBackWithoutGoingThroughTheRequestsBelow() {
		this.rendering.setAttribute("row", "first");
		this.rendering.setAttribute("row", "second");

		assertThat(this.rendering.getAttribute("row")).isEqualTo("second");
		assertThat(this.below.reads).isZero();
		assertThat(this.request.getAttribute("row")).as("the request still gets it").isEqualTo("second");
	}

	@Test
	void aVariableRemovedOrSetToNullIsGoneFromBoth() {
		this.rendering.setAttribute("row", "first");
		this.rendering.setAttribute("other", "value");

		this.rendering.removeAttribute("row");
		this.rendering.setAttribute("other", null);

		assertThat(this.rendering.getAttribute("row")).isNull();
		assertThat(this.rendering.getAttribute("other")).isNull();
		assertThat(this.request.getAttribute("row")).isNull();
		assertThat(this.request.getAttribute("other")).isNull();
	}

	@Test
	void whatTheFiltersSetIsReadFromTheRequest() {
		this.request.setAttribute("_csrf", "token");

		assertThat(this.rendering.getAttribute("_csrf")).isEqualTo("token");
		assertThat(this.below.reads).isEqualTo(1);
		this.request.setAttribute("_csrf", "another token");
		assertThat(this.rendering.getAttribute("_csrf")).isEqualTo("another token");
	}

	@Test
	void thePageGoesOutOnlyWhenSentWithItsLengthInBytes() throws Exception {
		this.response.setCharacterEncoding("UTF-8");
		WholePageResponse page = new WholePageResponse(this.response, 4);
		PrintWriter writer = page.getWriter();

		writer.write("<p>Paramètres");
		writer.write(" → ".toCharArray(), 0, 3);
		writer.write("…des annonces</p>", 1, 16);
		writer.print('\n');
		writer.append("<p>").print(2);
		writer.println("</p>");
		writer.flush();
		writer.close();

		assertThat(this.response.isCommitted()).isFalse();
		assertThat(this.response.getContentAsByteArray()).isEmpty();
		int length = page.send();
		String expected = "<p>Paramètres → des annonces</p>\n<p>2</p>" + System.lineSeparator();
		assertThat(this.response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(this.response.getContentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
		assertThat(length).isEqualTo(expected.length());
	}

	/** The wrappers the filters put around the request, counting the reads that reach them. */
	static final class CountingRequest extends HttpServletRequestWrapper {

		int reads;

		CountingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			this.reads++;
			return super.getAttribute(name);
		}

	}

}
