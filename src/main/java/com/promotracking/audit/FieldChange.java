package com.promotracking.audit;

import org.jspecify.annotations.Nullable;

/** One field's value before and after (or, for a refusal, the value that was asked for). */
public record FieldChange(@Nullable Object from, @Nullable Object to) {
}
