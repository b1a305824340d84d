package com.promotracking.settings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.audit.Channel;
import com.promotracking.audit.HistoryPage;
import com.promotracking.audit.HistoryRecord;
import com.promotracking.audit.HistoryText;
import com.promotracking.audit.Outcome;
import com.promotracking.audit.Subject;
import com.promotracking.support.AppMessages;
import com.promotracking.web.DateTimes;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** History rows rendered from their template with the application's messages, once per entry and language. */
class HistoryRowsTest {

	private final HistoryRows rows = new HistoryRows(engine(), new HistoryText(AppMessages.source(), new DateTimes(), new JsonMapper()));

	@AfterEach
	void resetLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aRowShowsTheEntryAndEscapesWhatPeopleTyped() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		HistoryRecord entry = entry(1, "<script>alert(1)</script>@acme.example", Outcome.REFUSED,
				"Acme <b>Outdoor</b>");

		String html = this.rows.of(page(entry)).get(0);

		assertThat(html).doesNotContain("<script>", "<b>").contains("&lt;script&gt;", "&lt;b&gt;");
		Element row = Jsoup.parseBodyFragment("<table>" + html + "</table>").selectFirst("tr");
		assertThat(row.hasClass("refused")).isTrue();
		assertThat(row.select("td")).hasSize(5);
		assertThat(row.text()).contains("<script>alert(1)</script>@acme.example", "Brand admin",
				"Settings page", "Refused", "Settings of Acme <b>Outdoor</b>", "Promo code tracking: off → on",
				"Promo code not validated");
	}

	@Test
	void anEntryIsRenderedOncePerLanguage() {
		HistoryPage page = page(entry(2, "alice@acme.example", Outcome.CHANGED, "Acme Outdoor US"));

		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String english = this.rows.of(page).get(0);
		assertThat(this.rows.of(page).get(0)).isSameAs(english);
		LocaleContextHolder.setLocale(Locale.FRENCH);
		String french = this.rows.of(page).get(0);

		assertThat(this.rows.kept()).isEqualTo(2);
		assertThat(english).contains("Changed").doesNotContain("Modifié");
		assertThat(french).contains("Modifié").doesNotContain("Changed");
		assertThat(Jsoup.parseBodyFragment("<table>" + english + "</table>").selectFirst("tr").hasClass("refused"))
			.isFalse();
	}

	@Test
	void onlyTheMostRecentlyShownRowsAreKept() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<HistoryRecord> entries = new ArrayList<>();
		for (long id = 1; id <= HistoryRows.KEPT + 50; id++) {
			entries.add(entry(id, "alice@acme.example", Outcome.CHANGED, "Acme Outdoor US"));
		}

		this.rows.of(new HistoryPage(entries, 0, entries.size(), false));

		assertThat(this.rows.kept()).isEqualTo(HistoryRows.KEPT);
	}

	private static HistoryPage page(HistoryRecord entry) {
		return new HistoryPage(List.of(entry), 0, HistoryPages.PAGE_SIZE, false);
	}

	private static HistoryRecord entry(long id, String actor, Outcome outcome, String label) {
		return new HistoryRecord(id, Instant.parse("2026-11-02T10:15:30Z"), actor, Role.BRAND_ADMIN, 1,
				"Acme Outdoor", Channel.PAGE, new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 11, label), outcome,
				"{\"" + ProgramSettingsService.TRACKING + "\":{\"from\":false,\"to\":true}}",
				(outcome == Outcome.REFUSED) ? "promo-code-not-validated" : null, null);
	}

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(AppMessages.source());
		return engine;
	}

}
