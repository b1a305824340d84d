package com.promotracking.users;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * After {@value #MAX_FAILURES} failed logins for one login within 15 minutes, that login is refused for the
 * next 15 minutes. Failures live in the database so every instance counts the same ones. Refused attempts
 * are not failures: they neither count nor extend the lock.
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	LoginThrottle(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean isLocked(String login) {
		Instant now = this.clock.instant();
		List<Instant> failures = this.jdbc.query(
				"select failed_at from login_failure where username = ? and failed_at > ? order by failed_at desc",
				(row, i) -> row.getTimestamp(1).toInstant(), key(login), Timestamp.from(now.minus(WINDOW.multipliedBy(2))));
		// The lock starts at the failure that was the fifth within 15 minutes, and lasts 15 minutes from it.
		for (int i = 0; i + MAX_FAILURES - 1 < failures.size(); i++) {
			Instant fifth = failures.get(i);
			boolean withinWindow = !failures.get(i + MAX_FAILURES - 1).isBefore(fifth.minus(WINDOW));
			if (withinWindow && fifth.plus(WINDOW).isAfter(now)) {
				return true;
			}
		}
		return false;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		Instant now = this.clock.instant();
		String login = key(event.getAuthentication().getName());
		this.jdbc.update("delete from login_failure where username = ? and failed_at < ?", login,
				Timestamp.from(now.minus(WINDOW.multipliedBy(2))));
		this.jdbc.update("insert into login_failure (username, failed_at) values (?, ?)", login, Timestamp.from(now));
	}

	/** A person who got in resets their count; API calls, which authenticate every time, write nothing. */
	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		this.jdbc.update("delete from login_failure where username = ?", key(event.getAuthentication().getName()));
	}

	private static String key(String login) {
		String key = (login != null) ? login.strip().toLowerCase(Locale.ROOT) : "";
		return (key.length() > 254) ? key.substring(0, 254) : key;
	}

}
