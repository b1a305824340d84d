/** Accounts, roles and who is signed in: brand admins, CSMs and partners. */
package com.promotracking.users;
