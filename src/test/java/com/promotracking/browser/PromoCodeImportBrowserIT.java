package com.promotracking.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.promotracking.support.Http;

import static com.promotracking.browser.BrowserSupport.closeQuietly;
import static com.promotracking.browser.BrowserSupport.driverOf;
import static com.promotracking.browser.BrowserSupport.heading;
import static com.promotracking.browser.BrowserSupport.navigateBy;
import static com.promotracking.browser.BrowserSupport.screenshot;
import static com.promotracking.browser.BrowserSupport.screenshotOfWholePage;
import static com.promotracking.browser.BrowserSupport.settingsMenuLink;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promo codes in bulk, in a real (headless Chromium) browser in English: Alice imports a 3-row file with one bad
 * row from Engage → Promo codes, sees the reason on its line and nothing to accept, fixes the file, imports it
 * again, accepts, and finds the 3 codes in the list.
 * <p>
 * The Spring context may be shared with other integration tests: the codes are new to the run, and Acme Outdoor
 * US gets tracking off again afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
class PromoCodeImportBrowserIT {

	private static CompletableFuture<Browser> starting;

	private static WebDriver driver;

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver != null) {
				screenshot(driver, "failed-promo-code-import.png");
			}
		}
	};

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@TempDir
	private Path files;

	private Http http;

	private long usId;

	private WebDriverWait wait;

	@BeforeAll
	static void startEnglishBrowser() {
		// Chromium starts while Spring starts the application; the test waits for it.
		starting = CompletableFuture.supplyAsync(() -> Browser.startIfInstalled("en", "en-US,en"));
	}

	@AfterAll
	static void quitBrowser() {
		try {
			closeQuietly(starting);
		}
		finally {
			starting = null;
			driver = null;
		}
	}

	@BeforeEach
	void signedOutWithTrackingOnInAcmeUs() {
		driver = (driver != null) ? driver : driverOf(starting);
		driver.manage().deleteAllCookies();
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		this.http = Http.on(this.port, this.json);
		this.usId = this.http.program(ACME_US).id();
		this.http.put(ALICE, this.usId, true, false);
	}

	@AfterEach
	void trackingOffAgain() {
		this.http.put(ALICE, this.usId, false, false);
	}

	@Test
	void aFileWithABadRowIsFixedThenImportedWhole() throws IOException {
		String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		List<String> codes = List.of("BULK1" + run, "BULK2" + run, "BULK3" + run);
		// As a French spreadsheet saves it: semicolons, a byte order mark, French headers.
		String header = "\uFEFFCode promo;Partenaire;Correspondance;Règle d'attribution;Date de début;Date de fin\r\n";
		Path bad = write("spring-codes.csv", header + codes.get(0) + ";Trailblazer Deals;exact;always;2026-06-01;\r\n"
				+ codes.get(1) + ";Coupon Corner;exact;if-involved;2026-06-01;2026-05-01\r\n" + codes.get(2)
				+ ";Coupon Corner;exact;always;;\r\n");

		// 1. Engage → Promo codes → Import from CSV: the file with a bad line 3.
		signIn();
		driver.get(url("/programs/" + this.usId + "/settings"));
		navigateBy(driver, () -> settingsMenuLink(driver, "Engage", "menu-promo-codes", "Promo codes").click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/promo-codes$"));
		assertThat(driver.findElement(By.id("import-heading")).getText()).isEqualTo("Import from CSV");
		upload(bad);

		// 2. The preview: counts, and the reason on line 3's End date; nothing to accept.
		assertThat(heading(driver)).isEqualTo("Import of spring-codes.csv");
		assertThat(driver.findElement(By.id("import-rows")).getText()).isEqualTo("3");
		assertThat(driver.findElement(By.id("import-ready")).getText()).isEqualTo("2");
		assertThat(driver.findElement(By.id("import-with-errors")).getText()).isEqualTo("1");
		WebElement line3 = driver.findElement(By.id("line-3"));
		assertThat(line3.findElement(By.id("error-3-endsAt")).getText()).isEqualTo("The end must come after the start.");
		assertThat(line3.findElement(By.cssSelector(".row-status")).getText()).isEqualTo("1 problem");
		assertThat(driver.findElement(By.id("line-2")).findElement(By.cssSelector(".row-status")).getText())
			.isEqualTo("Ready");
		assertThat(driver.findElements(By.id("import-accept-submit"))).as("no Accept & create").isEmpty();
		assertThat(driver.findElement(By.id("import-errors-download")).getDomAttribute("href")).endsWith("/errors.csv");
		screenshotOfWholePage(driver, "promo-code-import-errors.png");

		// 3. The file fixed, imported again from the preview's link.
		Path fixed = write("spring-codes.csv", header + codes.get(0) + ";Trailblazer Deals;exact;always;2026-06-01;\r\n"
				+ codes.get(1) + ";Coupon Corner;exact;if-involved;2026-06-01;2026-07-01\r\n" + codes.get(2)
				+ ";Coupon Corner;exact;always;;\r\n");
		navigateBy(driver, () -> driver.findElement(By.id("import-again")).click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/promo-codes#import$"));
		upload(fixed);
		assertThat(driver.findElement(By.id("import-ready")).getText()).isEqualTo("3");
		assertThat(driver.findElement(By.id("import-with-errors")).getText()).isEqualTo("0");
		screenshotOfWholePage(driver, "promo-code-import-ready.png");

		// 4. Accept & create: back on the list, with the 3 codes.
		WebElement accept = driver.findElement(By.id("import-accept-submit"));
		assertThat(accept.getText()).isEqualTo("Accept & create");
		navigateBy(driver, accept::click);
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/promo-codes$"));
		assertThat(driver.findElement(By.id("flash-message")).getText()).isEqualTo("3 codes created from the file.");
		for (String code : codes) {
			assertThat(driver.findElements(By.xpath(
					"//table[@id='promo-codes']/tbody/tr/td[1]/code[normalize-space(.)='" + code + "']")))
				.as(code)
				.hasSize(1);
		}
		WebElement second = driver.findElement(By.xpath(
				"//table[@id='promo-codes']/tbody/tr[td[1]/code[normalize-space(.)='" + codes.get(1) + "']]"));
		assertThat(second.getText()).contains("Coupon Corner", "If involved");
	}

	private void upload(Path file) {
		driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		navigateBy(driver, () -> driver.findElement(By.id("import-submit")).click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/promo-code-imports/\\d+$"));
	}

	private Path write(String name, String content) throws IOException {
		Path folder = Files.createTempDirectory(this.files, "upload");
		return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
	}

	private void signIn() {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(ALICE);
		driver.findElement(By.id("password")).sendKeys(PASSWORDS.get(ALICE));
		navigateBy(driver, () -> driver.findElement(By.id("login")).click());
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-menu")));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
