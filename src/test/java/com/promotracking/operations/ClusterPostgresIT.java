package com.promotracking.operations;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster check of {@code scripts/cluster-check}, in the build: two instances of the packaged jar on one
 * PostgreSQL server, with nginx and the shipped conf in front. Its figures go to the build's output. Both tests
 * share the instances, started once; the nginx one goes first, since the other kills both instances.
 * <p>
 * Without nginx the nginx test is skipped with a loud banner, or fails with {@code -Dnginx.tests.required=true}
 * (as {@code .ci/run} sets).
 */
@TestMethodOrder(OrderAnnotation.class)
class ClusterPostgresIT {

	private static ClusterCheck cluster;

	@BeforeAll
	static void twoInstancesOnOnePostgresServer() throws Exception {
		Path jar = Path.of("target", "promo-code-tracking.jar");
		assertThat(jar).as("the jar that the package phase builds").satisfies(path -> assertThat(Files.isRegularFile(path)).isTrue());
		cluster = ClusterCheck.start(jar, 200, System.out);
	}

	@AfterAll
	static void stop() throws Exception {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void conversionsWithAnApiKeyPassTheShippedNginxConfToBothInstancesAFullBatchOnceAndOversizedBodiesStopThere()
			throws Exception {
		Nginx.assumeInstalled();
		cluster.throughNginx();
	}

	@Test
	@Order(2)
	void twoInstancesShareSessionsAndDataLoseNoAcknowledgedSaveAndFinishRequestsInFlightWhenStopping()
			throws Exception {
		cluster.sharedStateAndSaves();
	}

}
