package com.promotracking.operations;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster check of {@code scripts/cluster-check}, in the build: two instances of the packaged jar on one
 * PostgreSQL server. Its figures go to the build's output.
 */
class ClusterPostgresIT {

	@Test
	void twoInstancesShareSessionsAndDataLoseNoAcknowledgedSaveAndFinishRequestsInFlightWhenStopping()
			throws Exception {
		Path jar = Path.of("target", "promo-code-tracking.jar");
		assertThat(jar).as("the jar that the package phase builds").satisfies(path -> assertThat(Files.isRegularFile(path)).isTrue());
		new ClusterCheck(jar, 200, System.out).run();
	}

}
