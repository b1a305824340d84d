/** A brand's API keys: made and revoked by its people, checked on every call its servers make with one. */
@ApplicationModule(allowedDependencies = { "programs", "audit", "users", "kernel", "web" })
@NullMarked
package com.promotracking.apikeys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
