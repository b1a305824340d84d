package com.promotracking.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each kind of address takes ({@code app.http.max-body.*}); a larger one is answered 413
 * {@code content-too-large} before it is read. Keep {@code deploy/nginx.conf}'s {@code client_max_body_size}
 * values at least as large, so nginx does not refuse what the service takes.
 *
 * @param small every write but those below: settings, event types, promo codes, requests, API keys, forms and
 * the login form, none of which comes near it
 * @param conversion one conversion (up to 50 clicks) or a test conversion (4000 characters of JSON, each of
 * which may be escaped as six bytes): nginx's general limit
 * @param batch a batch of up to 1,000 conversions of 50 clicks each, about 2.3 MB: nginx's batch route limit
 * @param csvImport a promo code CSV file of up to 5 MB, as the body or as a form's file with the form's own
 * bytes around it (the file's own limit is the reader's): nginx's import route limit
 */
@ConfigurationProperties("app.http.max-body")
public record RequestBodyLimits(@DefaultValue("8KB") DataSize small, @DefaultValue("64KB") DataSize conversion,
		@DefaultValue("8MB") DataSize batch, @DefaultValue("5184KB") DataSize csvImport) {

	/** The limit for a request to this path. */
	long bytesFor(String path) {
		if (path.endsWith("/promo-code-imports") && (path.startsWith("/api/programs/") || path.startsWith("/programs/"))) {
			return this.csvImport.toBytes();
		}
		if (path.startsWith("/api/programs/")) {
			if (path.endsWith("/conversions/batch")) {
				return this.batch.toBytes();
			}
			if (path.endsWith("/conversions") || path.endsWith("/test-actions")) {
				return this.conversion.toBytes();
			}
		}
		return this.small.toBytes();
	}

}
