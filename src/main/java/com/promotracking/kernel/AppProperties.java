package com.promotracking.kernel;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The application's own settings, {@code app.*}, read and checked once at start-up (see README.md,
 * Configuration). A missing or malformed one stops the start with a message naming it.
 *
 * @param dataDir folder of the embedded H2 database file ({@code APP_DATA_DIR})
 * @param demoData whether an empty database is filled with the demo data ({@code APP_DEMO_DATA})
 * @param supportUrl where "contact support" leads
 */
@ConfigurationProperties("app")
@Validated
public record AppProperties(@NotNull Path dataDir, boolean demoData, @NotNull URI supportUrl) {
}
