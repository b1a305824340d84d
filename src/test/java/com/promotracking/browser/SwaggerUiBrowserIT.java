package com.promotracking.browser;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.promotracking.browser.BrowserSupport.closeQuietly;
import static com.promotracking.browser.BrowserSupport.driverOf;
import static com.promotracking.browser.BrowserSupport.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in a real (headless Chromium) browser, without logging in, under the application's Content Security
 * Policy: it loads the served document and lists the API's operations, and the browser reports no CSP violation
 * and no other error in its console.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
class SwaggerUiBrowserIT {

	private static CompletableFuture<Browser> starting;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		starting = CompletableFuture.supplyAsync(() -> Browser.start("en", "en-US,en"));
	}

	@AfterAll
	static void closeBrowser() {
		closeQuietly(starting);
	}

	@Test
	void swaggerUiListsTheApiOperationsWithNoCspViolation() {
		WebDriver driver = driverOf(starting);
		driver.get("http://localhost:" + this.port + "/swagger-ui/index.html");
		List<WebElement> operations = new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(d -> {
				List<WebElement> found = d.findElements(By.cssSelector(".opblock .opblock-summary-path"));
				return (found.size() >= 30) ? found : null;
			});
		screenshot(driver, "swagger-ui.png");
		assertThat(operations).extracting(WebElement::getText)
			.contains("/api/programs/{programId}/conversions", "/api/programs/{programId}/promo-code-settings");
		assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).contains("Promo code tracking API");
		// The Authorize button offers the login and the key; an operation opens with its schemas and example.
		assertThat(driver.findElements(By.cssSelector(".auth-wrapper .authorize"))).isNotEmpty();
		WebElement record = driver.findElements(By.cssSelector(".opblock.opblock-post"))
			.stream()
			.filter(block -> block.findElement(By.cssSelector(".opblock-summary-path"))
				.getText()
				.equals("/api/programs/{programId}/conversions"))
			.findFirst()
			.orElseThrow();
		record.findElement(By.cssSelector(".opblock-summary-path")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector(".opblock.is-open .responses-table")).isEmpty());
		screenshot(driver, "swagger-ui-operation.png");
		assertThat(driver.findElement(By.cssSelector(".opblock.is-open")).getText()).contains("ORD-1001", "422");
		List<String> console = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::toString)
			.toList();
		assertThat(console).as("console of Swagger UI")
			.noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
			.noneMatch(line -> line.contains("SEVERE"));
	}

}
