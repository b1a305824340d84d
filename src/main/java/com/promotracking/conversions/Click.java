package com.promotracking.conversions;

import java.time.Instant;

/** A partner's click on the way to a conversion. */
record Click(long partnerId, Instant at) {
}
