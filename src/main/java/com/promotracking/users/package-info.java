/** Accounts, roles and who is signed in: brand admins, CSMs and partners. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package com.promotracking.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
