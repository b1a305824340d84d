package com.promotracking.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in English and French, and every key a template names exists. */
class TranslationsTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[},]");

	@Test
	void englishAndFrenchHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties french = load("messages_fr.properties");
		assertThat(french.stringPropertyNames()).as("keys missing in French")
			.containsAll(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).as("keys missing in English")
			.containsAll(french.stringPropertyNames());
	}

	@Test
	void noTextIsBlank() throws IOException {
		for (String file : List.of("messages.properties", "messages_fr.properties")) {
			Properties messages = load(file);
			assertThat(messages.stringPropertyNames()).as(file)
				.allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
		}
	}

	/**
	 * A text with arguments goes through MessageFormat, where an apostrophe must be doubled; a text without
	 * arguments is shown as written, where a doubled one would show twice.
	 */
	@Test
	void apostrophesSuitHowEachTextIsFormatted() throws IOException {
		for (String file : List.of("messages.properties", "messages_fr.properties")) {
			Properties messages = load(file);
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				if (ARGUMENT.matcher(text).find()) {
					assertThat(text.replace("''", "")).as(file + " " + key + " needs '' for an apostrophe")
						.doesNotContain("'");
				}
				else {
					assertThat(text).as(file + " " + key + " shows '' as is").doesNotContain("''");
				}
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties english = load("messages.properties");
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher keys = STATIC_KEY.matcher(Files.readString(template));
			while (keys.find()) {
				if (!english.containsKey(keys.group(1))) {
					missing.add(RESOURCES.relativize(template) + ": " + keys.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void frenchLabelsAreTheSourcePagesWordForWord() throws IOException {
		Properties french = load("messages_fr.properties");
		assertThat(french.getProperty("adSettings.trackingEnabled"))
			.isEqualTo("Activer le suivi des codes promo pour ce programme");
		assertThat(french.getProperty("adSettings.partnerRequestsAllowed"))
			.isEqualTo("Autoriser les partenaires à demander des codes promo pour ce programme");
		assertThat(french.getProperty("adSettings.promoCodeTracking")).isEqualTo("Suivi des codes promo");
		assertThat(french.getProperty("adSettings.title")).isEqualTo("Paramètres des annonces");
		assertThat(french.getProperty("settings.menu.general")).isEqualTo("Général");
		assertThat(french.getProperty("layout.settings")).isEqualTo("Paramètres");
		assertThat(french.getProperty("adSettings.save")).isEqualTo("Enregistrer");
		assertThat(french.getProperty("adSettings.warning.text")).isEqualTo(
				"Vous devez tester et valider votre code promo dans le type d'événement avant d'activer ce paramètre.");
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			return new ArrayList<>(files.filter(file -> file.toString().endsWith(".html")).sorted().toList());
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(RESOURCES.resolve(name)), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
