/**
 * Conversions: intake (single and batch), their attribution to a partner by promo code or click, the promo code
 * report, and their pages (the list with why each was credited, the report with its chart and CSV).
 */
@ApplicationModule(allowedDependencies = { "promocodes", "settings", "eventtypes", "programs", "users", "kernel",
		"web" })
@NullMarked
package com.promotracking.conversions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
