package com.promotracking;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk only through each other's public top-level types, and never in a cycle. */
class ModularityTest {

	@Test
	void featureModulesRespectTheirBoundaries() {
		ApplicationModules.of(PromoCodeTrackingApplication.class).verify();
	}

}
