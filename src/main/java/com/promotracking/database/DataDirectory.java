package com.promotracking.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code app.data-dir} (default {@code ./data}, or {@code APP_DATA_DIR}) into an absolute path before
 * the datasource URL is resolved: H2 refuses file paths that are only implicitly relative.
 */
class DataDirectory implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty("app.data-dir", "./data");
		String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("appDataDirectory", Map.of("app.data-dir", absolute)));
	}

}
