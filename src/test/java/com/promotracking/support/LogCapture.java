package com.promotracking.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import com.promotracking.web.RequestLog;

/**
 * Everything logged while it listens, with the request log ({@code com.promotracking.http}) on at INFO: for
 * tests that a client's mistake logs no ERROR and its request log line tells its real status. Listens during
 * each test of the class that registers it ({@code @RegisterExtension}).
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

	private final Logger requestLog = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);

	private Level requestLogLevel;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.requestLogLevel = this.requestLog.getLevel();
		this.requestLog.setLevel(Level.INFO);
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.root.detachAppender(this.appender);
		this.appender.stop();
		this.requestLog.setLevel(this.requestLogLevel);
	}

	/** What was logged at ERROR or above, as text. */
	public List<String> errors() {
		return atLeast(Level.ERROR);
	}

	/** What was logged at WARN or above, as text. */
	public List<String> warnings() {
		return atLeast(Level.WARN);
	}

	private List<String> atLeast(Level level) {
		return logged().stream()
			.filter(event -> event.getLevel().isGreaterOrEqual(level))
			.map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
			.toList();
	}

	/** The request log's lines. */
	public List<String> requestLines() {
		return requestEvents().stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	/** The request log's events, each with its level. */
	public List<ILoggingEvent> requestEvents() {
		return logged().stream().filter(event -> RequestLog.LOGGER.equals(event.getLoggerName())).toList();
	}

	/** The request log's first line that starts so, waited for as {@link #awaitRequestLine(Predicate)} says. */
	public String awaitRequestLine(String start) {
		return awaitRequestLine(line -> line.startsWith(start)).getFormattedMessage();
	}

	/**
	 * The request log's first line that matches, waited for up to ten seconds: the line is written once the answer
	 * has gone, and the client may have read the answer before that.
	 */
	public ILoggingEvent awaitRequestLine(Predicate<String> matching) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			List<ILoggingEvent> events = requestEvents();
			for (ILoggingEvent event : events) {
				if (matching.test(event.getFormattedMessage())) {
					return event;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no such request log line in "
						+ events.stream().map(ILoggingEvent::getFormattedMessage).toList());
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

	/** What was logged so far; the appender adds while holding its own lock, so this copies under it. */
	private List<ILoggingEvent> logged() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list);
		}
	}

}
