/** The filter chains (API, Actuator, pages), the login page, and how security refusals are answered. */
@ApplicationModule(allowedDependencies = { "apikeys", "users", "kernel", "web" })
@NullMarked
package com.promotracking.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
