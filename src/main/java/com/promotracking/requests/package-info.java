/** Partners asking a brand for a promo code of their own, and the brand deciding. */
@ApplicationModule(allowedDependencies = { "promocodes", "settings", "programs", "audit", "users", "kernel", "web" })
@NullMarked
package com.promotracking.requests;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
