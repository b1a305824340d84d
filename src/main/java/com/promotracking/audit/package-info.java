/** The change history of a program's settings: who changed or tried to change what, when, and how. */
@ApplicationModule(allowedDependencies = { "programs", "users", "kernel", "web" })
@NullMarked
package com.promotracking.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
