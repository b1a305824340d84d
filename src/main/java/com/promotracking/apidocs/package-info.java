/**
 * The API described: the OpenAPI 3.1 document springdoc serves at {@code /v3/api-docs} and Swagger UI, completed
 * from one place with what annotations cannot say (problem responses, security per operation, nullness).
 */
@ApplicationModule(allowedDependencies = { "users", "kernel" })
@NullMarked
package com.promotracking.apidocs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
