package com.promotracking.requests;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of codes that a form sends as one text box, the codes separated by spaces, commas or semicolons
 * ({@link CodeListFormatting}). JSON sends an array and ignores this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@interface CodeList {
}
