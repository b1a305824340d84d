/** Event types, their test actions, and whether a program's promo code has passed event-type validation. */
@ApplicationModule(allowedDependencies = { "programs", "audit", "users", "kernel", "web" })
@NullMarked
package com.promotracking.eventtypes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
