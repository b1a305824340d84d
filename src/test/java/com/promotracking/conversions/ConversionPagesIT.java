package com.promotracking.conversions;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.Http.Response;
import com.promotracking.support.Http.Session;
import com.promotracking.web.DateTimes;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.BOB;
import static com.promotracking.support.Http.PAT;
import static com.promotracking.support.Http.QUINN;
import static com.promotracking.support.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Conversions page and the Promo code performance report over real HTTP, on the database of the run (H2,
 * then PostgreSQL): filters, paging, why each conversion was credited, what a partner sees, another brand's 404,
 * bad values on their fields, the daily chart over days of a time zone, and the CSV.
 * <p>
 * The database is shared with the other integration tests: the conversions here are dated in 2021, which no other
 * test uses, and are posted once for the class, with tracking on for that moment only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConversionPagesIT {

	private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36).toUpperCase();

	/** The conversions that explain themselves, all on 14 and 15 March 2021 (UTC). */
	private static final String DAYS = "from=2021-03-14&to=2021-03-15";

	/** 51 conversions without a code on 1 April 2021: a full page and one more. */
	private static final String PAGING_DAY = "from=2021-04-01&to=2021-04-01";

	private static Data data;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	DateTimes dateTimes;

	Http http;

	/** What was posted once for the class. */
	record Data(long program, long corner, long trailblazer, long cornerCode, String cornerCodeText,
			long trailCode, String trailCodeText, long formulaCode, String formulaCodeText) {
	}

	@BeforeEach
	void conversionsOfMarch2021() {
		this.http = Http.on(this.port, this.json);
		if (data != null) {
			return;
		}
		long program = this.http.program(ACME_US).id();
		long corner = this.http.partnerId(ALICE, program, "Coupon Corner");
		long trailblazer = this.http.partnerId(ALICE, program, "Trailblazer Deals");
		long sale = this.http.eventTypeId(ALICE, program, "Online Sale");
		this.http.put(ALICE, program, true, false);
		try {
			JsonNode cornerCode = code(program, corner, "PAGE" + RUN + "C", "always", "exact");
			JsonNode trailCode = code(program, trailblazer, "PAGE" + RUN + "T", "if-winner", "exact");
			// A regex code a spreadsheet would take for a formula: the CSV must write it as text.
			JsonNode formulaCode = code(program, corner, "=HYPERLINK" + RUN + ".*", "always", "regex");
			String clickOfCorner = "[{\"partnerId\": " + corner + ", \"at\": \"2021-03-14T10:30:00Z\"}]";
			post(program, conversion(sale, "A", "2021-03-14T10:00:00Z", "10.00", "USD",
					cornerCode.get("code").asString(), null));
			post(program, conversion(sale, "B", "2021-03-14T11:00:00Z", "20.00", "USD",
					trailCode.get("code").asString(), clickOfCorner));
			post(program, conversion(sale, "C", "2021-03-14T12:00:00Z", "30.00", "USD", null, null));
			// 00:30 on the 15th in Paris, still the 14th in UTC.
			post(program, conversion(sale, "D", "2021-03-14T23:30:00Z", "5.50", "USD",
					cornerCode.get("code").asString().toLowerCase(), null));
			post(program, conversion(sale, "E", "2021-03-15T09:00:00Z", "1.00", "EUR",
					"=HYPERLINK" + RUN + "1", null));
			StringBuilder batch = new StringBuilder("{\"conversions\": [");
			for (int i = 0; i < 51; i++) {
				batch.append((i > 0) ? ", " : "")
					.append(conversion(sale, "P" + i, "2021-04-01T10:%02d:00Z".formatted(i), "1.00", "USD", null,
							null));
			}
			expect(this.http.api("POST", "/api/programs/" + program + "/conversions/batch", ALICE,
					batch.append("]}").toString()), 200);
			data = new Data(program, corner, trailblazer, cornerCode.get("id").asLong(),
					cornerCode.get("code").asString(), trailCode.get("id").asLong(), trailCode.get("code").asString(),
					formulaCode.get("id").asLong(), formulaCode.get("code").asString());
		}
		finally {
			this.http.put(ALICE, program, false, false);
		}
	}

	// ---------------------------------------------------------------- the Conversions page

	@Test
	void theBrandReadsTheConversionsNewestFirstEachWithWhy() {
		Document page = expect(this.http.get(this.http.login(ALICE), conversions(DAYS)), 200).html();

		assertThat(orderIds(page)).containsExactly(order("E"), order("D"), order("C"), order("B"), order("A"));
		Element a = row(page, "A");
		assertThat(a.select(".occurred-at").text())
			.isEqualTo(this.dateTimes.format(Instant.parse("2021-03-14T10:00:00Z"), Locale.ENGLISH))
			.endsWith(" UTC");
		assertThat(a.select(".event-type").text()).as("the event type by name").isEqualTo("Online Sale");
		assertThat(a.select(".amount").text()).isEqualTo("10.00 USD");
		assertThat(a.select(".code-sent").text()).isEqualTo(data.cornerCodeText());
		assertThat(a.select(".credited-partner").text()).isEqualTo("Coupon Corner");
		assertThat(a.select(".why").text()).isEqualTo("Credited to Coupon Corner by promo code "
				+ data.cornerCodeText() + " (credit policy: always)");
		assertThat(row(page, "B").select(".why").text()).isEqualTo("Not credited to Trailblazer Deals: code "
				+ data.trailCodeText() + " requires the winning click; credited to Coupon Corner by click");
		assertThat(row(page, "C").select(".why").text())
			.isEqualTo("Credited to nobody: no promo code was sent and no click came before the conversion");
		assertThat(page.select("#next-page, #previous-page")).isEmpty();
		assertThat(page.select("aside.settings-menu #menu-conversions").attr("aria-current")).isEqualTo("page");
		assertThat(page.select("#filter-partner option").eachText()).contains("Coupon Corner", "Trailblazer Deals");
	}

	@Test
	void theFiltersNarrowTheListAndStayInTheForm() {
		Session alice = this.http.login(ALICE);

		Document byCode = expect(this.http.get(alice, conversions(DAYS + "&by=promo-code")), 200).html();
		Document ofTrail = expect(this.http.get(alice, conversions(DAYS + "&promoCodeId=" + data.trailCode())), 200)
			.html();
		Document ofCorner = expect(this.http.get(alice, conversions(DAYS + "&partnerId=" + data.corner())), 200)
			.html();
		Document oneDay = expect(this.http.get(alice, conversions("from=2021-03-15&to=2021-03-15")), 200).html();

		assertThat(orderIds(byCode)).containsExactly(order("E"), order("D"), order("A"));
		assertThat(byCode.select("#filter-by option[selected]").val()).isEqualTo("promo-code");
		assertThat(byCode.select("#filter-from").val()).isEqualTo("2021-03-14");
		assertThat(orderIds(ofTrail)).containsExactly(order("B"));
		assertThat(ofTrail.select("#filter-code").val()).as("a link's code id shown as its text")
			.isEqualTo(data.trailCodeText());
		assertThat(byCode.select("#filter-code").val()).as("no code chosen").isEmpty();
		assertThat(orderIds(ofCorner)).containsExactly(order("E"), order("D"), order("B"), order("A"));
		assertThat(orderIds(oneDay)).containsExactly(order("E"));
	}

	@Test
	void theCodeIsTypedWithoutCaseAndSuggestedAmongTheProgramsCodes() {
		Session alice = this.http.login(ALICE);

		Document typed = expect(this.http.get(alice,
				conversions(DAYS + "&code=%20" + data.cornerCodeText().toLowerCase() + "%20")), 200).html();

		assertThat(orderIds(typed)).containsExactly(order("D"), order("A"));
		assertThat(typed.select("#filter-code").val()).as("the code as defined").isEqualTo(data.cornerCodeText());
		assertThat(typed.select("#filter-code").attr("name")).isEqualTo("code");
		assertThat(typed.select("#filter-code").attr("list")).isEqualTo("code-suggestions");
		assertThat(typed.select("#code-suggestions option").eachAttr("value"))
			.contains(data.cornerCodeText(), data.trailCodeText(), data.formulaCodeText());
	}

	@Test
	void aCodeTheReaderCannotFilterByIsAFieldErrorAndListsNothing() {
		Response unknown = this.http.get(this.http.login(ALICE), conversions(DAYS + "&code=NOPE" + RUN), "fr");
		Response othersCode = this.http.get(this.http.login(QUINN), conversions(DAYS + "&code=" + data.trailCodeText()));

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.html().select("#error-message").text())
			.isEqualTo("Aucun code promo « NOPE" + RUN + " » de ce programme ne peut servir de filtre.");
		assertThat(unknown.html().select("#filter-code").val()).isEqualTo("NOPE" + RUN);
		assertThat(unknown.html().select("#filter-code").attr("aria-invalid")).isEqualTo("true");
		assertThat(unknown.html().select("#conversions")).isEmpty();
		assertThat(othersCode.status()).as("another partner's code is as unknown as none").isEqualTo(400);
		assertThat(othersCode.html().select("#error-message").text())
			.isEqualTo("No promo code \u201c" + data.trailCodeText() + "\u201d you can filter by in this program.");
		assertThat(othersCode.html().select("#conversions")).isEmpty();
	}

	@Test
	void aTypedCodeStaysInTheFormBesideAnotherFieldsError() {
		Response bad = this.http.get(this.http.login(ALICE), conversions("from=2021-02-30&code=" + data.trailCodeText()));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.html().select("#filter-code").val()).isEqualTo(data.trailCodeText());
		assertThat(bad.html().select("#filter-code").attr("aria-invalid")).isEmpty();
	}

	@Test
	void fiftyAPageWithLinksThatKeepTheFilters() {
		Session alice = this.http.login(ALICE);

		Document first = expect(this.http.get(alice, conversions(PAGING_DAY)), 200).html();
		String next = first.select("#next-page").attr("href");
		Document second = expect(this.http.get(alice, next), 200).html();
		String previous = second.select("#previous-page").attr("href");

		assertThat(orderIds(first)).hasSize(50).startsWith(order("P50")).endsWith(order("P1"));
		assertThat(first.select("#previous-page")).isEmpty();
		assertThat(first.select("#page-number").text()).isEqualTo("Page 1");
		assertThat(next).isEqualTo("/programs/" + data.program() + "/conversions?" + PAGING_DAY + "&page=1");
		assertThat(orderIds(second)).containsExactly(order("P0"));
		assertThat(second.select("#next-page")).isEmpty();
		assertThat(second.select("#page-number").text()).isEqualTo("Page 2");
		assertThat(previous).isEqualTo("/programs/" + data.program() + "/conversions?" + PAGING_DAY);
	}

	@Test
	void aPartnerSeesOnlyTheConversionsCreditedToThemAndNoOtherPartnersName() {
		Session quinnSession = this.http.login(QUINN);
		Document programs = expect(this.http.get(quinnSession, "/partner/requests"), 200).html();
		Document quinn = expect(this.http.get(quinnSession, conversions(DAYS)), 200).html();
		Document pat = expect(this.http.get(this.http.login(PAT), conversions(DAYS)), 200).html();

		assertThat(orderIds(quinn)).containsExactly(order("E"), order("D"), order("B"), order("A"));
		assertThat(row(quinn, "B").select(".why").text()).isEqualTo("Another partner's promo code matched, but its "
				+ "credit policy was not met; credited to Coupon Corner by click");
		assertThat(row(quinn, "B").select(".code-sent").text()).as("another partner's code").isEmpty();
		assertThat(quinn.select("#content").text()).doesNotContain("Trailblazer", data.trailCodeText());
		assertThat(quinn.select("#filter-partner")).isEmpty();
		assertThat(quinn.select("#code-suggestions option").eachAttr("value")).contains(data.cornerCodeText())
			.doesNotContain(data.trailCodeText());
		assertThat(quinn.select("aside.settings-menu")).isEmpty();
		assertThat(quinn.select("#back-to-partner-programs").attr("href")).isEqualTo("/partner/requests");
		assertThat(pat.select("#no-conversions").text()).isEqualTo("No conversion matches.");
		assertThat(programs.select("#conversions-" + data.program()).attr("href"))
			.isEqualTo("/programs/" + data.program() + "/conversions");
		assertThat(programs.select("#promo-code-performance-" + data.program()).attr("href"))
			.isEqualTo("/programs/" + data.program() + "/reports/promo-codes");
	}

	@Test
	void anotherBrandsProgramIsNotFound() {
		Session bob = this.http.login(BOB);

		assertThat(this.http.get(bob, conversions(DAYS)).status()).isEqualTo(404);
		assertThat(this.http.get(bob, report(DAYS)).status()).isEqualTo(404);
		assertThat(this.http.get(bob, "/programs/" + data.program() + "/reports/promo-codes.csv?" + DAYS).status())
			.isEqualTo(404);
	}

	@Test
	void aFilterThatCannotBeReadIsAFieldErrorInTheReadersLanguage() {
		Session alice = this.http.login(ALICE);

		Response date = this.http.get(alice, conversions("from=2021-02-30&to=2021-03-15"));
		Response by = this.http.get(alice, conversions("by=coupon"), "fr");
		Response partner = this.http.get(alice, conversions("partnerId=abc"));
		Response reversed = this.http.get(alice, conversions("from=2021-03-15&to=2021-03-14"));

		assertThat(date.status()).isEqualTo(400);
		assertThat(date.html().select("#error-message").text()).isEqualTo("Not a date: use a day such as 2026-12-01.");
		assertThat(date.html().select("#filter-from").val()).isEqualTo("2021-02-30");
		assertThat(date.html().select("#filter-from").attr("aria-invalid")).isEqualTo("true");
		assertThat(date.html().select("#conversions")).isEmpty();
		assertThat(by.status()).isEqualTo(400);
		assertThat(by.html().select("#error-message").text()).isEqualTo("Choisissez code promo, clic ou personne.");
		assertThat(partner.status()).isEqualTo(400);
		assertThat(partner.html().select("#error-message").text()).isEqualTo("Choose a partner from the list.");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.html().select("#error-message").text())
			.isEqualTo("The start date must not be after the end date.");
	}

	// ---------------------------------------------------------------- the report

	@Test
	void theReportShowsEachCodeEachPartnerAndADailyChartInTheTimeZone() {
		Document page = expect(this.http.get(this.http.login(ALICE),
				report("from=2021-03-14&to=2021-03-16&timeZone=Europe/Paris")), 200).html();

		Element corner = page.selectFirst("#report-code-" + data.cornerCode());
		assertThat(corner.select(".code").text()).isEqualTo(data.cornerCodeText());
		assertThat(corner.select(".partner").text()).isEqualTo("Coupon Corner");
		assertThat(corner.select(".credited").text()).isEqualTo("2");
		assertThat(corner.select(".revenue").text()).isEqualTo("15.50 USD");
		assertThat(corner.select(".carried").text()).isEqualTo("0");
		Element trail = page.selectFirst("#report-code-" + data.trailCode());
		assertThat(trail.select(".credited").text()).isEqualTo("0");
		assertThat(trail.select(".carried").text()).isEqualTo("1");
		Element cornerTotal = page.selectFirst("#report-partner-" + data.corner());
		assertThat(cornerTotal.select(".codes").text()).isEqualTo("2");
		assertThat(cornerTotal.select(".credited").text()).isEqualTo("3");
		assertThat(cornerTotal.select(".revenue .money").eachText()).containsExactly("1.00 EUR", "15.50 USD");
		assertThat(page.selectFirst("#report-partner-" + data.trailblazer()).select(".carried").text()).isEqualTo("1");
		// In Paris, D (23:30 UTC on the 14th) and E fall on the 15th.
		assertThat(page.select("#daily-figures tbody tr").eachText())
			.containsExactly("2021-03-14 1", "2021-03-15 2", "2021-03-16 0");
		Element chart = page.selectFirst("svg#daily-chart");
		assertThat(chart.attr("role")).isEqualTo("img");
		assertThat(chart.attr("aria-label")).startsWith("Bar chart: conversions credited by a promo code "
				+ "each day from 2021-03-14 to 2021-03-16 (Europe/Paris)");
		assertThat(chart.select("rect.chart-bar").eachAttr("height")).containsExactly("90.0", "180.0", "0.0");
		assertThat(chart.select("[style]")).as("no inline style: the CSP forbids it").isEmpty();
		assertThat(page.select("#download-csv").attr("href")).isEqualTo("/programs/" + data.program()
				+ "/reports/promo-codes.csv?from=2021-03-14&to=2021-03-16&timeZone=Europe/Paris");
		assertThat(page.select("aside.settings-menu #menu-promo-code-performance").attr("aria-current"))
			.isEqualTo("page");
	}

	@Test
	void inUtcTheSameConversionsFallOnOtherDays() {
		Document page = expect(this.http.get(this.http.login(ALICE), report("from=2021-03-14&to=2021-03-16")), 200)
			.html();

		assertThat(page.select("#report-time-zone").val()).isEqualTo("UTC");
		assertThat(page.select("#daily-figures tbody tr").eachText())
			.containsExactly("2021-03-14 2", "2021-03-15 1", "2021-03-16 0");
	}

	@Test
	void aPartnersReportHasTheirOwnCodesOnly() {
		Document quinn = expect(this.http.get(this.http.login(QUINN), report(DAYS)), 200).html();

		assertThat(quinn.select("#report-code-" + data.cornerCode())).hasSize(1);
		assertThat(quinn.select("#report-code-" + data.trailCode())).isEmpty();
		assertThat(quinn.select("#report-partners tbody tr")).hasSize(1);
		assertThat(quinn.select("#content").text()).doesNotContain("Trailblazer");
	}

	@Test
	void aBadTimeZoneOrRangeIsAFieldErrorAndTheCsvSendsBackToThePage() {
		Session alice = this.http.login(ALICE);

		Response zone = this.http.get(alice, report("from=2021-03-14&to=2021-03-16&timeZone=Mars/Base"));
		Response reversed = this.http.get(alice, report("from=2021-03-16&to=2021-03-14"), "fr");
		Response tooLong = this.http.get(alice, report("from=2020-01-01&to=2021-03-14"));
		Response csv = this.http.get(alice, "/programs/" + data.program()
				+ "/reports/promo-codes.csv?timeZone=Mars/Base");

		assertThat(zone.status()).isEqualTo(400);
		assertThat(zone.html().select("#error-message").text())
			.isEqualTo("Unknown time zone: use an IANA name such as Europe/Paris.");
		assertThat(zone.html().select("#report-time-zone").val()).isEqualTo("Mars/Base");
		assertThat(zone.html().select("#report-time-zone").attr("aria-invalid")).isEqualTo("true");
		assertThat(zone.html().select("#report-from").val()).isEqualTo("2021-03-14");
		assertThat(zone.html().select("#report-codes, #daily-chart")).isEmpty();
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.html().select("#error-message").text())
			.isEqualTo("La date de début ne doit pas être postérieure à la date de fin.");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.html().select("#error-message").text())
			.isEqualTo("Choose at most 366 days: the chart draws one bar a day.");
		assertThat(csv.status()).isEqualTo(303);
		assertThat(csv.location()).endsWith("/programs/" + data.program() + "/reports/promo-codes?timeZone=Mars/Base");
	}

	@Test
	void theCsvIsTheTableAsAnAttachmentWithFormulasWrittenAsText() {
		Response csv = expect(this.http.get(this.http.login(ALICE),
				"/programs/" + data.program() + "/reports/promo-codes.csv?" + DAYS), 200);

		assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.header("Content-Disposition")).hasValue("attachment; filename=\"promo-code-performance-"
				+ data.program() + "-2021-03-14-2021-03-15.csv\"");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).as("a BOM, then the header")
			.isEqualTo("\uFEFFCode,Partner,Credited,Revenue (EUR),Revenue (USD),\"Carried, credited elsewhere\"");
		assertThat(lines).contains(data.cornerCodeText() + ",Coupon Corner,2,,15.50,0",
				data.trailCodeText() + ",Trailblazer Deals,0,,,1",
				"'" + data.formulaCodeText() + ",Coupon Corner,1,1.00,,0");
		assertThat(lines).hasSize(4);
	}

	// ---------------------------------------------------------------- helpers

	private JsonNode code(long program, long partner, String code, String policy, String matchType) {
		return expect(this.http.api("POST", "/api/programs/" + program + "/promo-codes", ALICE,
				"{\"partnerId\": " + partner + ", \"code\": \"" + code + "\", \"startsAt\": \"2020-01-01T00:00:00Z\","
						+ " \"creditPolicy\": \"" + policy + "\", \"matchType\": \"" + matchType + "\"}"),
				201).json();
	}

	private void post(long program, String conversion) {
		expect(this.http.api("POST", "/api/programs/" + program + "/conversions", ALICE, conversion), 201);
	}

	private static String conversion(long eventType, String name, String occurredAt, String amount, String currency,
			String promoCode, String clicks) {
		return "{\"orderId\": \"" + order(name) + "\", \"eventTypeId\": " + eventType + ", \"occurredAt\": \""
				+ occurredAt + "\", \"amount\": \"" + amount + "\", \"currency\": \"" + currency + "\""
				+ ((promoCode != null) ? ", \"promoCode\": \"" + promoCode + "\"" : "")
				+ ((clicks != null) ? ", \"clicks\": " + clicks : "") + "}";
	}

	private static String order(String name) {
		return "PAGES-" + RUN + "-" + name;
	}

	private static String conversions(String query) {
		return "/programs/" + data.program() + "/conversions?" + query;
	}

	private static String report(String query) {
		return "/programs/" + data.program() + "/reports/promo-codes?" + query;
	}

	private static List<String> orderIds(Document page) {
		return page.select("#conversions tbody .order-id").eachText();
	}

	private static Element row(Document page, String name) {
		return page.select("#conversions tbody tr").stream()
			.filter(row -> row.select(".order-id").text().equals(order(name)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for " + order(name)));
	}

}
