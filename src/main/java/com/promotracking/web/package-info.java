/** Web plumbing: problem details and error pages, languages, the request log, static files, page layout model. */
@ApplicationModule(allowedDependencies = { "kernel" })
@NullMarked
package com.promotracking.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
