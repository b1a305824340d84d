package com.promotracking.users;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.promotracking.kernel.PlainSqlRead;

/** Who a brand can turn to. */
@Service
public class Contacts {

	private final JdbcClient jdbc;

	Contacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The CSM assigned to the brand; the first assigned one when several are. Plain SQL: the Ad settings page shows
	 * it each time, and a query through the repository costs several times the statement itself.
	 */
	@PlainSqlRead
	public Optional<Contact> csmOf(long brandId) {
		return this.jdbc.sql("""
				select u.display_name, u.username from app_user u join csm_assignment a on a.csm_id = u.id
				where a.brand_id = ? and u.role = 'CSM' order by u.id fetch first 1 rows only""")
			.param(brandId)
			.query((row, number) -> new Contact(row.getString(1), row.getString(2)))
			.optional();
	}

}
