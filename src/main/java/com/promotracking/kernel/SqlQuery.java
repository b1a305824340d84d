package com.promotracking.kernel;

import java.util.Map;

/**
 * A statement with its named parameters, as a store builds it for a list's filters: run with
 * {@code JdbcClient.sql(sql).params(params)}, and explained as it is by the tests of its plan.
 */
public record SqlQuery(String sql, Map<String, Object> params) {
}
