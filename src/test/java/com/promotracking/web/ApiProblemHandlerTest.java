package com.promotracking.web;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API answer that could not be written because its client went away is no warning in the log: under load,
 * clients that give up (a timeout, a closed tab, a load tool stopping) are ordinary. Any other failure to write an
 * answer already under way still is one.
 */
class ApiProblemHandlerTest {

	@RegisterExtension
	final LogCapture logs = new LogCapture();

	private final StaticMessageSource messages = new StaticMessageSource();

	private final ApiProblemHandler handler = new ApiProblemHandler(this.messages,
			new Problems(this.messages, JsonMapper.builder().build(), new AcceptHeaderLocaleResolver()));

	@Test
	void aClientGoneWhileItsAnswerWasWrittenIsNoWarning() throws Exception {
		MockHttpServletResponse response = committed();

		Object answer = this.handler.handleException(notWritable(new ClientAbortException(
				new IOException("Broken pipe"))), new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(answer).isNull();
		assertThat(this.logs.warnings()).isEmpty();
	}

	@Test
	void aClientGoneBeforeItsAnswerGetsNoProblemWritten() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		Object answer = this.handler.handleException(notWritable(new IOException("Connection reset by peer")),
				new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(answer).isNull();
		assertThat(response.getContentAsString()).isEmpty();
		assertThat(this.logs.warnings()).isEmpty();
	}

	@Test
	void anyOtherFailureOfAnAnswerUnderWayIsStillAWarning() throws Exception {
		MockHttpServletResponse response = committed();

		Object answer = this.handler.handleException(notWritable(new IllegalStateException("no serializer")),
				new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(answer).isNull();
		assertThat(this.logs.warnings()).singleElement()
			.asString()
			.contains("Response already committed")
			.contains("no serializer");
	}

	private static HttpMessageNotWritableException notWritable(Exception cause) {
		return new HttpMessageNotWritableException("Could not write JSON: " + cause.getMessage(), cause);
	}

	private static MockHttpServletResponse committed() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCommitted(true);
		return response;
	}

}
