package com.promotracking.kernel;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppProperties.class)
class KernelConfig {

	/**
	 * One clock for "when was this changed", replaceable in tests. It ticks in microseconds, the precision
	 * both databases keep, so what a save answers is exactly what a later read shows.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
