package com.promotracking.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-Proto: https} from an address that is no trusted proxy counts for nothing: here the only
 * trusted proxy is 10.255.255.1, so the test, on this machine, is an ordinary client. No {@code Secure} cookie,
 * no HSTS: a client cannot make the service believe a plain HTTP request was HTTPS.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.1")
class UntrustedForwardedHeadersIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void aForwardedProtoFromAClientIsIgnored() {
		ForwardedHeadersIT.LoggedIn spoofed = ForwardedHeadersIT.logIn(Http.on(this.port, this.json), "https");

		assertThat(spoofed.loginPage().header("Strict-Transport-Security")).isEmpty();
		assertThat(ForwardedHeadersIT.attributes(spoofed.login().sessionSetCookie().orElseThrow()))
			.doesNotContain("secure");
		assertThat(ForwardedHeadersIT.attributes(spoofed.loginPage().setCookie(Http.CSRF_COOKIE).orElseThrow()))
			.doesNotContain("secure");
	}

}
