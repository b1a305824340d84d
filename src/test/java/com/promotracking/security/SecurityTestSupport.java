package com.promotracking.security;

import org.springframework.context.annotation.Import;

import com.promotracking.web.WebTestSupport;

/**
 * What a {@code @WebMvcTest} of pages needs besides its controller: the security chains and how they answer
 * refusals, and the web parts ({@link WebTestSupport}).
 */
@Import({ SecurityConfig.class, ProblemSecurityHandler.class,
		WebTestSupport.class })
public final class SecurityTestSupport {

	private SecurityTestSupport() {
	}

}
