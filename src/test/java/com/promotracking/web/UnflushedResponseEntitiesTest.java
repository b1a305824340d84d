package com.promotracking.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

import com.promotracking.web.SpringMvcConfig.UnflushedResponseEntities;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring's {@code ResponseEntity} handling with the flush that waits for the end of the request. */
class UnflushedResponseEntitiesTest {

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/anything");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final ServletWebRequest webRequest = new ServletWebRequest(this.request, this.response);

	@Test
	void aResponseEntityIsWrittenButLeftForTheEndOfTheRequestToSend() throws Exception {
		HttpEntityMethodProcessor spring = new HttpEntityMethodProcessor(List.of(new StringHttpMessageConverter()));
		HandlerMethodReturnValueHandler handler = UnflushedResponseEntities.around(List.of(spring)).get(0);
		MethodParameter returnType = returnTypeOf("entity");

		assertThat(handler).isInstanceOf(UnflushedResponseEntities.class);
		assertThat(handler.supportsReturnType(returnType)).isTrue();
		handler.handleReturnValue(ResponseEntity.ok().eTag("7").body("the body"), returnType,
				new ModelAndViewContainer(), this.webRequest);

		assertThat(this.response.getContentAsString()).isEqualTo("the body");
		assertThat(this.response.getHeader("ETag")).isEqualTo("\"7\"");
		assertThat(this.response.isCommitted()).isFalse();
	}

	@Test
	void onlySpringsResponseEntityHandlersAreWrapped() {
		RequestResponseBodyMethodProcessor body = new RequestResponseBodyMethodProcessor(
				List.of(new StringHttpMessageConverter()));

		assertThat(UnflushedResponseEntities.around(List.of(body))).containsExactly(body);
	}

	@Test
	void aStreamGetsTheFlushItAskedForAsSoonAsTheHandlerReturns() throws Exception {
		this.request.setAsyncSupported(true);
		HandlerMethodReturnValueHandler streaming = new HandlerMethodReturnValueHandler() {

			@Override
			public boolean supportsReturnType(MethodParameter returnType) {
				return true;
			}

			@Override
			public void handleReturnValue(Object returnValue, MethodParameter returnType,
					ModelAndViewContainer mavContainer, NativeWebRequest web)
					throws Exception {
				web.getNativeRequest(MockHttpServletRequest.class).startAsync();
				web.getNativeResponse(HttpServletResponse.class).flushBuffer();
				assertThat(UnflushedResponseEntitiesTest.this.response.isCommitted()).isFalse();
			}

		};

		new UnflushedResponseEntities(streaming).handleReturnValue("events", returnTypeOf("entity"),
				new ModelAndViewContainer(), this.webRequest);

		assertThat(this.response.isCommitted()).isTrue();
	}

	private static MethodParameter returnTypeOf(String method) throws NoSuchMethodException {
		return new MethodParameter(Controller.class.getDeclaredMethod(method), -1);
	}

	static class Controller {

		ResponseEntity<String> entity() {
			return ResponseEntity.ok("unused");
		}

	}

}
