package com.promotracking.support;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the PostgreSQL run of the integration tests, gives every application context a fresh database of its own
 * on {@link TestPostgres}, as the H2 run gives each one a fresh in-memory database. A test that manages its own
 * database sets {@code test.database.own=true}.
 */
class PostgresTestDatabase implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!TestPostgres.isThisRun() || environment.getProperty("test.database.own", Boolean.class, false)) {
			return;
		}
		TestPostgres server = TestPostgres.required();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("testPostgresDatabase",
					Map.of("spring.datasource.url", server.createDatabase(), "spring.datasource.username",
							server.user(), "spring.datasource.password", server.password(), "app.demo-data", "true")));
	}

}
