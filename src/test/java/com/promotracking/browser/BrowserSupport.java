package com.promotracking.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;

import com.promotracking.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser tests share: joining and closing a {@link Browser} started in the background, waiting for
 * page loads, reading a page's heading and language, screenshots under {@code target/screenshots}, and JSON
 * API calls with HTTP Basic as a demo user (to set up and clean up around what the browser does).
 */
final class BrowserSupport {

	/** How long a page may take to replace the previous one. */
	static final Duration NAVIGATION_TIMEOUT = Duration.ofSeconds(20);

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private BrowserSupport() {
	}

	// ---------------------------------------------------------------- browsers started in the background

	/** The driver of a browser started in the background, waiting for it; its start failure is rethrown. */
	static WebDriver driverOf(CompletableFuture<Browser> starting) {
		try {
			return starting.join().driver();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/** Closes a browser started in the background, if it started; a failed start was reported by the tests. */
	static void closeQuietly(CompletableFuture<Browser> starting) {
		Browser started = (starting != null) ? starting.exceptionally(failure -> null).join() : null;
		if (started != null) {
			started.close();
		}
	}

	// ---------------------------------------------------------------- pages

	/**
	 * Runs an action that loads a new page, and waits until that page has replaced the current one: the old
	 * document carries a marker the new one lacks. (Waiting for an old element to go stale is racy: Chromium
	 * may answer with an inspector error instead of a stale element while the page is being replaced.)
	 */
	static void navigateBy(WebDriver driver, Runnable action) {
		js(driver, "window.__leavingThisPage = true;");
		action.run();
		new FluentWait<>(driver).withTimeout(NAVIGATION_TIMEOUT)
			.pollingEvery(Duration.ofMillis(50))
			.ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(js(d,
					"return window.__leavingThisPage === undefined && document.readyState === 'complete';")));
	}

	static String heading(WebDriver driver) {
		return driver.findElement(By.tagName("h1")).getText();
	}

	static String lang(WebDriver driver) {
		return driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	/** A link of the right-hand settings column, under the given heading, checked to read {@code text}. */
	static WebElement settingsMenuLink(WebDriver driver, String heading, String id, String text) {
		WebElement column = driver.findElement(By.cssSelector("aside.settings-menu"));
		WebElement link = column.findElement(
				By.xpath("./h2[normalize-space(.)='" + heading + "']/following-sibling::ul[1]//a[@id='" + id + "']"));
		assertThat(link.getText()).isEqualTo(text);
		return link;
	}

	static Object js(WebDriver driver, String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	// ---------------------------------------------------------------- screenshots

	/** A screenshot of the whole page: the window grows to the page's height for the picture, then shrinks back. */
	static void screenshotOfWholePage(WebDriver driver, String fileName) {
		Dimension window = driver.manage().window().getSize();
		long viewportHeight = ((Number) js(driver, "return window.innerHeight;")).longValue();
		long pageHeight = ((Number) js(driver, "return document.documentElement.scrollHeight;")).longValue();
		if (pageHeight > viewportHeight) {
			driver.manage().window()
				.setSize(new Dimension(window.getWidth(), (int) (window.getHeight() + pageHeight - viewportHeight)));
		}
		try {
			screenshot(driver, fileName);
		}
		finally {
			driver.manage().window().setSize(window);
		}
	}

	static void screenshot(WebDriver driver, String fileName) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(fileName), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write screenshot " + fileName, ex);
		}
	}

	// ---------------------------------------------------------------- JSON API

	/**
	 * A JSON API call to the server on {@code localhost:port} with HTTP Basic as that demo user (see
	 * {@link Http#PASSWORDS}); a null body sends none.
	 */
	static HttpResponse<String> api(int port, String username, String method, String path, String json)
			throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + Http.PASSWORDS.get(username)).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
