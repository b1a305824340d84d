/** Conversions: intake (single and batch), their attribution to a partner by promo code or click, and reports. */
@ApplicationModule(allowedDependencies = { "promocodes", "settings", "eventtypes", "programs", "users", "kernel" })
@NullMarked
package com.promotracking.conversions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
