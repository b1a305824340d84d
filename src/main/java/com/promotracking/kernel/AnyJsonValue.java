package com.promotracking.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API writes this property as whatever JSON value it holds (an object, an array, a string...), not as its Java
 * type says: the OpenAPI document gives it a schema that any JSON value matches.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
public @interface AnyJsonValue {

}
