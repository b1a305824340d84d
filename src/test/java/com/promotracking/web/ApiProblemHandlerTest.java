package com.promotracking.web;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API answer that could not be written because its client went away is no warning in the log: under load,
 * clients that give up (a timeout, a closed tab, a load tool stopping) are ordinary. Any other failure to write an
 * answer already under way still is one.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiProblemHandlerTest {

	private final StaticMessageSource messages = new StaticMessageSource();

	private final ApiProblemHandler handler = new ApiProblemHandler(this.messages,
			new Problems(this.messages, JsonMapper.builder().build(), new AcceptHeaderLocaleResolver()));

	@Test
	void aClientGoneWhileItsAnswerWasWrittenIsNoWarning(CapturedOutput output) throws Exception {
		MockHttpServletResponse response = committed();

		Object answer = this.handler.handleException(notWritable(new ClientAbortException(
				new IOException("Broken pipe"))), new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(answer).isNull();
		assertThat(output).doesNotContain("WARN").doesNotContain("Response already committed");
	}

	@Test
	void aClientGoneBeforeItsAnswerGetsNoProblemWritten(CapturedOutput output) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		Object answer = this.handler.handleException(notWritable(new IOException("Connection reset by peer")),
				new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(answer).isNull();
		assertThat(response.getContentAsString()).isEmpty();
		assertThat(output).doesNotContain("WARN");
	}

	@Test
	void anyOtherFailureOfAnAnswerUnderWayIsStillAWarning(CapturedOutput output) throws Exception {
		MockHttpServletResponse response = committed();

		Object answer = this.handler.handleException(notWritable(new IllegalStateException("no serializer")),
				new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(answer).isNull();
		assertThat(output).contains("WARN").contains("Response already committed").contains("no serializer");
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
