package com.promotracking.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
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
 * Conversions end to end, in a real (headless Chromium) browser in English: Alice makes an API key on Settings →
 * API keys and reads it the one time it is shown, makes a promo code for Coupon Corner on the promo codes page;
 * the brand's "server" (this test, over HTTP with the key) posts a conversion carrying that code; Alice reads on
 * Engage → Conversions why it credited Coupon Corner, and finds the code on Reports → Promo code performance,
 * credited once with the conversion's revenue. (The CSV download is covered by ConversionPagesIT.)
 * <p>
 * The Spring context may be shared with other integration tests: the key, the code and the order are new to the
 * run, and Acme Outdoor US gets tracking off again afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
class ConversionsBrowserIT {

	private static final String PARTNER_NAME = "Coupon Corner";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static CompletableFuture<Browser> starting;

	private static WebDriver driver;

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver != null) {
				screenshot(driver, "failed-conversions.png");
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

	/** Codes can be made only while tracking is on: Acme Outdoor US's promo code is validated in the demo data. */
	@BeforeEach
	void signedOutWithTrackingOnInAcmeUs() {
		driver = (driver != null) ? driver : driverOf(starting);
		driver.manage().deleteAllCookies();
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		this.http = Http.on(this.port, this.json);
		this.usId = this.http.program(ACME_US).id();
		JsonNode settings = this.http.put(ALICE, this.usId, true, false);
		assertThat(settings.get("promoCodeTrackingEnabled").asBoolean()).as("tracking on in US").isTrue();
	}

	@AfterEach
	void trackingOffAgain() {
		this.http.put(ALICE, this.usId, false, false);
	}

	@Test
	void aConversionPostedWithAnApiKeyIsExplainedAndCountedForTheCodeItCarried() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		String keyName = "Shop server " + run;
		String code = "CORNER" + run;
		String orderId = "BROWSER-" + run;

		// 1. Alice: profile menu → Settings → General → API keys; names a key and reads it, shown once.
		signIn();
		driver.findElement(By.id("profile-menu")).click();
		WebElement settings = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-settings")));
		navigateBy(driver, settings::click);
		if (!driver.getCurrentUrl().endsWith("/programs/" + this.usId + "/settings")) {
			driver.get(url("/programs/" + this.usId + "/settings"));
		}
		navigateBy(driver, () -> settingsMenuLink(driver, "General", "menu-api-keys", "API keys").click());
		this.wait.until(ExpectedConditions.urlMatches("/settings/api-keys"));
		driver.findElement(By.id("key-name")).sendKeys(keyName);
		navigateBy(driver, () -> driver.findElement(By.id("create-api-key-submit")).click());
		String key = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key-value")))
			.getDomProperty("value");
		assertThat(key).startsWith("pct_");

		// 2. Engage → Promo codes: an exact code for Coupon Corner, credited always, live from now.
		driver.get(url("/programs/" + this.usId + "/settings"));
		navigateBy(driver, () -> settingsMenuLink(driver, "Engage", "menu-promo-codes", "Promo codes").click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/promo-codes$"));
		new Select(driver.findElement(By.id("code-partner"))).selectByVisibleText(PARTNER_NAME);
		driver.findElement(By.id("code-code")).sendKeys(code);
		new Select(driver.findElement(By.id("code-credit-policy"))).selectByValue("always");
		new Select(driver.findElement(By.id("code-match-type"))).selectByValue("exact");
		navigateBy(driver, () -> driver.findElement(By.id("create-promo-code-submit")).click());
		assertThat(driver.findElement(By.id("flash-message")).getText()).contains(code);

		// 3. The brand's server posts a conversion carrying the code, with the key.
		HttpResponse<String> posted = HTTP.send(HttpRequest
			.newBuilder(URI.create(url("/api/programs/" + this.usId + "/conversions")))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"" + orderId + "\", \"eventTypeId\": "
					+ this.http.eventTypeId(ALICE, this.usId, "Online Sale")
					+ ", \"amount\": \"42.50\", \"currency\": \"USD\", \"promoCode\": \""
					+ code.toLowerCase(Locale.ROOT) + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

		// 4. Engage → Conversions: the conversion, newest first, and why it credited Coupon Corner.
		navigateBy(driver, () -> settingsMenuLink(driver, "Engage", "menu-conversions", "Conversions").click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/conversions$"));
		assertThat(heading(driver)).isEqualTo("Conversions of " + ACME_US);
		WebElement row = driver.findElement(By.xpath(
				"//table[@id='conversions']/tbody/tr[td[contains(@class,'order-id')][normalize-space(.)='" + orderId
						+ "']]"));
		assertThat(row.findElement(By.cssSelector(".credited-partner")).getText()).isEqualTo(PARTNER_NAME);
		assertThat(row.findElement(By.cssSelector(".amount")).getText()).isEqualTo("42.50 USD");
		assertThat(row.findElement(By.cssSelector(".why")).getText())
			.isEqualTo("Credited to Coupon Corner by promo code " + code + " (credit policy: always)");
		screenshotOfWholePage(driver, "conversions.png");

		// 5. Reports → Promo code performance, the last 30 days by default: the code, credited once.
		navigateBy(driver, () -> settingsMenuLink(driver, "Reports", "menu-promo-code-performance",
				"Promo code performance").click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/reports/promo-codes$"));
		assertThat(heading(driver)).isEqualTo("Promo code performance of " + ACME_US);
		List<WebElement> rows = driver.findElements(By.xpath(
				"//table[@id='report-codes']/tbody/tr[td[1]/code[normalize-space(.)='" + code + "']]"));
		assertThat(rows).as("one row for " + code).hasSize(1);
		assertThat(rows.get(0).findElement(By.cssSelector(".partner")).getText()).isEqualTo(PARTNER_NAME);
		assertThat(rows.get(0).findElement(By.cssSelector(".credited")).getText()).isEqualTo("1");
		assertThat(rows.get(0).findElement(By.cssSelector(".revenue")).getText()).isEqualTo("42.50 USD");
		assertThat(rows.get(0).findElement(By.cssSelector(".carried")).getText()).isEqualTo("0");
		assertThat(driver.findElement(By.id("daily-chart")).getDomAttribute("aria-label"))
			.startsWith("Bar chart: conversions credited by a promo code each day");
		screenshotOfWholePage(driver, "promo-code-performance.png");
	}

	// ---------------------------------------------------------------- helpers

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
