package com.promotracking.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import static com.promotracking.browser.BrowserSupport.lang;
import static com.promotracking.browser.BrowserSupport.navigateBy;
import static com.promotracking.browser.BrowserSupport.screenshot;
import static com.promotracking.browser.BrowserSupport.screenshotOfWholePage;
import static com.promotracking.browser.BrowserSupport.settingsMenuLink;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.PASSWORDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop of a partner promo code request, in French, in two real (headless Chromium) browsers at once,
 * one per person: Alice (brand admin) allows partner requests on Acme Outdoor US; Pat (partner, Trailblazer
 * Deals) requests TRAIL15; Alice approves it as TRAIL20, which creates that code; Pat sees it approved with
 * TRAIL20 and Alice's comment; Alice marks it completed, Pat sees that too; Alice finds TRAIL20, active, in
 * the program's promo codes.
 * <p>
 * The Spring context (and its in-memory database) may be shared with other integration tests, so nothing here
 * assumes fresh data: the request is followed by its id, the codes get a suffix should they already exist in
 * the program, and Acme Outdoor US is put back to both settings off (through the API) afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
class PartnerRequestBrowserIT {

	private static final String PARTNER_NAME = "Trailblazer Deals";

	private static final String TRACKING = "promoCodeTrackingEnabled";

	private static final String REQUESTS = "partnerPromoCodeRequestsAllowed";

	private static CompletableFuture<Browser> aliceStarting;

	private static CompletableFuture<Browser> patStarting;

	private static WebDriver alice;

	private static WebDriver pat;

