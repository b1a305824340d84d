/**
 * The few types every feature shares: the domain exception base, field errors, the clock, the app's settings, a page
 * of a list.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package com.promotracking.kernel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
