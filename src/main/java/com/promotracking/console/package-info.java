/** The console across programs: where tracking is ready, stuck or leaking, and tracking switched in bulk. */
@ApplicationModule(allowedDependencies = { "settings", "programs", "audit", "users", "kernel", "web" })
@NullMarked
package com.promotracking.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
