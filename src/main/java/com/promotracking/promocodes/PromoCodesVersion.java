package com.promotracking.promocodes;

/** A program's codes at a moment, told apart by their count, highest id and count of deactivations (see {@link PromoCodeRules#versionOf}). */
public record PromoCodesVersion(long count, long maxId, long deactivated) {
}
