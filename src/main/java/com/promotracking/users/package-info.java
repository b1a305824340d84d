/** Accounts, roles and who is signed in: brand admins, CSMs, partners, operators, and the identity of an API key. */
@ApplicationModule(allowedDependencies = { "kernel" })
@NullMarked
package com.promotracking.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
