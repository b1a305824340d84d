package com.promotracking.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API writes this text as the JSON value it holds (an object, an array, a string...), not as a JSON string:
 * the OpenAPI document gives it a schema that allows any JSON value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
public @interface AnyJson {

}
