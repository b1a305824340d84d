package com.promotracking.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements prepared, and the rows read, on one thread while a piece of work runs, where they reach the
 * driver: import this configuration into a test's context (it wraps the application's data source, so everything
 * that uses it is counted), then call {@link #countOnThisThread} with the context's {@link DataSource}.
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

	/** What {@code work} asked of the database on this thread, through the context's data source. */
	public static Issued countOnThisThread(DataSource dataSource, Work work) throws Exception {
		return ((CountingDataSource) dataSource).countOnThisThread(work);
	}

	public interface Work {

		void run() throws Exception;

	}

	/** What a piece of work asked of the database. */
	public record Issued(int statements, int rows) {
	}

	static class CountingDataSource extends DelegatingDataSource {

		private static final Set<String> STATEMENT_MAKERS = Set.of("prepareStatement", "prepareCall",
				"createStatement");

		private static final Set<String> RESULT_MAKERS = Set.of("executeQuery", "getResultSet");

		private final ThreadLocal<int[]> counter = new ThreadLocal<>();

		CountingDataSource(DataSource target) {
			super(target);
		}

		Issued countOnThisThread(Work work) throws Exception {
			int[] count = new int[2];
			this.counter.set(count);
			try {
				work.run();
			}
			finally {
				this.counter.remove();
			}
			return new Issued(count[0], count[1]);
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
			return proxy(Connection.class, connection, (method, result) -> {
				int[] count = this.counter.get();
				if (count == null || !STATEMENT_MAKERS.contains(method)) {
					return result;
				}
				count[0]++;
				Class<? extends Statement> type = switch (method) {
					case "prepareCall" -> CallableStatement.class;
					case "prepareStatement" -> PreparedStatement.class;
					default -> Statement.class;
				};
				return proxy(type, (Statement) result, this::countingRows);
			});
		}

		private Object countingRows(String method, Object result) {
			int[] count = this.counter.get();
			if (count == null || !RESULT_MAKERS.contains(method) || result == null) {
				return result;
			}
			return proxy(ResultSet.class, (ResultSet) result, (next, found) -> {
				if (next.equals("next") && Boolean.TRUE.equals(found)) {
					count[1]++;
				}
				return found;
			});
		}

		interface OnReturn {

			Object apply(String method, Object result);

		}

		private static <T> T proxy(Class<T> type, Object target, OnReturn onReturn) {
			return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						try {
							return onReturn.apply(method.getName(), method.invoke(target, args));
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					}));
		}

	}

}
