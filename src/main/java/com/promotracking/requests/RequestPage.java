package com.promotracking.requests;

import java.util.List;

/** One page of promo code requests, newest first, and whether another page follows (read, never counted). */
record RequestPage(List<RequestView> requests, int page, int size, boolean hasNext) {
}
