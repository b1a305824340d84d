package com.promotracking.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL run of the integration tests needs a server. Without one it is skipped, loudly, so that
 * {@code ./mvnw verify} passes on a machine without PostgreSQL; with {@code -Dpostgres.tests.required=true}
 * (as {@code .ci/run} sets) a missing server fails the build instead. Registered for that run only, by
 * extension auto-detection (see pom.xml).
 */
public class PostgresRunCondition implements ExecutionCondition {

	private static final AtomicBoolean warned = new AtomicBoolean();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestPostgres.isThisRun() || TestPostgres.configured().isPresent()) {
			return ConditionEvaluationResult.enabled("a PostgreSQL server is configured");
		}
		String reason = "PostgreSQL run skipped: TEST_POSTGRES_URL is not set (.ci/run starts a throwaway server; "
				+ "see README.md, Test it)";
		if (Boolean.getBoolean("postgres.tests.required")) {
			throw new ExtensionConfigurationException(reason.replace("skipped", "required")
					+ ", and postgres.tests.required=true");
		}
		if (warned.compareAndSet(false, true)) {
			System.err.printf("%n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!%n"
					+ "!!! %s%n"
					+ "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!%n%n", reason);
		}
		return ConditionEvaluationResult.disabled(reason);
	}

}
