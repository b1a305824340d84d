package com.promotracking.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API writes or reads this text (or each text of this list) as one of the enum's values, each as its
 * {@code value()} gives it: the OpenAPI document lists them as the property's or parameter's {@code enum}, taken
 * from the enum itself so that they cannot drift apart.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
public @interface ApiValues {

	Class<? extends Enum<?>> value();

	/** A sort: each value also with a {@code -} first, for descending. */
	boolean descending() default false;

}
