package com.promotracking.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTest {

	@Test
	void eachValueIsEncodedAsAFormWouldSendIt() {
		String link = PageLinks.to("/console").with("q", "a+b&c=d #x é").with("page", 2).toString();

		assertThat(link).isEqualTo("/console?q=a%2Bb%26c%3Dd%20%23x%20%C3%A9&page=2");
	}

	@Test
	void missingAndEmptyValuesAreLeftOutAndTheOrderIsKept() {
		String link = PageLinks.to("/programs/3/conversions")
			.with("from", LocalDate.of(2021, 3, 14))
			.with("to", null)
			.with("by", "")
			.with("partnerId", 7L)
			.toString();

		assertThat(link).isEqualTo("/programs/3/conversions?from=2021-03-14&partnerId=7");
		assertThat(PageLinks.to("/console").toString()).isEqualTo("/console");
	}

}
