package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A partner request's suggested codes move from one space-joined column to a table of their own, one row per code
 * in the partner's order. Java rather than SQL: splitting a string into rows is written differently on H2 and on
 * PostgreSQL, and the migrations run unchanged on both.
 */
public class V6__suggested_codes_table extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					create table promo_code_request_code (
					    request_id bigint      not null references promo_code_request (id),
					    code_order int         not null,
					    code       varchar(64) not null,
					    primary key (request_id, code_order)
					)""");
		}
		try (Statement read = connection.createStatement();
				ResultSet requests = read.executeQuery("select id, suggested_codes from promo_code_request");
				PreparedStatement insert = connection
					.prepareStatement("insert into promo_code_request_code (request_id, code_order, code) values (?, ?, ?)")) {
			while (requests.next()) {
				String[] codes = requests.getString(2).split(" ");
				for (int position = 0; position < codes.length; position++) {
					insert.setLong(1, requests.getLong(1));
					insert.setInt(2, position);
					insert.setString(3, codes[position]);
					insert.addBatch();
				}
			}
			insert.executeBatch();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table promo_code_request drop column suggested_codes");
		}
	}

}
