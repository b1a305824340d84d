package com.promotracking.system;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions in the database (Spring Session JDBC), at the cost of as few writes as a session needs. Spring Boot
 * configures the repository; this makes it cheaper per request.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	/** How stale a session's stored "last used" time may get before a request writes the new one. */
	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	/**
	 * Session reads and writes are plain JDBC: a JDBC transaction is enough for them, and much lighter than the
	 * JPA one Spring Session would otherwise borrow (which opens a Hibernate session for every request).
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * The session filter gets the repository Spring Boot configured, minus a write per request to note the time.
	 * Wrapped rather than replaced: a repository bean of our own would make Spring Boot drop its whole JDBC
	 * session setup (timeout, clean-up of expired sessions, serialization).
	 */
	@Bean
	static BeanPostProcessor sparseSessionTouches() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions)
						? new SparseTouchSessionRepository(sessions, TOUCH_EVERY) : bean;
			}
		};
	}

}
