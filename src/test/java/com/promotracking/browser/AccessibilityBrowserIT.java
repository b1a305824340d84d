package com.promotracking.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import com.promotracking.support.Http;
import com.promotracking.support.RowsInEveryList;

import static com.promotracking.browser.BrowserSupport.closeQuietly;
import static com.promotracking.browser.BrowserSupport.driverOf;
import static com.promotracking.browser.BrowserSupport.js;
import static com.promotracking.browser.BrowserSupport.navigateBy;
import static com.promotracking.browser.BrowserSupport.screenshot;
import static com.promotracking.support.Http.ACME_FR;
import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.OLIVIA;
import static com.promotracking.support.Http.PASSWORDS;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.QUINN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, as each role sees it, in English and in French, in a real (headless Chromium) browser:
 * <ul>
 * <li>axe-core with the WCAG 2.1 A/AA and best-practice rules finds no violation;</li>
 * <li>at a phone's 390 px (in English) and at WCAG's reflow width of 320 px (in both languages) the page never
 * scrolls sideways (tables and code scroll inside their own containers) and the profile menu stays on screen;</li>
 * <li>every element the keyboard reaches with Tab shows a focus ring with 3:1 against what is around it;</li>
 * <li>form controls share the page's font and its type scale, and text boxes and selects have borders of 3:1;</li>
 * <li>at 1280 px the top bar (a CSM's, with the brand switcher, the widest) keeps its labels on one line.</li>
 * </ul>
 * And after a save or a refusal the focus moves to the message, and a refused save shows the boxes as saved.
 * <p>
 * Each role's test collects every failure of every page before failing, so one run lists them all; the axe
 * results per page go to {@code target/accessibility/axe-results.txt}. The pages show real data: the test gives
 * Acme Outdoor US a promo code, a partner request, a conversion and an API key (names new to the run), and
 * puts the demo settings back afterwards. The Ad settings screenshots of README.md are taken here
 * ({@code target/screenshots/readme-*.png}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Installed.class)
class AccessibilityBrowserIT {

	private static final Path AXE_RESULTS = Path.of("target", "accessibility", "axe-results.txt");

	/** 0 is the desktop window (1280 px); then a phone, then WCAG 2.1's reflow width (SC 1.4.10). */
	private static final int PHONE = 390;

	private static final List<Integer> WIDTHS = List.of(0, PHONE, 320);

	private static CompletableFuture<Browser> starting;

	private static WebDriver driver;

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver != null) {
				screenshot(driver, "failed-accessibility.png");
			}
		}
	};

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Autowired
	private MessageSource messages;

	private Http http;

	private long usId;

	private long frId;

	/** Among them alice's preview of a promo code file with a ready row and a refused one: hers alone to see. */
	private RowsInEveryList rows;

	private WebDriverWait wait;

	/** A page to audit, and whether it is an error page on purpose (its heading says so). */
	private record Page(String name, String path, boolean error) {

		static Page of(String name, String path) {
			return new Page(name, path, false);
		}

		static Page error(String name, String path) {
			return new Page(name, path, true);
		}

	}

	@BeforeAll
	static void startBrowser() throws IOException {
		Files.deleteIfExists(AXE_RESULTS);
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

	/**
	 * Acme Outdoor US with something on every page: tracking and partner requests on (its code is validated in
	 * the demo data), a code of Coupon Corner, a request of pat's (Trailblazer Deals), a conversion, an API key.
	 */
	@BeforeEach
	void pagesWithData() {
		driver = (driver != null) ? driver : driverOf(starting);
		driver.manage().deleteAllCookies();
		PageAudit.emulateWidth(driver, 0);
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		this.http = Http.on(this.port, this.json);
		this.usId = this.http.program(ACME_US).id();
		this.frId = this.http.program(ACME_FR).id();
		this.rows = RowsInEveryList.add(this.http, this.usId, "A11Y");
	}

	@AfterEach
	void demoSettingsAgain() {
		this.rows.remove();
		this.http.put(ALICE, this.frId, false, false);
		if (driver != null) {
			PageAudit.emulateWidth(driver, 0);
		}
	}

	@Test
	void everyPageOfABrandAdminPassesAxeReflowsAndShowsWhereTheFocusIs() {
		List<String> failures = audit(ALICE, brandPages(""));
		assertThat(failures).as("accessibility failures of alice's pages").isEmpty();
	}

	@Test
	void everyPageOfACsmPassesAxeReflowsAndShowsWhereTheFocusIs() {
		long acme = this.http.program(ACME_US).brandId();
		// Her pages are alice's with a top bar of her own: the keyboard goes through three of them.
		List<String> failures = audit(CAROL, brandPages("?brandId=" + acme),
				page -> List.of("home", "ad settings", "api keys").contains(page.name()));
		assertThat(failures).as("accessibility failures of carol's pages").isEmpty();
	}

	@Test
	void everyPageOfAPartnerPassesAxeReflowsAndShowsWhereTheFocusIs() {
		List<Page> pages = List.of(Page.of("partner requests", "/partner/requests"),
				Page.of("partner request form", "/partner/programs/" + this.usId + "/promo-code-requests/new"),
				Page.of("conversions", "/programs/" + this.usId + "/conversions"),
				Page.of("report", "/programs/" + this.usId + "/reports/promo-codes"),
				Page.error("forbidden", "/programs/" + this.usId + "/settings/ad-settings"),
				Page.error("no console", "/console"));
		List<String> failures = new ArrayList<>(audit(PAT, pages));
		failures.addAll(audit(QUINN, pages.subList(2, 4)));
		assertThat(failures).as("accessibility failures of the partners' pages").isEmpty();
	}

	@Test
	void theOperatorsAndTheSignedOutPagesPassAxeAndReflow() {
		List<String> failures = new ArrayList<>(audit(OLIVIA, List.of(Page.of("home", "/"))));
		failures.addAll(audit(null, List.of(Page.of("login", "/login"), Page.of("login refused", "/login?error"),
				Page.of("logged out", "/login?logout"))));
		assertThat(failures).as("accessibility failures of the operator's and the sign-in pages").isEmpty();
	}

	@Test
	void afterASaveOrARefusalTheFocusIsOnTheMessageAndARefusedSaveShowsTheBoxesAsSaved() {
		signIn(ALICE, "en");

		// Saved: the notice takes the focus, so a screen reader reads it and Tab goes on from there.
		driver.get(url("/programs/" + this.usId + "/settings/ad-settings"));
		driver.findElement(By.id("partnerPromoCodeRequestsAllowed")).click();
		navigateBy(driver, () -> driver.findElement(By.id("save")).click());
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-message"))).getText())
			.isEqualTo("Your settings have been saved.");
		assertThat(focused()).isEqualTo("saved-message");

		// Refused (Acme Outdoor FR's code is not validated): the refusal takes the focus, and the box shows
		// tracking as it is saved, off, not as it was ticked.
		driver.get(url("/programs/" + this.frId + "/settings/ad-settings"));
		WebElement tracking = driver.findElement(By.id("promoCodeTrackingEnabled"));
		tracking.click();
		assertThat(tracking.isSelected()).isTrue();
		navigateBy(driver, () -> driver.findElement(By.id("save")).click());
		WebElement refusal = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal-message")));
		assertThat(refusal.getText()).contains("Nothing was saved.");
		assertThat(refusal.getDomAttribute("role")).isEqualTo("alert");
		assertThat(focused()).isEqualTo("refusal-message");
		assertThat(driver.findElement(By.id("promoCodeTrackingEnabled")).isSelected()).as("tracking as saved").isFalse();
		assertThat(driver.findElement(By.id("partnerPromoCodeRequestsAllowed")).isSelected()).isFalse();

		// A form's own refusal too: a promo code without a code.
		driver.get(url("/programs/" + this.usId + "/promo-codes"));
		js(driver, "document.getElementById('code-code').removeAttribute('required');");
		navigateBy(driver, () -> driver.findElement(By.id("create-promo-code-submit")).click());
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-message")))
			.getDomAttribute("role")).isEqualTo("alert");
		assertThat(focused()).isEqualTo("error-message");
	}

	/**
	 * The audit itself, on a page made to fail it: an image without a text, a link without a focus ring, a button
	 * whose ring is too pale, a block wider than a phone. A check that could not fail would prove nothing above.
	 */
	@Test
	void theAuditFindsAMissingOrPaleFocusRingAnImageWithoutTextAndAPageWiderThanAPhone() {
		driver.get("data:text/html;charset=utf-8," + URLEncoder.encode("""
				<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width">
				<title>Made to fail</title><style>
				body { background: #fff; color: #000; } a, button { display: block; margin: 16px; }
				a:focus { outline: none; } #pale:focus { outline: 2px solid #ddd; }
				#fine:focus { outline: 3px solid #000; outline-offset: 2px; } .wide { width: 600px; }
				</style></head><body><main><h1>Made to fail</h1><a href="#" id="bare">Bare</a>
				<button id="pale">Pale</button><button id="fine">Fine</button><img src="data:," width="10" height="10">
				<p class="wide">Wide</p></main></body></html>
				""", StandardCharsets.UTF_8).replace("+", "%20"));

		assertThat(PageAudit.violations(PageAudit.axe(driver))).anySatisfy(
				failure -> assertThat(failure).startsWith("axe image-alt (critical)"));
		List<String> reached = new ArrayList<>();
		assertThat(PageAudit.focusIndicators(driver, reached)).containsExactly(
				"a#bare \"Bare\": no focus outline (none 3px)",
				"button#pale \"Pale\": focus ring rgb(221,221,221) on rgb(255,255,255) has 1.36:1");
		assertThat(reached).containsExactly("a#bare \"Bare\"", "button#pale \"Pale\"", "button#fine \"Fine\"");
		PageAudit.emulateWidth(driver, 320);
		assertThat(PageAudit.reflow(driver, 320)).first()
			.isEqualTo("the page scrolls sideways: 608 px wide in 320");
	}

	// ---------------------------------------------------------------- the audit

	/** What a brand admin or a CSM reaches for Acme Outdoor US; {@code brandQuery} picks a CSM's brand. */
	private List<Page> brandPages(String brandQuery) {
		String program = "/programs/" + this.usId;
		String importPath = program + "/promo-code-imports/" + this.rows.importId();
		long eventType = this.http.eventTypeId(ALICE, this.usId, "Online Sale");
		long testAction = this.http.newestTestActionId(ALICE, this.usId, eventType);
		return List.of(Page.of("home", "/"), Page.of("settings", program + "/settings"),
				Page.of("ad settings", program + "/settings/ad-settings"),
				Page.of("event types", program + "/event-types"),
				Page.of("event type", program + "/event-types/" + eventType),
				Page.of("test action", program + "/test-actions/" + testAction),
				Page.of("promo codes", program + "/promo-codes"),
				Page.of("requests", program + "/promo-code-requests"),
				Page.of("request", program + "/promo-code-requests/" + this.rows.requestId()),
				Page.of("conversions", program + "/conversions"),
				Page.of("report", program + "/reports/promo-codes"),
				Page.of("api keys", "/settings/api-keys" + brandQuery),
				Page.of("revoke api key", "/settings/api-keys/" + this.rows.keyId() + "/revocation"),
				Page.of("console", "/console?sort=-live-codes"),
				// Alice's preview: hers to see, not found for anyone else (the CSM too).
				brandQuery.isEmpty() ? Page.of("promo code import", importPath)
						: Page.error("someone else's import", importPath),
				Page.error("not found", "/no-such-page"));
	}

	/**
	 * Signs in as the user (null: nobody) in each language, and checks each page at each width; returns every
	 * failure, each prefixed with the user, language, width and page.
	 */
	private List<String> audit(String username, List<Page> pages) {
		return audit(username, pages, page -> true);
	}

	/** As {@link #audit(String, List)}, the keyboard's walk through the page only on the pages chosen. */
	private List<String> audit(String username, List<Page> pages, Predicate<Page> keyboard) {
		List<String> failures = new ArrayList<>();
		for (String lang : List.of("en", "fr")) {
			driver.manage().deleteAllCookies();
			if (username != null) {
				signIn(username, lang);
			}
			else {
				driver.get(url("/login?lang=" + lang));
			}
			for (int width : WIDTHS) {
				if (width == PHONE && lang.equals("fr")) {
					continue; // 320 px is the narrower check, in both languages; 390 px once is enough
				}
				PageAudit.emulateWidth(driver, width);
				for (Page page : pages) {
					String where = (username != null ? username : "signed out") + " " + lang + " "
							+ (width == 0 ? "1280" : width) + " px " + page.name() + " (" + page.path() + "): ";
					driver.get(url(page.path()));
					List<String> found = new ArrayList<>(shown(page, lang));
					if (width == 0) {
						if (ALICE.equals(username) && lang.equals("en") && page.name().equals("ad settings")) {
							screenshot(driver, "readme-ad-settings.png");
						}
						Results axe = PageAudit.axe(driver);
						record(where + axe.getPasses().size() + " rules passed, " + axe.getViolations().size()
								+ " violated, " + axe.getIncomplete().size() + " to review by hand "
								+ axe.getIncomplete().stream().map(Rule::getId).toList());
						found.addAll(PageAudit.violations(axe));
						found.addAll(topBarOnOneLine());
						if (lang.equals("en") && keyboard.test(page)) {
							List<String> reached = new ArrayList<>();
							found.addAll(PageAudit.focusIndicators(driver, reached));
							if (reached.size() < 3) {
								found.add("the keyboard reached only " + reached);
							}
							found.addAll(PageAudit.formControls(driver));
						}
					}
					else {
						found.addAll(PageAudit.reflow(driver, width));
						if (ALICE.equals(username) && lang.equals("en") && width == PHONE
								&& page.name().equals("ad settings")) {
							screenshot(driver, "readme-ad-settings-phone.png");
						}
					}
					found.forEach(failure -> failures.add(where + failure));
				}
			}
			PageAudit.emulateWidth(driver, 0);
		}
		return failures;
	}

	/** The page asked for, in its language, and not an error unless one is meant: else the audit proves nothing. */
	private List<String> shown(Page page, String lang) {
		String heading = driver.findElement(By.tagName("h1")).getText();
		Locale locale = Locale.forLanguageTag(lang);
		List<String> errorHeadings = List.of(this.messages.getMessage("error.heading", null, locale),
				this.messages.getMessage("error.notFound.heading", null, locale));
		List<String> wrong = new ArrayList<>();
		if (!lang.equals(driver.findElement(By.tagName("html")).getDomAttribute("lang"))) {
			wrong.add("the page is not in " + lang);
		}
		if (errorHeadings.contains(heading) != page.error()) {
			wrong.add("unexpected page: " + heading);
		}
		return wrong;
	}

	/** The top bar's labels (the brand switcher's, the user's name and role) each on one line, its menu on screen. */
	@SuppressWarnings("unchecked")
	private static List<String> topBarOnOneLine() {
		return (List<String>) js(driver, """
				var failures = [];
				document.querySelectorAll('.topnav label, .topnav button, #profile-menu').forEach(function (el) {
				  var lines = parseFloat(getComputedStyle(el).lineHeight) || 24;
				  var box = el.getBoundingClientRect(), style = getComputedStyle(el);
				  var inner = box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
				      - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
				  if (inner > lines * 1.5) { failures.push('top bar: ' + (el.id || el.tagName) + ' wraps onto two lines'); }
				  if (box.right > document.documentElement.clientWidth) { failures.push('top bar: ' + (el.id || el.tagName) + ' off screen'); }
				});
				return failures;
				""");
	}

	private static String focused() {
		return (String) js(driver, "return document.activeElement && document.activeElement.id;");
	}

	private void signIn(String username, String lang) {
		driver.get(url("/login?lang=" + lang));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORDS.get(username));
		navigateBy(driver, () -> driver.findElement(By.id("login")).click());
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-menu")));
	}

	private static void record(String line) {
		try {
			Files.createDirectories(AXE_RESULTS.getParent());
			Files.writeString(AXE_RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
