package com.promotracking.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it listens, with the request log ({@code com.promotracking.http}) on at INFO: for
 * tests that a client's mistake logs no ERROR and its request log line tells its real status. Listens during
 * each test of the class that registers it ({@code @RegisterExtension}).
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

	private static final String REQUEST_LOG = "com.promotracking.http";

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

	private final Logger requestLog = (Logger) LoggerFactory.getLogger(REQUEST_LOG);

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
		return logged().stream()
			.filter(event -> REQUEST_LOG.equals(event.getLoggerName()))
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	/**
	 * The request log's first line that starts so, waited for up to ten seconds: the line is written once the answer
	 * has gone, and the client may have read the answer before that.
	 */
	public String awaitRequestLine(String start) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			List<String> lines = requestLines();
			for (String line : lines) {
				if (line.startsWith(start)) {
					return line;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no request log line starting with '" + start + "' in " + lines);
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
