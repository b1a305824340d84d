package com.promotracking.browser;

import java.io.IOException;
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
import org.springframework.context.MessageSource;

import static com.promotracking.browser.BrowserSupport.screenshot;
import static com.promotracking.browser.BrowserSupport.screenshotOfWholePage;
import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way forward after the refusal, in French in a real (headless Chromium) browser: on Acme Outdoor FR a test
 * conversion carrying a promo code arrives through the JSON API; Alice finds it under Paramètres → Types
 * d'événements, approves it, follows the link to Ad settings and enables promo code tracking there.
 * <p>
 * The Spring context (and its database) is shared with the other integration tests, so the test sends its own
 * uniquely numbered conversion, and afterwards puts Acme Outdoor FR back as the demo data has it: both settings
 * off (through the API) and its test action deleted, so the promo code is not validated again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
class EventTypeValidationBrowserIT {

	private static final String ONLINE_SALE = "Online Sale";

	private static final String PROMO_CODE = "AUTOMNE25";

	private static final String TRACKING = "promoCodeTrackingEnabled";

	private static final String REQUESTS = "partnerPromoCodeRequestsAllowed";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static CompletableFuture<Browser> starting;

	private static WebDriver driver;

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver != null) {
				screenshot(driver, "failed-" + context.getRequiredTestMethod().getName() + ".png");
			}
		}
	};

	@LocalServerPort
	private int port;

	@Autowired
	private MessageSource messages;

	private WebDriverWait wait;

	private long frId;

	/** The test action this test created, to delete afterwards; null until it exists. */
	private Long createdTestActionId;

	@BeforeAll
	static void startFrenchBrowser() {
		// Chromium starts while Spring starts the application; the test waits for it.
		// Without a browser, Browser.Installed skips (or fails) the test before it starts.
		starting = CompletableFuture.supplyAsync(() -> Browser.startIfInstalled("fr", "fr-FR,fr"));
	}

	@AfterAll
	static void quitBrowser() {
		try {
			BrowserSupport.closeQuietly(starting);
		}
		finally {
			starting = null;
			driver = null;
		}
	}

	@BeforeEach
	void signedOutWithAcmeFrNotValidatedAndTrackingOff() throws Exception {
		if (driver == null) {
			driver = BrowserSupport.driverOf(starting);
		}
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		driver.manage().deleteAllCookies();
		this.frId = programId(ACME_FR);
		JsonNode settings = putSettingsBothOff();
		assertThat(settings.get("promoCodeValidated").asBoolean())
			.as("Acme Outdoor FR starts with its promo code not validated (as in the demo data): " + settings)
			.isFalse();
	}

	/** Puts Acme Outdoor FR back as other tests expect it: tracking off, promo code not validated. */
	@AfterEach
	void restoreAcmeFr() throws Exception {
		// Settings first: with tracking on, deleting the validating action would leave tracking on.
		putSettingsBothOff();
		if (this.createdTestActionId != null) {
			HttpResponse<String> deleted = api("DELETE",
					"/api/programs/" + this.frId + "/test-actions/" + this.createdTestActionId, null);
			assertThat(deleted.statusCode()).as("deleting test action: " + deleted.body()).isEqualTo(204);
			this.createdTestActionId = null;
		}
		JsonNode settings = json(api("GET", settingsPath(), null), 200);
		assertThat(settings.get(TRACKING).asBoolean()).as("FR tracking restored to off").isFalse();
		assertThat(settings.get(REQUESTS).asBoolean()).as("FR partner requests restored to off").isFalse();
		assertThat(settings.get("promoCodeValidated").asBoolean()).as("FR promo code not validated again").isFalse();
	}

	@Test
	void brandAdminApprovesATestConversionWithPromoCodeAndThenEnablesTrackingInFrench() throws Exception {
		long onlineSaleId = eventTypeId(this.frId, ONLINE_SALE);

		// Before any approval, enabling tracking is refused (the Ad settings page shows the same refusal,
		// see AdSettingsBrowserIT); nothing is saved.
		HttpResponse<String> refused = api("PUT", settingsPath(),
				"{\"promoCodeTrackingEnabled\": true, \"partnerPromoCodeRequestsAllowed\": false}");
		assertThat(refused.statusCode()).as("enabling before approval: " + refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("promo-code-not-validated");

		// A test conversion with a promo code arrives through the API (extra fields are kept in the payload).
		String orderId = "BR-FR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		String payload = "{\"orderId\": \"" + orderId + "\", \"amount\": 59.90, \"currency\": \"EUR\", "
				+ "\"promoCode\": \"" + PROMO_CODE + "\", \"source\": \"browser-test\"}";
		HttpResponse<String> received = api("POST",
				"/api/programs/" + this.frId + "/event-types/" + onlineSaleId + "/test-actions", payload);
		JsonNode action = json(received, 201);
		this.createdTestActionId = action.get("id").asLong();
		assertThat(action.get("reviewState").asString()).isEqualTo("pending");
		assertThat(received.headers().firstValue("Location"))
			.hasValue("/api/programs/" + this.frId + "/test-actions/" + this.createdTestActionId);

		signInAsAlice();

		// Top navigation bar → profile menu → Paramètres, then the program switcher → Acme Outdoor FR.
		driver.findElement(By.id("profile-menu")).click();
		WebElement settings = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-settings")));
		assertThat(settings.getText()).isEqualTo("Paramètres");
		navigateBy(settings::click);
		assertThat(heading()).isEqualTo("Paramètres de " + ACME_US);
		new Select(driver.findElement(By.id("program-switch"))).selectByVisibleText(ACME_FR + " (Acme Outdoor)");
		navigateBy(() -> driver.findElement(By.id("program-switch-submit")).click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.frId + "/settings$"));
		assertThat(heading()).isEqualTo("Paramètres de " + ACME_FR);
		assertThat(lang()).isEqualTo("fr");

		// Right-hand column → Suivi → Types d'événements.
		WebElement column = driver.findElement(By.cssSelector("aside.settings-menu"));
		WebElement eventTypesLink = column.findElement(By.xpath(
				"./h2[normalize-space(.)='Suivi']/following-sibling::ul[1]//a[@id='menu-event-types']"));
		assertThat(eventTypesLink.getText()).isEqualTo("Types d'événements");
		navigateBy(eventTypesLink::click);
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.frId + "/event-types$"));
		assertThat(heading()).isEqualTo("Types d'événements de " + ACME_FR);
		assertThat(driver.findElement(By.id("validation-status")).getText())
			.isEqualTo("Aucun code promo validé pour l'instant : envoyez une conversion de test portant un code promo et approuvez-la.");

		// The event type "Online Sale" → its test actions list the one just received, pending.
		navigateBy(() -> driver.findElement(By.xpath(
				"//table[@id='event-types']//a[normalize-space(.)='" + ONLINE_SALE + "']")).click());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.frId + "/event-types/" + onlineSaleId + "$"));
		assertThat(heading()).isEqualTo("Type d'événement " + ONLINE_SALE);
		assertThat(driver.findElement(By.id("test-endpoint")).getText())
			.isEqualTo("POST /api/programs/" + this.frId + "/event-types/" + onlineSaleId + "/test-actions");
		WebElement row = driver.findElement(By.xpath(
				"//table[@id='test-actions']/tbody/tr[td[1]/a[normalize-space(.)='" + orderId + "']]"));
		List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(cells).hasSize(5);
		assertThat(cells.get(1)).isEqualTo("59.90 EUR");
		assertThat(cells.get(2)).isEqualTo(PROMO_CODE);
		assertThat(cells.get(3)).as("received time").endsWith(" UTC");
		assertThat(cells.get(4)).isEqualTo("En attente");

		// The test action's details: the whole payload received, and the review form.
		navigateBy(() -> row.findElement(By.linkText(orderId)).click());
		this.wait.until(ExpectedConditions
			.urlMatches("/programs/" + this.frId + "/test-actions/" + this.createdTestActionId + "$"));
		assertThat(heading()).isEqualTo("Action de test " + orderId);
		assertThat(driver.findElement(By.id("detail-order-id")).getText()).isEqualTo(orderId);
		assertThat(driver.findElement(By.id("detail-promo-code")).getText()).isEqualTo(PROMO_CODE);
		assertThat(driver.findElement(By.id("detail-state")).getText()).isEqualTo("En attente");
		assertThat(driver.findElement(By.id("payload")).getText()).isEqualTo(payload);
		assertThat(driver.findElements(By.id("no-code-warning"))).isEmpty();

		// Approve, with a comment.
		driver.findElement(By.id("review-comment")).sendKeys("Commande de test reçue avec le bon code promo.");
		WebElement approve = driver.findElement(By.id("approve"));
		assertThat(approve.getText()).isEqualTo("Approuver");
		navigateBy(approve::click);

		WebElement flash = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-message")));
		String approvedText = this.messages.getMessage("testAction.approvedWithPromoCode", null, Locale.FRENCH);
		assertThat(approvedText).startsWith("Approuvée. Le code promo est validé");
		assertThat(flash.getText()).contains(approvedText);
		assertThat(driver.findElement(By.id("detail-state")).getText()).isEqualTo("Approuvée");
		assertThat(driver.findElement(By.id("test-action-details")).getText())
			.contains("Commande de test reçue avec le bon code promo.")
			.contains("Par " + ALICE + " le ");
		assertThat(driver.findElement(By.id("validation-status")).getText()).isEqualTo("Code promo validé par l'action de test "
				+ orderId + " (code promo " + PROMO_CODE + ", type d'événement " + ONLINE_SALE + ").");
		assertThat(driver.findElements(By.id("review-form"))).as("no second review").isEmpty();

		// The flash message's link → Ad settings of the same program, now showing the validation.
		WebElement goToAdSettings = flash.findElement(By.id("go-to-ad-settings"));
		assertThat(goToAdSettings.getText()).isEqualTo("Aller aux paramètres des annonces");
		navigateBy(goToAdSettings::click);
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.frId + "/settings/ad-settings$"));
		assertThat(heading()).isEqualTo("Paramètres des annonces");
		assertThat(driver.findElement(By.cssSelector(".page-main .subtitle")).getText())
			.isEqualTo(ACME_FR + " (Acme Outdoor)");
		assertValidationShown(orderId);

		// Tick tracking and save: accepted this time.
		WebElement tracking = driver.findElement(By.id(TRACKING));
		assertThat(tracking.isSelected()).isFalse();
		tracking.click();
		assertThat(tracking.isSelected()).isTrue();
		WebElement save = driver.findElement(By.id("save"));
		assertThat(save.getText()).isEqualTo("Enregistrer");
		navigateBy(save::click);
		WebElement saved = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-message")));
		assertThat(saved.getText()).isEqualTo("Vos paramètres ont été enregistrés.");
		assertThat(driver.findElements(By.id("refusal-message"))).isEmpty();
		assertThat(driver.findElement(By.id(TRACKING)).isSelected()).isTrue();
		assertThat(driver.findElement(By.id(REQUESTS)).isSelected()).isFalse();

		// Saved for good: after a reload tracking is still on and the validation still shown.
		navigateBy(() -> driver.navigate().refresh());
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + this.frId + "/settings/ad-settings$"));
		assertThat(driver.findElements(By.id("saved-message"))).isEmpty();
		assertThat(driver.findElement(By.id(TRACKING)).isSelected()).as("tracking after reload").isTrue();
		assertThat(driver.findElement(By.id(REQUESTS)).isSelected()).isFalse();
		assertValidationShown(orderId);
		assertThat(driver.findElement(By.id("last-change")).getText())
			.startsWith("Dernière modification par " + ALICE + " le ");
		screenshotOfWholePage(driver, "event-type-approved.png");

		// And the API agrees.
		JsonNode after = json(api("GET", settingsPath(), null), 200);
		assertThat(after.get(TRACKING).asBoolean()).isTrue();
		assertThat(after.get("promoCodeValidated").asBoolean()).isTrue();
	}

	private void assertValidationShown(String orderId) {
		WebElement status = driver.findElement(By.id("validation-status"));
		assertThat(status.getDomAttribute("class")).contains("validated").doesNotContain("not-validated");
		assertThat(status.getText()).startsWith("Code promo validé : l'action de test " + orderId
				+ " avec le code promo " + PROMO_CODE + " a été approuvée pour le type d'événement " + ONLINE_SALE
				+ " par " + ALICE + " le ")
			.endsWith(" UTC.");
		assertThat(driver.findElements(By.id("validation-withdrawn"))).isEmpty();
	}

	private void signInAsAlice() {
		driver.get(url("/login"));
		assertThat(lang()).isEqualTo("fr");
		driver.findElement(By.id("username")).sendKeys(ALICE);
		driver.findElement(By.id("password")).sendKeys(PASSWORDS.get(ALICE));
		navigateBy(() -> driver.findElement(By.id("login")).click());
		this.wait.until(ExpectedConditions.urlToBe(url("/")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-menu")));
	}

	private void navigateBy(Runnable action) {
		BrowserSupport.navigateBy(driver, action);
	}

	private static String heading() {
		return BrowserSupport.heading(driver);
	}

	private static String lang() {
		return BrowserSupport.lang(driver);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private String settingsPath() {
		return "/api/programs/" + this.frId + "/promo-code-settings";
	}

	private long programId(String name) throws IOException, InterruptedException {
		for (JsonNode program : json(api("GET", "/api/programs", null), 200)) {
			if (name.equals(program.get("name").asString())) {
				return program.get("id").asLong();
			}
		}
		throw new AssertionError("Alice has no program named " + name);
	}

	private long eventTypeId(long programId, String name) throws IOException, InterruptedException {
		for (JsonNode eventType : json(api("GET", "/api/programs/" + programId + "/event-types", null), 200)) {
			if (name.equals(eventType.get("name").asString())) {
				return eventType.get("id").asLong();
			}
		}
		throw new AssertionError("Program " + programId + " has no event type named " + name);
	}

	private JsonNode putSettingsBothOff() throws IOException, InterruptedException {
		return json(api("PUT", settingsPath(),
				"{\"promoCodeTrackingEnabled\": false, \"partnerPromoCodeRequestsAllowed\": false}"), 200);
	}

	private static JsonNode json(HttpResponse<String> response, int expectedStatus) {
		assertThat(response.statusCode())
			.as(response.request().method() + " " + response.uri() + ": " + response.body())
			.isEqualTo(expectedStatus);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
		return BrowserSupport.api(this.port, ALICE, method, path, json);
	}

}
