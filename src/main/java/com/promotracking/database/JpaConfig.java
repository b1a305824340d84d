package com.promotracking.database;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The repositories of every feature, as Spring Boot would find them, with one change: Spring Data reads our
 * {@code @Query} texts with its simple, pattern-based reader instead of parsing each with a full HQL grammar
 * when the application starts, a parse that weighed on every start. Spring Data only needs to
 * find a query's alias and apply paging to it, which the simple reader does for queries like ours (one entity,
 * no sub-select in the select list); Hibernate still checks every query against the entities at start-up. A
 * Spring AOT start (README, the recommended flags) does neither: its repositories were generated at build time.
 */
@Configuration(proxyBeanMethods = false)
// Public only because the repositories that Spring AOT prepares at build time (in their own packages) refer to it.
@EnableJpaRepositories(basePackages = "com.promotracking", queryEnhancerSelector = JpaConfig.SimpleQueryReader.class)
public class JpaConfig {

	/** Chooses Spring Data's pattern-based query reader for every declared query. */
	public static final class SimpleQueryReader implements QueryEnhancerSelector {

		@Override
		public QueryEnhancerFactory select(DeclaredQuery query) {
			return QueryEnhancerFactories.fallback();
		}

	}

}
