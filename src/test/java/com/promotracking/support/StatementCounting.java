package com.promotracking.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements prepared on one thread while a piece of work runs, where they reach the driver: import this
 * configuration into a test's context, then {@link #countOnThisThread} with the context's {@link DataSource}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource))
						? new CountingDataSource(dataSource) : bean;
			}
		};
	}

	/** The statements {@code work} prepared on this thread, through the context's data source. */
	public static int countOnThisThread(DataSource dataSource, Work work) throws Exception {
		return ((CountingDataSource) dataSource).countOnThisThread(work);
	}

	public interface Work {

		void run() throws Exception;

	}

	static class CountingDataSource extends DelegatingDataSource {

		private static final Set<String> STATEMENT_MAKERS = Set.of("prepareStatement", "prepareCall",
				"createStatement");

		private final ThreadLocal<int[]> counter = new ThreadLocal<>();

		CountingDataSource(DataSource target) {
			super(target);
		}

		int countOnThisThread(Work work) throws Exception {
			int[] count = new int[1];
			this.counter.set(count);
			try {
				work.run();
			}
			finally {
				this.counter.remove();
			}
			return count[0];
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						int[] count = this.counter.get();
						if (count != null && STATEMENT_MAKERS.contains(method.getName())) {
							count[0]++;
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
