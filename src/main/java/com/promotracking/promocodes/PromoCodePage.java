package com.promotracking.promocodes;

import java.util.List;

/** One page of a program's codes, newest first, and whether another page follows (read, never counted). */
record PromoCodePage(List<PromoCodeView> codes, int page, int size, boolean hasNext) {
}
