/** The database: where the embedded one lives, how repositories are set up, and the demo data. */
@ApplicationModule(allowedDependencies = { "kernel" })
@NullMarked
package com.promotracking.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
