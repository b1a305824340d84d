package com.promotracking.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read made of plain SQL statements ({@code JdbcClient}) and nothing else: it joins the caller's transaction when
 * there is one and opens none of its own.
 *
 * <p>A read-only transaction through JPA opens a Hibernate session, takes a connection, switches it to read-only
 * and to manual commit, commits and switches it back, all to run statements that would each see committed data
 * anyway: both databases read at "read committed", where every statement of a transaction sees what was committed
 * when it started. Without one, the statements of a call still share one connection, held from the first of them
 * to the end of the call.
 *
 * <p>No JPA read inside that runs without a transaction of its own (a repository's query method, the entity
 * manager): its Hibernate session would take a second connection from the pool while the first is held. A call to
 * a service with a transaction of its own is safe: Spring sets the held connection aside, back in the pool, until
 * that transaction ends (the conversions page does so when the program's codes changed and its matcher reads them
 * again). {@code PlainSqlReadIT} checks that the calls using this open no Hibernate session.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public @interface PlainSqlRead {

}
