/** Conversions: intake (single and batch), their attribution to a partner by promo code or click, and reports. */
package com.promotracking.conversions;
