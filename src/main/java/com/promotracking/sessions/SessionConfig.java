package com.promotracking.sessions;

import java.sql.DatabaseMetaData;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
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

	/** H2's upsert of a session attribute; PostgreSQL's comes with Spring Session. */
	private static final String H2_UPSERT_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
			""";

	/**
	 * Session reads and writes are plain JDBC: a JDBC transaction is enough for them, and much lighter than the
	 * JPA one Spring Session would otherwise borrow (which opens a Hibernate session for every request).
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Two requests of one session may add the same attribute at once: the first pages opened after a login each
	 * make the session's CSRF token. Spring Session adds an attribute with a plain INSERT, so the second failed
	 * on the primary key and its page answered 500. An upsert lets the later write win instead, as setting an
	 * attribute twice does within one request.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpserts(DataSource dataSource) {
		return sessions -> {
			String database = databaseName(dataSource);
			if ("PostgreSQL".equals(database)) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
			}
			else if ("H2".equals(database)) {
				sessions.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
			}
		};
	}

	/**
	 * Session attributes stored as Spring Session stores them (Java serialization), read back through
	 * {@link SessionAttributeDeserializationCache}, which deserialises a session's sign-in and CSRF token once rather
	 * than on every request.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionSignInsReadOnce() {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class,
				new SessionAttributeDeserializationCache(SessionConfig.class.getClassLoader()));
		return sessions -> sessions.setConversionService(conversions);
	}

	private static String databaseName(DataSource dataSource) {
		try {
			return JdbcUtils.commonDatabaseName(
					JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the sessions are in", ex);
		}
	}

	/** Each request reads its session once (SparseTouchSessionRepository.findById says why it might twice). */
	@Bean
	FilterRegistrationBean<SparseTouchSessionRepository.ReadOncePerRequest> sessionReadOncePerRequest() {
		FilterRegistrationBean<SparseTouchSessionRepository.ReadOncePerRequest> registration = new FilterRegistrationBean<>(
				new SparseTouchSessionRepository.ReadOncePerRequest());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
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
