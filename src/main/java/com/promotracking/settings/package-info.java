/** A program's promo code tracking settings: the Ad settings page, its rules and its API. */
@ApplicationModule(allowedDependencies = { "eventtypes", "programs", "audit", "users", "kernel", "web" })
@NullMarked
package com.promotracking.settings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
