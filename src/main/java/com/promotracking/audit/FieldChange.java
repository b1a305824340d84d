package com.promotracking.audit;

/** One field's value before and after (or, for a refusal, the value that was asked for). */
public record FieldChange(Object from, Object to) {
}
