package com.promotracking.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

import com.promotracking.support.AppMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PerThreadFormatsMessageSourceTest {

	private final PerThreadFormatsMessageSource messages = AppMessages.configured(new PerThreadFormatsMessageSource());

	@Test
	void isTheApplicationsMessageSourceConfiguredBySpringMessagesProperties() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
					MessageSourceAutoConfiguration.class))
			.withUserConfiguration(LanguageConfig.class)
			.withPropertyValues("spring.messages.basename=messages", "spring.messages.fallback-to-system-locale=false")
			.run(context -> {
				assertThat(context).hasSingleBean(MessageSource.class);
				assertThat(context.getBean(MessageSource.class)).isInstanceOf(PerThreadFormatsMessageSource.class);
				assertThat(context.getMessage("csm.actingFor", new Object[] { "Globex" }, Locale.FRENCH))
					.isEqualTo("Vous agissez pour le compte de Globex.");
				// No system-locale fallback: a language without messages of its own gets the default (English) ones.
				assertThat(context.getMessage("csm.actingFor", new Object[] { "Globex" }, Locale.GERMAN))
					.isEqualTo("You are acting on behalf of Globex.");
			});
	}

	@Test
	void refusesAReloadingCacheItsCopiesWouldIgnore() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
			.withUserConfiguration(LanguageConfig.class)
			.withPropertyValues("spring.messages.basename=messages", "spring.messages.cache-duration=10s")
			.run(context -> assertThat(context).hasFailed());
	}

	@Test
	void formatsMessagesWithArgumentsInEachLanguage() {
		assertThat(this.messages.getMessage("csm.actingFor", new Object[] { "Acme Outdoor" }, Locale.ENGLISH))
			.isEqualTo("You are acting on behalf of Acme Outdoor.");
		assertThat(this.messages.getMessage("csm.actingFor", new Object[] { "Acme Outdoor" }, Locale.FRENCH))
			.isEqualTo("Vous agissez pour le compte de Acme Outdoor.");
	}

	@Test
	void aMissingMessageIsStillAnError() {
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> this.messages.getMessage("no.such.key", new Object[] { 1 }, Locale.ENGLISH));
	}

	@Test
	void aThreadKeepsItsOwnFormatAndNoOtherThreadGetsIt() throws Exception {
		MessageFormat mine = this.messages.resolveCode("program.label", Locale.ENGLISH);
		assertThat(this.messages.resolveCode("program.label", Locale.ENGLISH)).isSameAs(mine);
		assertThat(this.messages.resolveCode("program.label", Locale.FRENCH)).isNotSameAs(mine);

		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			MessageFormat theirs = CompletableFuture
				.supplyAsync(() -> this.messages.resolveCode("program.label", Locale.ENGLISH), other)
				.get(10, TimeUnit.SECONDS);
			assertThat(theirs).isNotNull().isNotSameAs(mine);
			assertThat(theirs.toPattern()).isEqualTo(mine.toPattern());
		}
		finally {
			other.shutdownNow();
		}
	}

	@Test
	void threadsFormattingAtOnceEachGetTheirOwnAnswer() throws Exception {
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			CompletableFuture<?>[] all = new CompletableFuture<?>[threads];
			for (int t = 0; t < threads; t++) {
				String name = "Program " + t;
				all[t] = CompletableFuture.runAsync(() -> {
					awaitQuietly(start);
					for (int i = 0; i < 2_000; i++) {
						String brand = "Brand " + i;
						assertThat(this.messages.getMessage("program.label", new Object[] { name, brand }, Locale.ENGLISH))
							.isEqualTo(name + " (" + brand + ")");
					}
				}, pool);
			}
			start.countDown();
			CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
