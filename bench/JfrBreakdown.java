import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the request threads' time went in a JFR recording (README.md, "Where a request's time goes"): the CPU
 * samples of the threads that answered requests, each put in the step it was in, from the servlet container
 * through each filter to the handler lookup, the handler, the view and the message body; then the same samples by
 * library (SQL, templates, JSON, security, sessions, logging), the methods that were on top most often, and the
 * pauses of the collector. A recording that covers a start also says where the start's time went, step by step
 * (README.md, "Where a start's time goes").
 *
 * <p>A sample belongs to the innermost filter it was in, unless it was inside the dispatcher servlet: a filter's
 * share is its own work and whatever it called besides the rest of the chain. It needs whole stacks: record with
 * {@code -XX:FlightRecorderOptions:stackdepth=400} (JFR keeps 64 frames by default, the top of the stack, and a
 * request's stack is deeper than that).
 *
 * <p>Usage: {@code java bench/JfrBreakdown.java RECORDING.jfr [TOP]} (Java 17 or later; TOP methods, default 15).
 */
public final class JfrBreakdown {

	/** Frames that pass the request on to the next filter rather than being a filter's own work. */
	private static final Set<String> CHAIN_FRAMES = Set.of("org.apache.catalina.core.ApplicationFilterChain.doFilter",
			"org.apache.catalina.core.ApplicationFilterChain.internalDoFilter",
			"org.springframework.web.filter.OncePerRequestFilter.doFilter",
			"org.springframework.session.web.http.OncePerRequestFilter.doFilter",
			"org.springframework.web.filter.DelegatingFilterProxy.doFilter",
			"org.springframework.web.filter.DelegatingFilterProxy.invokeDelegate",
			"org.springframework.web.filter.CompositeFilter.doFilter",
			"org.springframework.web.filter.CompositeFilter$VirtualFilterChain.doFilter",
			"org.springframework.security.web.FilterChainProxy$VirtualFilterChain.doFilter",
			"org.springframework.security.web.ObservationFilterChainDecorator$VirtualFilterChain.doFilter");

	private static final String SESSION_WRAPPER = "org.springframework.session.web.http."
			+ "SessionRepositoryFilter$SessionRepositoryRequestWrapper.";

	/** What talks to the database: the library "SQL", and the handler's step "in SQL" when one is on the stack. */
	private static final List<String> SQL_PACKAGES = List.of("java.sql.", "org.h2.", "org.postgresql.",
			"com.zaxxer.hikari.", "org.springframework.jdbc.");

	/**
	 * The steps of a start, each found by a frame on the stack; a sample belongs to the first step it is in, in
	 * this order (Hibernate's factory is built when the first repository asks for it, say).
	 */
	private static final Map<String, List<String>> START_STEPS = new LinkedHashMap<>();

	static {
		String security = "org.springframework.security.config.annotation.web.configuration.";
		String servletContext = "org.springframework.boot.web.server.servlet.context.";
		START_STEPS.put("Flyway migrations", List.of("org.flywaydb.core.Flyway.migrate"));
		START_STEPS.put("Hibernate (the entity manager factory)",
				List.of("org.springframework.orm.jpa.AbstractEntityManagerFactoryBean.afterPropertiesSet"));
		START_STEPS.put("Spring Data repositories",
				List.of("org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport"
						+ ".afterPropertiesSet"));
		START_STEPS.put("Spring Security filter chain",
				List.of(security + "HttpSecurityConfiguration.httpSecurity",
						security + "WebSecurityConfiguration.springSecurityFilterChain"));
		START_STEPS.put("Tomcat and the servlet context",
				List.of(servletContext + "ServletWebServerApplicationContext.createWebServer",
						"org.springframework.boot.tomcat.TomcatWebServer.start"));
		START_STEPS.put("proxies (transactions, AOP)",
				List.of("org.springframework.aop.framework.autoproxy.AbstractAutoProxyCreator.wrapIfNecessary"));
		START_STEPS.put("the other beans",
				List.of("org.springframework.context.support.AbstractApplicationContext.refresh"));
	}

	/** Libraries by package: a sample belongs to the library of the innermost frame outside the JDK. */
	private static final Map<String, List<String>> LIBRARIES = new LinkedHashMap<>();

	static {
		LIBRARIES.put("SQL (JDBC, pool, database)", SQL_PACKAGES);
		LIBRARIES.put("JPA (Hibernate, Spring Data)", List.of("org.hibernate.", "org.springframework.data.",
				"org.springframework.orm."));
		LIBRARIES.put("templates (Thymeleaf, SpEL)", List.of("org.thymeleaf.", "org.springframework.expression."));
		LIBRARIES.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
		LIBRARIES.put("security (Spring Security)", List.of("org.springframework.security."));
		LIBRARIES.put("sessions (Spring Session)", List.of("org.springframework.session."));
		LIBRARIES.put("logging (Logback, SLF4J)", List.of("ch.qos.logback.", "org.slf4j."));
		LIBRARIES.put("metrics and observations (Micrometer)", List.of("io.micrometer."));
		LIBRARIES.put("our code (com.promotracking)", List.of("com.promotracking."));
	}

	private JfrBreakdown() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: java bench/JfrBreakdown.java RECORDING.jfr [TOP]");
			System.exit(2);
		}
		int top = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		Map<String, Integer> steps = new HashMap<>();
		Map<String, Integer> libraries = new HashMap<>();
		Map<String, Integer> onTop = new HashMap<>();
		Map<String, Integer> start = new HashMap<>();
		int requestSamples = 0;
		int startSamples = 0;
		int otherSamples = 0;
		int truncated = 0;
		Duration pauses = Duration.ZERO;
		int collections = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.GarbageCollection")) {
				collections++;
				pauses = pauses.plus(event.getDuration("sumOfPauses"));
				continue;
			}
			if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			List<String> frames = new ArrayList<>();
			for (RecordedFrame frame : stack.getFrames()) {
				frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
			}
			if (frames.contains("org.springframework.boot.SpringApplication.run")) {
				startSamples++;
				start.merge(startStepOf(frames), 1, Integer::sum);
				continue;
			}
			if (frames.stream().noneMatch(f -> f.equals("org.apache.coyote.http11.Http11Processor.service"))) {
				otherSamples++;
				continue;
			}
			requestSamples++;
			if (stack.isTruncated()) {
				truncated++;
			}
			steps.merge(stepOf(frames), 1, Integer::sum);
			onTop.merge(frames.get(0), 1, Integer::sum);
			libraries.merge(libraryOf(frames), 1, Integer::sum);
		}
		System.out.printf("request threads: %d CPU samples (%d samples of other threads); %d stacks cut short%s%n",
				requestSamples, otherSamples, truncated,
				(truncated > 0) ? " (record with -XX:FlightRecorderOptions:stackdepth=400)" : "");
		System.out.printf("collector: %d collections, %d ms of pauses%n", collections, pauses.toMillis());
		print("by step (each sample in the innermost filter or step it was in)", steps, requestSamples,
				Integer.MAX_VALUE);
		print("by library (whose code was running: the innermost frame outside the JDK)", libraries, requestSamples,
				Integer.MAX_VALUE);
		print("methods on top of the stack", onTop, requestSamples, top);
		if (startSamples > 0) {
			print("the start, " + startSamples + " CPU samples of the thread that ran SpringApplication.run", start,
					startSamples, Integer.MAX_VALUE);
		}
	}

	/** The step of a start that one sample of the thread running {@code SpringApplication.run} was in. */
	static String startStepOf(List<String> frames) {
		for (Map.Entry<String, List<String>> step : START_STEPS.entrySet()) {
			if (step.getValue().stream().anyMatch(frames::contains)) {
				return step.getKey();
			}
		}
		return "outside the context's refresh (environment, logging, ready listeners such as the demo data)";
	}

	/** The library of one sample, from the stack's frames (top first). */
	static String libraryOf(List<String> frames) {
		for (String frame : frames) {
			if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")) {
				continue;
			}
			for (Map.Entry<String, List<String>> library : LIBRARIES.entrySet()) {
				if (library.getValue().stream().anyMatch(frame::startsWith)) {
					return library.getKey();
				}
			}
			String[] parts = frame.split("\\.");
			return "other: " + ((parts.length > 3) ? parts[0] + "." + parts[1] + "." + parts[2] : frame);
		}
		return "the JDK alone";
	}

	/** The step of one sample, from the stack's frames (top first). */
	static String stepOf(List<String> frames) {
		// Spring Session reads the session when something first asks for it (the security context, the CSRF
		// token), in whichever filter or step that is, and saves it when the chain returns.
		if (frames.contains(SESSION_WRAPPER + "commitSession")) {
			return "session saved";
		}
		if (frames.contains(SESSION_WRAPPER + "getSession")
				|| frames.contains(SESSION_WRAPPER + "getRequestedSession")) {
			return "session read";
		}
		int dispatch = frames.indexOf("org.springframework.web.servlet.DispatcherServlet.doDispatch");
		if (dispatch >= 0) {
			List<String> inside = frames.subList(0, dispatch);
			if (inside.contains("org.springframework.web.servlet.DispatcherServlet.getHandler")) {
				return "dispatch: handler lookup";
			}
			if (inside.contains("org.springframework.web.servlet.DispatcherServlet.render")) {
				return "dispatch: view rendering";
			}
			if (inside.stream().anyMatch(f -> f.endsWith(".readWithMessageConverters"))) {
				return "dispatch: request body read";
			}
			if (inside.stream()
				.anyMatch(f -> f.endsWith(".writeWithMessageConverters") || f.endsWith(".writeInternal"))) {
				return "dispatch: response body written";
			}
			if (inside.stream().anyMatch(f -> SQL_PACKAGES.stream().anyMatch(f::startsWith))) {
				return "dispatch: handler, in SQL";
			}
			if (inside.stream().anyMatch(f -> f.endsWith("Adapter.handle"))) {
				return "dispatch: handler, the rest";
			}
			return "dispatch: the rest";
		}
		for (String frame : frames) {
			if (CHAIN_FRAMES.contains(frame) || frame.contains("$$Lambda")) {
				continue;
			}
			if (frame.endsWith(".doFilterInternal") || frame.endsWith(".doFilter")) {
				return "filter " + simpleName(frame);
			}
		}
		return "servlet container (before and after the filters)";
	}

	private static String simpleName(String frame) {
		String type = frame.substring(0, frame.lastIndexOf('.'));
		return type.substring(type.lastIndexOf('.') + 1);
	}

	private static void print(String title, Map<String, Integer> counts, int total, int limit) {
		System.out.printf("%n%s:%n", title);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(limit)
			.forEach(entry -> System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / Math.max(total, 1),
					entry.getKey()));
	}

}
