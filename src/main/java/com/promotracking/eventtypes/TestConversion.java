package com.promotracking.eventtypes;

import java.math.BigDecimal;

/** A test conversion as received, already checked field by field. */
record TestConversion(String orderId, BigDecimal amount, String currency, String promoCode) {
}
