/** Sessions in the database (Spring Session JDBC), written and read as seldom as a session needs. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package com.promotracking.sessions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
