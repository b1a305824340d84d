/** A program's promo code tracking settings: the Ad settings page, its rules and its API. */
package com.promotracking.settings;
