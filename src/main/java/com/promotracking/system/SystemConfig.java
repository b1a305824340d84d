package com.promotracking.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfig {

	/** One clock for "when was this changed", replaceable in tests. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
