package com.promotracking.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven through the system's chromedriver, never one downloaded by Selenium
 * Manager (the internet is closed on CI machines). Each browser gets its own fresh profile directory, removed
 * again by {@link #close()}.
 * <p>
 * Without Chromium or chromedriver the browser tests are skipped with a loud banner, unless the system
 * property {@value #REQUIRED_PROPERTY} is {@code true} (CI sets it), in which case they fail.
 */
final class Browser implements AutoCloseable {

	static final String REQUIRED_PROPERTY = "browser.tests.required";

	/** Overridable only to try the skip/fail behaviour without uninstalling anything. */
	static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--window-size=1280,900");

	private static volatile boolean bannerShown;

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** What is missing to run the browser tests, if anything. */
	static Optional<String> missing() {
		List<String> missing = new ArrayList<>();
		for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(executable)) {
				missing.add(executable.toString());
			}
		}
		return missing.isEmpty() ? Optional.empty()
				: Optional.of("Chromium/chromedriver not found at " + String.join(", ", missing)
						+ "; install chromium chromium-driver or run .ci/run");
	}

	/**
	 * Fails the calling test when Chromium or chromedriver is missing and the browser tests are required;
	 * otherwise, when they are missing, prints a loud banner (once) and aborts the test, so it is reported as
	 * skipped.
	 */
	static void assumeInstalled() {
		Optional<String> problem = missing();
		if (problem.isEmpty()) {
			return;
		}
		if (Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY, "false"))) {
			Assertions.fail("BROWSER TESTS REQUIRED (-D" + REQUIRED_PROPERTY + "=true) but " + problem.get());
		}
		if (!bannerShown) {
			bannerShown = true;
			String bang = "!".repeat(100);
			System.err.println();
			System.err.println(bang);
			System.err.println(bang);
			System.err.println("!!!!  BROWSER TESTS SKIPPED: " + problem.get());
			System.err.println("!!!!  (with -D" + REQUIRED_PROPERTY + "=true, as .ci/run does, this is a failure)");
			System.err.println(bang);
			System.err.println(bang);
			System.err.println();
		}
		Assumptions.abort("BROWSER TESTS SKIPPED: " + problem.get());
	}

	/** Like {@link #start}, or null when Chromium or chromedriver is missing (see {@link Installed}). */
	static Browser startIfInstalled(String lang, String acceptLanguages) {
		return missing().isEmpty() ? start(lang, acceptLanguages) : null;
	}

	/**
	 * Starts a headless Chromium that asks for pages in the given language, both as its UI language
	 * ({@code --lang}) and as its {@code Accept-Language} header.
	 * @param lang the UI language, e.g. {@code fr}
	 * @param acceptLanguages the Accept-Language list, e.g. {@code fr-FR,fr}
	 */
	static Browser start(String lang, String acceptLanguages) {
		assumeInstalled();
		Path profile;
		try {
			profile = Files.createTempDirectory("chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments(ARGUMENTS);
		options.addArguments("--user-data-dir=" + profile, "--lang=" + lang);
		options.setExperimentalOption("prefs",
				Map.of("intl.accept_languages", acceptLanguages, "credentials_enable_service", false,
						"profile.password_manager_enabled", false, "profile.password_manager_leak_detection",
						false));
		// The console's messages, CSP violations among them, for the tests to read (LogType.BROWSER).
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			deleteQuietly(profile);
			throw ex;
		}
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
		driver.manage().window().setSize(new Dimension(1280, 900));
		return new Browser(driver, profile);
	}

	WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

	/**
	 * Runs {@link #assumeInstalled()} before each test's instance is made, so that without a browser every
	 * test is reported as skipped (or failed, when required) without starting the Spring context for nothing.
	 * An abort in {@code @BeforeAll} would hide the tests from the report instead.
	 */
	static final class Installed implements TestInstancePreConstructCallback {

		@Override
		public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
			assumeInstalled();
		}

	}

}
