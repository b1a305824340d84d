package com.promotracking.database;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.kernel.AppProperties;

/**
 * Fills an empty database with the demo brands, users and programs, once. The update of the single
 * {@code demo_data_load} row locks it, so a second instance starting at the same moment waits, then finds
 * the data loaded and does nothing.
 */
@Component
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	/**
	 * Read when the application runs, not by a condition on the bean: conditions are settled once for good
	 * when the build prepares the application ahead of time (Spring AOT), and demo data must never follow
	 * a production start just because the build ran with the default setting.
	 */
	private final boolean enabled;

	DemoData(JdbcTemplate jdbc, DataSource dataSource, AppProperties settings) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.enabled = settings.demoData();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		int claimed = this.jdbc.update("update demo_data_load set loaded_at = current_timestamp where loaded_at is null");
		Integer brands = this.jdbc.queryForObject("select count(*) from brand", Integer.class);
		if (claimed == 0 || brands == null || brands > 0) {
			return;
		}
		// Runs on this transaction's connection, so the claim and the data commit together.
		DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(new ClassPathResource("db/demo/demo-data.sql")),
				this.dataSource);
		log.info("Loaded the demo data into the empty database");
	}

}
