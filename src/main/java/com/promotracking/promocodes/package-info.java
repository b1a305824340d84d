/** Tracking promo codes: each partner's codes, which only exist while a program's tracking is enabled. */
@ApplicationModule(allowedDependencies = { "settings", "programs", "audit", "users", "kernel", "web" })
@NullMarked
package com.promotracking.promocodes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
