package com.promotracking.web;

import java.sql.SQLException;

import jakarta.servlet.FilterChain;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "temporarily unavailable" page, rendered by the filter itself when the database cannot be reached, on H2 as
 * on every database: the outage itself is played on PostgreSQL only (DatabaseOutagePostgresIT), so this checks the
 * page is whole, layout included, wherever the tests run.
 */
@SpringBootTest
class DatabaseUnavailableFilterTest {

	@Autowired
	FilterRegistrationBean<DatabaseUnavailableFilter> registration;

	@Autowired
	AssetUrls assets;

	@Test
	void aPageWhoseDatabaseIsDownAnswers503WithTheWholeTranslatedPageAndItsVersionedStyles() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/programs/1/settings/ad-settings");
		request.addHeader("Accept-Language", "fr");
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain down = (req, res) -> {
			throw new CannotGetJdbcConnectionException("down", new SQLException("Connection refused", "08001"));
		};

		this.registration.getFilter().doFilter(request, response, down);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS);
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select("#unavailable").text()).isEqualTo("Temporairement indisponible");
		assertThat(page.select("link[rel=stylesheet]").attr("href"))
			.isEqualTo(this.assets.of("/assets/css/app.css"))
			.matches("/assets/css/app-[0-9a-f]{32}\\.css");
	}

}
