package com.promotracking.promocodes;

import org.jspecify.annotations.Nullable;

/**
 * Why an import's row cannot be created: the field (named as the API names a code's fields), the message key of
 * the reason, phrased as when creating one code, and its argument if it has one (the line a duplicate first
 * appears on).
 */
public record ImportError(int line, String field, String messageKey, @Nullable String argument) {
}
