package com.promotracking.browser;

import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real (headless Chromium) browser in English: Carol opens it from her profile menu, filters
 * "Ready to enable", selects every row of the filter, enables tracking after the confirmation, reads one result line
 * per program, and finds the change in Acme Outdoor US's history as made through the console on Acme Outdoor's
 * behalf.
 * <p>
 * The Spring context may be shared with other integration tests: the programs this test enables get tracking off
 * again afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
class ConsoleBrowserIT {

	private static CompletableFuture<Browser> starting;

	private static WebDriver driver;

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver != null) {
				screenshot(driver, "failed-console.png");
			}
		}
	};

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	private Http http;

	private long usId;

	private WebDriverWait wait;

	private List<Long> enabled = List.of();

	@BeforeAll
	static void startEnglishBrowser() {
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
	void signedOutWithAcmeUsReadyToEnable() {
		driver = (driver != null) ? driver : driverOf(starting);
		driver.manage().deleteAllCookies();
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		this.http = Http.on(this.port, this.json);
		this.usId = this.http.program(ACME_US).id();
		this.http.put(ALICE, this.usId, false, false);
	}

	@AfterEach
	void trackingOffAgain() {
		if (!this.enabled.isEmpty()) {
			assertThat(this.http.api("POST", "/api/console/promo-code-tracking", CAROL,
					"{\"programIds\": " + this.enabled + ", \"promoCodeTrackingEnabled\": false}").status())
				.isEqualTo(200);
		}
	}

	@Test
	void carolEnablesEveryReadyProgramAndFindsTheChangeInTheHistory() {
		signIn();
		driver.findElement(By.id("profile-menu")).click();
		navigateBy(driver, () -> driver.findElement(By.id("menu-console")).click());
		assertThat(heading(driver)).isEqualTo("Console: promo code tracking across your programs");
		assertThat(new Select(driver.findElement(By.id("filter-brand"))).getOptions()).extracting(WebElement::getText)
			.containsExactly("All brands", "Acme Outdoor", "Northwind Sports");

		// 1. Ready to enable: validated, tracking off. The filter is in the address.
		new Select(driver.findElement(By.id("filter-state"))).selectByVisibleText("Ready to enable");
		navigateBy(driver, () -> driver.findElement(By.id("filter-submit")).click());
		assertThat(driver.getCurrentUrl()).contains("state=ready-to-enable");
		List<WebElement> rows = driver.findElements(By.cssSelector("#console-programs tbody tr"));
		assertThat(rows).isNotEmpty();
		List<String> programs = rows.stream().map(row -> row.findElement(By.cssSelector(".program")).getText()).toList();
		assertThat(programs).contains("Acme Outdoor US", "Northwind Running", "Northwind Cycling")
			.doesNotContain("Globex Main", "Northwind Team", "Northwind Outlet");
		assertThat(driver.findElement(By.id("program-" + this.usId)).findElement(By.cssSelector(".validated")).getText())
			.isEqualTo("Yes: SUMMER10");
		screenshotOfWholePage(driver, "console-ready-to-enable.png");

		// 2. Every row of the filter → Enable → the confirmation counts them.
		driver.findElement(By.id("every-row")).click();
		navigateBy(driver, () -> driver.findElement(By.id("bulk-enable")).click());
		assertThat(heading(driver)).isEqualTo("Enable promo code tracking?");
		assertThat(driver.findElement(By.id("confirm-summary")).getText())
			.isEqualTo("Will change: " + programs.size() + ". Skipped: 0.");
		assertThat(driver.findElements(By.cssSelector("#will-change li"))).extracting(WebElement::getText)
			.contains("Acme Outdoor US (Acme Outdoor)", "Northwind Running (Northwind Sports)");
		WebElement confirm = driver.findElement(By.id("confirm-submit"));
		assertThat(confirm.getText()).isEqualTo("Enable tracking in " + programs.size() + " programs");
		navigateBy(driver, confirm::click);

		// 3. The result: one line per program.
		this.wait.until(ExpectedConditions.urlMatches("/console/promo-code-tracking/result$"));
		assertThat(heading(driver)).isEqualTo("Promo code tracking enabled");
		List<WebElement> lines = driver.findElements(By.cssSelector("#results tbody tr"));
		assertThat(lines).hasSize(programs.size());
		this.enabled = lines.stream()
			.map(line -> Long.parseLong(line.getDomAttribute("id").substring("result-".length())))
			.toList();
		assertThat(driver.findElement(By.id("result-" + this.usId)).getText())
			.isEqualTo("Acme Outdoor Acme Outdoor US Enabled");
		assertThat(lines).extracting(line -> line.findElement(By.cssSelector(".result-outcome")).getText())
			.containsOnly("Enabled");
		screenshotOfWholePage(driver, "console-result.png");

		// 4. Acme Outdoor US's history: changed through the console, for Acme Outdoor.
		navigateBy(driver, () -> driver.findElement(By.id("result-" + this.usId)).findElement(By.tagName("a")).click());
		WebElement latest = driver.findElement(By.cssSelector("#history-table tbody tr"));
		List<String> cells = latest.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(cells.get(1)).startsWith("carol@csm.example");
		assertThat(cells.get(2)).isEqualTo("Acme Outdoor");
		assertThat(cells.get(3)).isEqualTo("Console");
		assertThat(cells.get(4)).contains("Promo code tracking: off → on");
		assertThat(driver.findElement(By.id("acting-banner")).getText())
			.isEqualTo("You are acting on behalf of Acme Outdoor.");
	}

	private void signIn() {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(CAROL);
		driver.findElement(By.id("password")).sendKeys(PASSWORDS.get(CAROL));
		navigateBy(driver, () -> driver.findElement(By.id("login")).click());
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-menu")));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
