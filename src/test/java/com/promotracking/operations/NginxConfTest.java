package com.promotracking.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The cluster check runs the shipped {@code deploy/nginx.conf} with nothing changed but its three ports, and
 * checks the limits this file sets.
 */
class NginxConfTest {

	@Test
	void theClusterCheckChangesOnlyTheThreePortLinesOfTheShippedConf() throws IOException {
		String shipped = Files.readString(Nginx.SHIPPED_CONF);
		String run = Nginx.conf(shipped, 41000, 41001, 41002);

		List<String> before = shipped.lines().toList();
		List<String> after = run.lines().toList();
		assertThat(after).hasSameSizeAs(before);
		List<String> changed = IntStream.range(0, before.size())
			.filter(i -> !before.get(i).equals(after.get(i)))
			.mapToObj(after::get)
			.map(String::strip)
			.toList();
		assertThat(changed).containsExactly("server 127.0.0.1:41001 max_fails=1 fail_timeout=10s;",
				"server 127.0.0.1:41002 max_fails=1 fail_timeout=10s;", "listen 41000;");
	}

	@Test
	void aConfThatMovedOneOfItsPortsIsRefusedRatherThanCheckedHalfChanged() throws IOException {
		String moved = Files.readString(Nginx.SHIPPED_CONF).replace("listen 8080;", "listen 9090;");

		assertThatIllegalStateException().isThrownBy(() -> Nginx.conf(moved, 41000, 41001, 41002))
			.withMessageContaining("'listen 8080;' once, but holds it 0 times");
	}

	@Test
	void theShippedConfSetsTheBodyLimitsTheClusterCheckProbes() throws IOException {
		String shipped = Files.readString(Nginx.SHIPPED_CONF);

		// ThroughNginx.GENERAL_LIMIT and BATCH_LIMIT: a change here must move them too.
		assertThat(shipped).contains("client_max_body_size 64k;", "client_max_body_size 8m;");
	}

}
