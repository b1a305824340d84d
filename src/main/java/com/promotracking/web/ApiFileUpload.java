package com.promotracking.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation that also takes a file the way a browser uploads one ({@code multipart/form-data}), from a
 * program or a script, never from a web page: {@link ApiFormPostGuard} lets such a request through only when it
 * carries none of the headers a browser adds to a page's request ({@code Origin}, {@code Sec-Fetch-Site}), so
 * another site's form still cannot write with credentials the browser resends by itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiFileUpload {

}
