package com.promotracking.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates hold no text of their own: every word a person reads comes from messages*.properties. */
class TemplateTextTest {

	/** Attributes a person reads or hears. */
	private static final List<String> READABLE_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label",
			"aria-description", "value");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : TranslationsTest.templates()) {
			literals.addAll(literalTexts(Files.readString(template)).stream()
				.map(text -> template.getFileName() + ": " + text)
				.toList());
		}
		assertThat(literals).isEmpty();
	}

	@Test
	void theCheckCatchesTextAndReadableAttributesWrittenInline() {
		assertThat(literalTexts("<p>Save</p>")).containsExactly("Save");
		assertThat(literalTexts("<button th:text=\"#{a}\" title=\"Save now\"></button>")).containsExactly("title=Save now");
		assertThat(literalTexts("<input type=\"submit\" value=\"Go\">")).containsExactly("value=Go");
		assertThat(literalTexts("<p th:text=\"#{a}\"></p><span>,</span>")).containsExactly(",");
		assertThat(literalTexts("<input type=\"hidden\" name=\"x\" value=\"1\"><input type=\"checkbox\" value=\"true\">"))
			.isEmpty();
	}

	static List<String> literalTexts(String html) {
		Document document = Jsoup.parse(html, "", Parser.htmlParser());
		List<String> literals = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			if (element.nameIs("script") || element.nameIs("style")) {
				continue;
			}
			boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext");
			for (TextNode text : element.textNodes()) {
				if (!text.isBlank() && !replaced) {
					literals.add(text.text().strip());
				}
			}
			for (String attribute : READABLE_ATTRIBUTES) {
				if (attribute.equals("value") && !shownAsCaption(element)) {
					continue;
				}
				if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
					literals.add(attribute + "=" + element.attr(attribute));
				}
			}
		}
		return literals;
	}

	/** An input button's value is its caption; a checkbox's, hidden field's or {@code <button>}'s is data. */
	private static boolean shownAsCaption(Element element) {
		return element.nameIs("input") && List.of("submit", "button", "reset").contains(element.attr("type"));
	}

}
