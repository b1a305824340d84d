/** Accounts, roles and who is signed in: brand admins, CSMs, partners, operators, and the identity of an API key. */
package com.promotracking.users;
