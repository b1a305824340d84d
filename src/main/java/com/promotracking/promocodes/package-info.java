/** Tracking promo codes: each partner's codes, which only exist while a program's tracking is enabled. */
package com.promotracking.promocodes;
