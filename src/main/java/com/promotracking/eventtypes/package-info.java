/** Event types, their test actions, and whether a program's promo code has passed event-type validation. */
package com.promotracking.eventtypes;