	@RegisterExtension
	final TestWatcher screenshotsOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (alice != null) {
				screenshot(alice, "failed-partner-request-alice.png");
			}
			if (pat != null) {
				screenshot(pat, "failed-partner-request-pat.png");
			}
		}
	};

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	private Http http;

	private long usId;

	private WebDriverWait aliceWait;

	private WebDriverWait patWait;

	@BeforeAll
	static void startTwoFrenchBrowsers() {
		// Both Chromiums start while Spring starts the application; the test waits for them.
		// Without a browser, Browser.Installed skips (or fails) the test before it starts.
		aliceStarting = CompletableFuture.supplyAsync(() -> Browser.startIfInstalled("fr", "fr-FR,fr"));
		patStarting = CompletableFuture.supplyAsync(() -> Browser.startIfInstalled("fr", "fr-FR,fr"));
	}

	@AfterAll
	static void quitBrowsers() {
		try {
			closeQuietly(aliceStarting);
		}
		finally {
			try {
				closeQuietly(patStarting);
			}
			finally {
				aliceStarting = null;
				patStarting = null;
				alice = null;
				pat = null;
			}
		}
	}

	@BeforeEach
	void twoSignedOutBrowsersAndAcmeUsWithBothSettingsOff() {
		alice = (alice != null) ? alice : driverOf(aliceStarting);
		pat = (pat != null) ? pat : driverOf(patStarting);
		this.aliceWait = new WebDriverWait(alice, Duration.ofSeconds(10));
		this.patWait = new WebDriverWait(pat, Duration.ofSeconds(10));
		alice.manage().deleteAllCookies();
		pat.manage().deleteAllCookies();
		this.http = Http.on(this.port, this.json);
		this.usId = this.http.program(ACME_US).id();
		this.http.put(ALICE, this.usId, false, false);
	}

	/** Puts Acme Outdoor US back as the other tests expect it: tracking and partner requests off. */
	@AfterEach
	void restoreAcmeUsToBothOff() {
		JsonNode settings = this.http.put(ALICE, this.usId, false, false);
		assertThat(settings.get(TRACKING).asBoolean()).as("US tracking restored to off").isFalse();
		assertThat(settings.get(REQUESTS).asBoolean()).as("US partner requests restored to off").isFalse();
	}

	@Test
	void partnerRequestsACodeAndTheBrandApprovesADifferentOneThatThenTracksForThePartner() {
		String suggested = unusedCode("TRAIL15");
		String approved = unusedCode("TRAIL20");
		String dateNeeded = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
		String instructions = "Pour notre guide des randonnées d'automne.";
		String comment = "Nous préférons " + approved + ", assorti à notre campagne.";

		// 1. Alice: profile menu → Paramètres → Général → Paramètres des annonces; ticks both settings, saves.
		signIn(alice, this.aliceWait, ALICE);
		this.aliceWait.until(ExpectedConditions.urlToBe(url("/")));
		alice.findElement(By.id("profile-menu")).click();
		WebElement settings = this.aliceWait
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-settings")));
		navigateBy(alice, settings::click);
		this.aliceWait.until(ExpectedConditions.urlMatches("/programs/\\d+/settings$"));
		if (!alice.getCurrentUrl().endsWith("/programs/" + this.usId + "/settings")) {
			alice.get(url("/programs/" + this.usId + "/settings"));
		}
		assertThat(heading(alice)).isEqualTo("Paramètres de " + ACME_US);
		navigateBy(alice,
				() -> settingsMenuLink(alice, "Général", "menu-ad-settings", "Paramètres des annonces").click());
		this.aliceWait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/settings/ad-settings$"));
		assertThat(heading(alice)).isEqualTo("Paramètres des annonces");
		WebElement tracking = alice.findElement(By.id(TRACKING));
		WebElement requests = alice.findElement(By.id(REQUESTS));
		assertThat(tracking.isSelected()).isFalse();
		assertThat(requests.isSelected()).isFalse();
		tracking.click();
		this.aliceWait.until(ExpectedConditions.elementToBeClickable(requests)).click();
		navigateBy(alice, () -> alice.findElement(By.id("save")).click());
		WebElement saved = this.aliceWait
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-message")));
		assertThat(saved.getText()).isEqualTo("Vos paramètres ont été enregistrés.");
		assertThat(alice.findElement(By.id(TRACKING)).isSelected()).isTrue();
		assertThat(alice.findElement(By.id(REQUESTS)).isSelected()).isTrue();

		// 2. Pat, in another browser: signing in lands on their programs and requests.
		signIn(pat, this.patWait, PAT);
		this.patWait.until(ExpectedConditions.urlToBe(url("/partner/requests")));
		assertThat(heading(pat)).isEqualTo("Vos programmes et demandes de codes promo");
		assertThat(pat.findElement(By.cssSelector("#profile-menu .user-role")).getText()).isEqualTo("Partenaire");
		Set<String> requestsBefore = partnerRequestIds();
		WebElement requestCode = pat.findElement(By.id("request-code-" + this.usId));
		assertThat(requestCode.getText()).isEqualTo("Demander un code promo");
		assertThat(requestCode.findElement(By.xpath("./parent::li")).getText()).startsWith(ACME_US + " (Acme Outdoor)");

		// The request form: suggested code, date needed, instructions.
		navigateBy(pat, requestCode::click);
		this.patWait.until(ExpectedConditions
			.urlMatches("/partner/programs/" + this.usId + "/promo-code-requests/new$"));
		assertThat(heading(pat)).isEqualTo("Demander un code promo pour " + ACME_US);
		assertThat(pat.findElements(By.id("requests-not-allowed"))).isEmpty();
		pat.findElement(By.id("suggested-codes")).sendKeys(suggested);
		setDate(pat.findElement(By.id("date-needed")), dateNeeded);
		pat.findElement(By.id("instructions")).sendKeys(instructions);
		WebElement submit = pat.findElement(By.id("submit-request"));
		assertThat(submit.getText()).isEqualTo("Envoyer la demande");
		navigateBy(pat, submit::click);

		// Back on their list: the request is sent, open, with the suggested code.
		this.patWait.until(ExpectedConditions.urlToBe(url("/partner/requests")));
		assertThat(pat.findElement(By.id("flash-message")).getText())
			.isEqualTo("Votre demande a été envoyée à la marque.");
		Set<String> newRequests = partnerRequestIds();
		newRequests.removeAll(requestsBefore);
		assertThat(newRequests).as("exactly one new request on Pat's list").hasSize(1);
		String patRequestId = newRequests.iterator().next();
		long requestId = Long.parseLong(patRequestId.substring("partner-request-".length()));
		WebElement mine = pat.findElement(By.id(patRequestId));
		assertThat(mine.findElement(By.cssSelector(".suggested-codes")).getText()).isEqualTo(suggested);
		assertThat(mine.findElement(By.cssSelector(".request-state")).getText()).isEqualTo("Ouverte");
		assertThat(mine.findElements(By.cssSelector(".approved-code"))).isEmpty();
		assertThat(mine.getText()).contains(dateNeeded, instructions, "Par " + PAT + " le ");

		// 3. Alice: right-hand column → Engagement → Demandes; the request is there, open.
		navigateBy(alice, () -> settingsMenuLink(alice, "Engagement", "menu-requests", "Demandes").click());
		this.aliceWait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/promo-code-requests$"));
		assertThat(heading(alice)).isEqualTo("Demandes de codes promo pour " + ACME_US);
		WebElement requestLink = alice.findElement(By.id("request-" + requestId));
		assertThat(requestLink.getText()).isEqualTo(PARTNER_NAME);
		List<String> cells = requestLink.findElements(By.xpath("./ancestor::tr/td"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(cells).containsExactly(PARTNER_NAME, suggested, dateNeeded, "Ouverte", "");

		// The request: approve it with another code than suggested, and a comment.
		navigateBy(alice, requestLink::click);
		String requestPath = "/programs/" + this.usId + "/promo-code-requests/" + requestId;
		this.aliceWait.until(ExpectedConditions.urlMatches(requestPath + "$"));
		assertThat(heading(alice)).isEqualTo("Demande de " + PARTNER_NAME);
		assertThat(alice.findElement(By.cssSelector(".request-state")).getText()).isEqualTo("Ouverte");
		assertThat(alice.findElements(By.id("tracking-off-warning"))).isEmpty();
		WebElement approvedCode = alice.findElement(By.id("approved-code"));
		assertThat(approvedCode.getDomProperty("value")).as("the first suggestion, by default").isEqualTo(suggested);
		approvedCode.clear();
		approvedCode.sendKeys(approved);
		alice.findElement(By.id("decision-comment")).sendKeys(comment);
		WebElement approve = alice.findElement(By.id("approve-request"));
		assertThat(approve.getText()).isEqualTo("Approuver et créer le code");
		navigateBy(alice, approve::click);
		this.aliceWait.until(ExpectedConditions.urlMatches(requestPath + "$"));
		assertThat(alice.findElement(By.id("flash-message")).getText())
			.isEqualTo("Approuvée : le code promo " + approved + " a été créé pour le partenaire.");
		assertThat(alice.findElement(By.cssSelector(".request-state")).getText()).isEqualTo("Approuvée");
		assertThat(alice.findElement(By.cssSelector(".approved-code")).getText()).isEqualTo(approved);
		assertThat(alice.findElement(By.cssSelector(".brand-comment")).getText()).isEqualTo(comment);
		assertThat(alice.findElements(By.id("decision-form"))).as("no second decision").isEmpty();

		// 4. Pat reloads their list: approved, with Alice's code and comment.
		navigateBy(pat, () -> pat.navigate().refresh());
		mine = pat.findElement(By.id(patRequestId));
		assertThat(mine.findElement(By.cssSelector(".request-state")).getText()).isEqualTo("Approuvée");
		assertThat(mine.findElement(By.cssSelector(".approved-code")).getText()).isEqualTo(approved);
		assertThat(mine.findElement(By.cssSelector(".suggested-codes")).getText()).isEqualTo(suggested);
		assertThat(mine.findElement(By.cssSelector(".brand-comment")).getText()).isEqualTo(comment);
		assertThat(mine.getText()).contains("Par " + ALICE + " le ");
		assertThat(pat.findElements(By.id("flash-message"))).as("the one-time message is gone").isEmpty();

		// 5. Alice marks it completed; Pat sees that too, the code still there.
		WebElement complete = alice.findElement(By.id("complete-request"));
		assertThat(complete.getText()).isEqualTo("Marquer comme terminée");
		navigateBy(alice, complete::click);
		assertThat(alice.findElement(By.id("flash-message")).getText()).isEqualTo("La demande est terminée.");
		assertThat(alice.findElement(By.cssSelector(".request-state")).getText()).isEqualTo("Terminée");
		assertThat(alice.findElements(By.id("complete-request"))).isEmpty();
		navigateBy(pat, () -> pat.navigate().refresh());
		mine = pat.findElement(By.id(patRequestId));
		assertThat(mine.findElement(By.cssSelector(".request-state")).getText()).isEqualTo("Terminée");
		assertThat(mine.findElement(By.cssSelector(".approved-code")).getText()).isEqualTo(approved);

		// 6. Alice: right-hand column → Engagement → Codes promo; the approved code is Trailblazer Deals', active.
		navigateBy(alice, () -> settingsMenuLink(alice, "Engagement", "menu-promo-codes", "Codes promo").click());
		this.aliceWait.until(ExpectedConditions.urlMatches("/programs/" + this.usId + "/promo-codes$"));
		assertThat(heading(alice)).isEqualTo("Codes promo de " + ACME_US);
		List<WebElement> rows = alice.findElements(By.xpath(
				"//table[@id='promo-codes']/tbody/tr[td[1]/code[normalize-space(.)='" + approved + "']]"));
		assertThat(rows).as("one row for " + approved).hasSize(1);
		List<String> codeCells = rows.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(codeCells.get(0)).isEqualTo(approved);
		assertThat(codeCells.get(1)).isEqualTo(PARTNER_NAME);
		assertThat(codeCells.get(2)).isEqualTo("Exacte (sans casse)");
		assertThat(codeCells.get(5)).isEqualTo("Actif");
		assertThat(alice.findElements(By.xpath(
				"//table[@id='promo-codes']/tbody/tr/td[1]/code[normalize-space(.)='" + suggested + "']")))
			.as("the suggested code, not approved, was not created")
			.isEmpty();
		screenshotOfWholePage(alice, "partner-request.png");
	}

	// ---------------------------------------------------------------- helpers

	/** The code, or a suffixed variant, such that no promo code of Acme Outdoor US has it (compared without case). */
	private String unusedCode(String wanted) {
		JsonNode codes = Http.expect(this.http.api("GET", "/api/programs/" + this.usId + "/promo-codes", ALICE, null),
				200)
			.json();
		Set<String> taken = new HashSet<>();
		codes.forEach(code -> taken.add(code.get("code").asString().toUpperCase(Locale.ROOT)));
		String code = wanted;
		while (taken.contains(code.toUpperCase(Locale.ROOT))) {
			code = wanted + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		}
		return code;
	}

	private void signIn(WebDriver driver, WebDriverWait wait, String username) {
		driver.get(url("/login"));
		assertThat(lang(driver)).isEqualTo("fr");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORDS.get(username));
		navigateBy(driver, () -> driver.findElement(By.id("login")).click());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-menu")));
	}

	/** The ids ({@code partner-request-N}) of the requests on Pat's list. */
	private static Set<String> partnerRequestIds() {
		Set<String> ids = new HashSet<>();
		for (WebElement request : pat.findElements(By.cssSelector("div.request[id^='partner-request-']"))) {
			ids.add(request.getDomAttribute("id"));
		}
		return ids;
	}

	/**
	 * Sets a date input to an ISO date. Typing into it is not portable: headless Chromium orders the day, month
	 * and year fields by the machine's locale (mm/dd/yyyy here, whatever {@code --lang} says), so the value is set
	 * as a date picker would set it, with the events a picker fires.
	 */
	private static void setDate(WebElement input, String isoDate) {
		((JavascriptExecutor) pat).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoDate);
		assertThat(input.getDomProperty("value")).as("the date input's value").isEqualTo(isoDate);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
