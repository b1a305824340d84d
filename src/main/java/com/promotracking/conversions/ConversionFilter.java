package com.promotracking.conversions;

import java.time.Instant;

import com.promotracking.conversions.Attribution.By;

/** Which conversions a list shows: occurred in [from, to), credited to a partner, matching a code, by what. */
record ConversionFilter(Instant from, Instant to, Long partnerId, Long promoCodeId, By by) {
}
