package com.promotracking.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
import static org.assertj.core.api.Assertions.fail;

/**
 * A French-speaking brand admin in a real (headless Chromium) browser: finds Ad settings through the profile
 * menu, turns promo code tracking on where the promo code is validated, is refused where it is not, and can
 * do it all with the keyboard alone.
 * <p>
 * Every test signs in afresh and starts with both settings off in Alice's programs (reset through the JSON
 * API), so no test relies on another; the order below only makes the report read like a story.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdSettingsBrowserIT {

	private static final String TRACKING = "promoCodeTrackingEnabled";

	private static final String REQUESTS = "partnerPromoCodeRequestsAllowed";

	private static final Pattern AD_SETTINGS_PATH = Pattern.compile("/programs/(\\d+)/settings/ad-settings$");

	private static CompletableFuture<Browser> starting;

	private static WebDriver driver;

	/** Alice's program ids by name, read once through the JSON API. */
	private static Map<String, Long> programIdsByName;

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

	private Map<String, Long> programIds;

	@BeforeAll
	static void startFrenchBrowser() {
		// Chromium starts while Spring starts the application; the first test waits for it.
		// Without a browser, Browser.Installed skips (or fails) each test before it starts.
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
			programIdsByName = null;
		}
	}

	@BeforeEach
	void signedOutWithBothSettingsOff() throws Exception {
		if (driver == null) {
			driver = BrowserSupport.driverOf(starting);
		}
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		// The previous test left the browser on one of our pages: this drops its session (and any lang cookie).
		driver.manage().deleteAllCookies();
		this.programIds = resetAliceProgramsToBothOff();
	}

	@Test
	@Order(1)
	void brandAdminEnablesTrackingInFrenchAndItStaysOn() {
		signInAsAlice();

		// Top navigation bar → user profile menu → Paramètres.
		driver.findElement(By.id("profile-menu")).click();
		WebElement settings = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-settings")));
		assertThat(settings.getText()).isEqualTo("Paramètres");
		navigateBy(settings::click);
		this.wait.until(ExpectedConditions.urlMatches("/programs/\\d+/settings$"));
		assertThat(lang()).isEqualTo("fr");
		assertThat(driver.findElement(By.tagName("h1")).getText()).as("the settings page of the first program")
			.isEqualTo("Paramètres de " + ACME_US);

		// Right-hand column → Général → Paramètres des annonces.
		WebElement column = driver.findElement(By.cssSelector("aside.settings-menu"));
		WebElement pageMain = driver.findElement(By.cssSelector(".page-main"));
		assertThat(column.getRect().getX()).as("the settings menu is the right-hand column")
			.isGreaterThan(pageMain.getRect().getX() + pageMain.getRect().getWidth() / 2);
		WebElement adSettingsLink = column.findElement(By.xpath(
				"./h2[normalize-space(.)='Général']/following-sibling::ul[1]//a[@id='menu-ad-settings']"));
		assertThat(adSettingsLink.getText()).isEqualTo("Paramètres des annonces");
		navigateBy(adSettingsLink::click);

		long programId = adSettingsProgramId();
		assertThat(programId).isEqualTo(id(ACME_US));
		assertThat(lang()).isEqualTo("fr");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Paramètres des annonces");
		assertThat(driver.findElement(By.cssSelector(".page-main .subtitle")).getText())
			.isEqualTo(ACME_US + " (Acme Outdoor)");
		assertThat(new Select(driver.findElement(By.id("program-switch"))).getFirstSelectedOption().getText())
			.startsWith(ACME_US);
		assertThat(driver.findElement(By.xpath("//section//h2[normalize-space(.)='Suivi des codes promo']"))
			.isDisplayed()).isTrue();
		assertThat(labelOf(TRACKING)).isEqualTo("Activer le suivi des codes promo pour ce programme");
		assertThat(labelOf(REQUESTS))
			.isEqualTo("Autoriser les partenaires à demander des codes promo pour ce programme");
		assertThat(driver.findElement(By.id("validation-warning")).getText()).contains(
				"Vous devez tester et valider votre code promo dans le type d'événement avant d'activer ce paramètre.");

		// Partner requests are greyed out (by app.js) while tracking is off.
		WebElement tracking = driver.findElement(By.id(TRACKING));
		WebElement requests = driver.findElement(By.id(REQUESTS));
		assertThat(tracking.isSelected()).isFalse();
		assertThat(requests.isSelected()).isFalse();
		this.wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].disabled;", requests)));
		assertThat(requests.isEnabled()).isFalse();

		tracking.click();
		this.wait.until(ExpectedConditions.elementToBeClickable(requests)).click();
		assertThat(tracking.isSelected()).isTrue();
		assertThat(requests.isSelected()).isTrue();

		WebElement save = driver.findElement(By.id("save"));
		assertThat(save.getText()).isEqualTo("Enregistrer");
		navigateBy(save::click);

		WebElement saved = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-message")));
		assertThat(saved.getText()).isEqualTo("Vos paramètres ont été enregistrés.");
		assertThat(adSettingsProgramId()).isEqualTo(programId);
		assertBothTicked();
		screenshotOfWholePage(driver, "ad-settings.png");

		// Saved for good: a reload shows both still on (and the one-time message gone).
		navigateBy(() -> driver.navigate().refresh());
		assertThat(adSettingsProgramId()).isEqualTo(programId);
		assertBothTicked();
		assertThat(driver.findElements(By.id("saved-message"))).isEmpty();
	}

	@Test
	@Order(2)
	void brandAdminIsRefusedTrackingInFrenchWhileThePromoCodeIsNotValidatedAndNothingIsSaved() {
		signInAsAlice();
		driver.get(adSettingsUrl(id(ACME_US)));

		// Program switcher → Acme Outdoor FR, staying on Ad settings.
		new Select(driver.findElement(By.id("program-switch"))).selectByVisibleText(ACME_FR + " (Acme Outdoor)");
		navigateBy(() -> driver.findElement(By.id("program-switch-submit")).click());
		long frId = adSettingsProgramId();
		assertThat(frId).isEqualTo(id(ACME_FR));
		assertThat(driver.findElement(By.cssSelector(".page-main .subtitle")).getText())
			.isEqualTo(ACME_FR + " (Acme Outdoor)");
		assertThat(lang()).isEqualTo("fr");

		WebElement tracking = driver.findElement(By.id(TRACKING));
		assertThat(tracking.isSelected()).isFalse();
		tracking.click();
		assertThat(tracking.isSelected()).isTrue();
		navigateBy(() -> driver.findElement(By.id("save")).click());

		// Refused, in French, with a way to fix it; the boxes show the settings as saved, under the refusal.
		WebElement refusal = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal-message")));
		String expected = this.messages.getMessage("adSettings.refused.promo-code-not-validated", null,
				Locale.FRENCH);
		assertThat(expected).startsWith("Le suivi des codes promo ne peut pas encore être activé");
		assertThat(refusal.getText()).contains("Rien n'a été enregistré.").contains(expected);
		assertThat(driver.findElements(By.id("saved-message"))).isEmpty();
		assertThat(lang()).isEqualTo("fr");
		assertThat(driver.findElement(By.id(TRACKING)).isSelected()).as("tracking shown as saved, off").isFalse();
		WebElement fixLink = driver.findElement(By.id("refusal-fix-link"));
		assertThat(fixLink.getDomAttribute("href")).isEqualTo("/programs/" + frId + "/event-types");

		// The fix link leads to the program's event types.
		navigateBy(fixLink::click);
		this.wait.until(ExpectedConditions.urlMatches("/programs/" + frId + "/event-types$"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(ACME_FR);
		assertThat(driver.findElements(By.cssSelector("#event-types tbody tr td:first-child")))
			.extracting(WebElement::getText)
			.contains("Online Sale");

		// Nothing was saved.
		driver.get(adSettingsUrl(frId));
		assertThat(driver.findElements(By.id("refusal-message"))).isEmpty();
		assertThat(driver.findElement(By.id(TRACKING)).isSelected()).as("tracking saved after all").isFalse();
		assertThat(driver.findElement(By.id(REQUESTS)).isSelected()).isFalse();
	}

	@Test
	@Order(3)
	void keyboardOnlyUserCanToggleTrackingAndSave() {
		signInAsAlice();
		driver.get(adSettingsUrl(id(ACME_US)));

		// Tick tracking, which enables partner requests right after it in the tab order, then save.
		tabTo(TRACKING);
		press(Keys.SPACE);
		this.wait.until(ExpectedConditions.elementSelectionStateToBe(By.id(TRACKING), true));
		press(Keys.TAB);
		assertThat(activeId()).as("partner requests, now enabled, come next").isEqualTo(REQUESTS);
		tabTo("save");
		assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Enregistrer");
		navigateBy(() -> press(Keys.ENTER));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-message")));
		assertThat(driver.findElement(By.id(TRACKING)).isSelected()).isTrue();
		assertThat(driver.findElement(By.id(REQUESTS)).isSelected()).isFalse();

		// Untick it again: partner requests are disabled and skipped by Tab; save leaves both off.
		tabTo(TRACKING);
		press(Keys.SPACE);
		this.wait.until(ExpectedConditions.elementSelectionStateToBe(By.id(TRACKING), false));
		assertThat(driver.findElement(By.id(REQUESTS)).isEnabled()).isFalse();
		press(Keys.TAB);
		assertThat(activeId()).as("the disabled partner requests box is skipped").isEqualTo("save");
		navigateBy(() -> press(Keys.ENTER));
		WebElement saved = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-message")));
		assertThat(saved.getText()).isEqualTo("Vos paramètres ont été enregistrés.");
		assertThat(driver.findElement(By.id(TRACKING)).isSelected()).isFalse();
		assertThat(driver.findElement(By.id(REQUESTS)).isSelected()).isFalse();
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

	/** Presses Tab until the element with the given id has the focus (at most 40 times). */
	private void tabTo(String id) {
		for (int i = 0; i < 40; i++) {
			press(Keys.TAB);
			if (id.equals(activeId())) {
				return;
			}
		}
		fail("#" + id + " was not reached with 40 presses of Tab; the focus ended on #" + activeId());
	}

	private static void press(CharSequence key) {
		new Actions(driver).sendKeys(key).perform();
	}

	private static String activeId() {
		return driver.switchTo().activeElement().getDomAttribute("id");
	}

	private static String labelOf(String id) {
		return driver.findElement(By.cssSelector("label[for='" + id + "']")).getText();
	}

	private static String lang() {
		return BrowserSupport.lang(driver);
	}

	private static Object js(String script, Object... arguments) {
		return BrowserSupport.js(driver, script, arguments);
	}

	private void assertBothTicked() {
		assertThat(driver.findElement(By.id(TRACKING)).isSelected()).as(TRACKING).isTrue();
		assertThat(driver.findElement(By.id(REQUESTS)).isSelected()).as(REQUESTS).isTrue();
		assertThat(driver.findElement(By.id(REQUESTS)).isEnabled()).as(REQUESTS + " enabled").isTrue();
	}

	private long adSettingsProgramId() {
		this.wait.until(ExpectedConditions.urlMatches(AD_SETTINGS_PATH.pattern()));
		Matcher matcher = AD_SETTINGS_PATH.matcher(URI.create(driver.getCurrentUrl()).getPath());
		assertThat(matcher.find()).as("on an Ad settings page: " + driver.getCurrentUrl()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private long id(String programName) {
		Long id = this.programIds.get(programName);
		assertThat(id).as("id of " + programName + " in " + this.programIds).isNotNull();
		return id;
	}

	private String adSettingsUrl(long programId) {
		return url("/programs/" + programId + "/settings/ad-settings");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Turns both settings off in Alice's programs through the JSON API; returns their ids by name. */
	private Map<String, Long> resetAliceProgramsToBothOff() throws IOException, InterruptedException {
		if (programIdsByName == null) {
			HttpResponse<String> list = api("GET", "/api/programs", null);
			assertThat(list.statusCode()).as("GET /api/programs: " + list.body()).isEqualTo(200);
			Map<String, Long> ids = new HashMap<>();
			for (JsonNode program : JsonMapper.builder().build().readTree(list.body())) {
				ids.put(program.get("name").asString(), program.get("id").asLong());
			}
			assertThat(ids).containsKeys(ACME_US, ACME_FR);
			programIdsByName = Map.copyOf(ids);
		}
		for (String name : List.of(ACME_US, ACME_FR)) {
			long id = programIdsByName.get(name);
			HttpResponse<String> put = api("PUT", "/api/programs/" + id + "/promo-code-settings",
					"{\"promoCodeTrackingEnabled\": false, \"partnerPromoCodeRequestsAllowed\": false}");
			assertThat(put.statusCode()).as("resetting " + name + ": " + put.body()).isEqualTo(200);
		}
		return programIdsByName;
	}

	private HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
		return BrowserSupport.api(this.port, ALICE, method, path, json);
	}

}
