package com.promotracking.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Commits shaped as a settings save writes them (a history row and an update of one settings row each), on an H2
 * file of their own, and the store's figures for the test and the benchmark of {@link H2StoreHousekeeping}.
 */
final class SaveLikeCommits implements AutoCloseable {

	private final Connection connection;

	private final PreparedStatement history;

	private final PreparedStatement settings;

	private volatile long commits;

	/** Creates the two tables on the connection, which then commits only through {@link #commitOne()}. */
	SaveLikeCommits(Connection connection) throws SQLException {
		try (Statement schema = connection.createStatement()) {
			schema.execute("create table history (id bigint auto_increment primary key, program_id bigint,"
					+ " changed_at timestamp, text varchar(200))");
			schema.execute("create index history_by_program on history (program_id, changed_at)");
			schema.execute("create table settings (id bigint primary key, total bigint)");
			schema.execute("insert into settings values (1, 0)");
		}
		connection.setAutoCommit(false);
		this.connection = connection;
		this.history = connection
			.prepareStatement("insert into history (program_id, changed_at, text) values (?, current_timestamp, ?)");
		this.settings = connection.prepareStatement("update settings set total = total + 1 where id = 1");
	}

	void commitOne() throws SQLException {
		long number = this.commits + 1;
		this.history.setLong(1, number % 7);
		this.history.setString(2, "Promo code tracking enabled, save number " + number);
		this.history.executeUpdate();
		this.settings.executeUpdate();
		this.connection.commit();
		this.commits = number;
	}

	/** The commits done; read by the benchmark's other thread, so a commit counts once it is done. */
	long commits() {
		return this.commits;
	}

	@Override
	public void close() throws SQLException {
		this.history.close();
		this.settings.close();
	}

	/** H2's figures of its store ({@code info.} settings, the numeric ones), by name without the prefix. */
	static Map<String, Long> storeFigures(Connection connection) throws SQLException {
		Map<String, Long> figures = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select setting_name, setting_value"
						+ " from information_schema.settings where setting_name like 'info.%'")) {
			while (rows.next()) {
				try {
					figures.put(rows.getString(1).substring("info.".length()), Long.parseLong(rows.getString(2)));
				}
				catch (NumberFormatException notANumber) {
					// info.FILE_NAME and the like
				}
			}
		}
		return figures;
	}

}
