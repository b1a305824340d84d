package com.promotracking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running server, as a browser and as an API client would talk to it: form login with
 * the CSRF token of the login page, a session cookie kept by hand (redirects are never followed, so tests
 * see every 302), and HTTP Basic for {@code /api}.
 *
 * <p>Thread-safe: one instance serves many threads at once (see the concurrency tests).
 */
public final class Http {

	public static final String ALICE = "alice@acme.example";

	public static final String BOB = "bob@globex.example";

	public static final String CAROL = "carol@csm.example";

	public static final String PAT = "pat@partner.example";

	/** The operator: Actuator only, no brand, no program. */
	public static final String OLIVIA = "olivia@ops.example";

	/** The second partner (Coupon Corner), in both Acme programs. */
	public static final String QUINN = "quinn@coupons.example";

	public static final Map<String, String> PASSWORDS = Map.of(ALICE, "alice-demo-pass", BOB, "bob-demo-pass",
			CAROL, "carol-demo-pass", PAT, "pat-demo-pass", OLIVIA, "olivia-demo-pass", QUINN, "quinn-demo-pass");

	public static final String ACME = "Acme Outdoor";

	public static final String GLOBEX = "Globex";

	public static final String ACME_US = "Acme Outdoor US";

	public static final String ACME_FR = "Acme Outdoor FR";

	public static final String GLOBEX_MAIN = "Globex Main";

	public static final String PROBLEM_JSON = "application/problem+json";

	public static final String SESSION_COOKIE = "SESSION";

	/** The cookie of the login form's CSRF token, for a visitor without a session. */
	public static final String CSRF_COOKIE = "XSRF-TOKEN";

	private final HttpClient client;

	private final String base;

	private final JsonMapper json;

	private final Map<String, Program> programs = new ConcurrentHashMap<>();

	private static final Map<Integer, Http> SHARED = new ConcurrentHashMap<>();

	/** One client per server for all test classes: a client holds a thread and a connection pool. */
	public static Http on(int port, JsonMapper json) {
		return SHARED.computeIfAbsent(port, key -> new Http(port, json));
	}

	public Http(int port, JsonMapper json) {
		this.base = "http://localhost:" + port;
		this.json = json;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public String base() {
		return this.base;
	}

	// ---------------------------------------------------------------- demo programs

	/** A demo program as {@code GET /api/programs} lists it. */
	public record Program(long id, String name, long brandId, String brandName) {
	}

	/** The demo program of that name, looked up once through the API as its brand admin. */
	public Program program(String name) {
		if (this.programs.isEmpty()) {
			for (String admin : List.of(ALICE, BOB)) {
				for (JsonNode p : api("GET", "/api/programs", admin, null).json()) {
					Program program = new Program(p.get("id").asLong(), p.get("name").asString(),
							p.get("brandId").asLong(), p.get("brandName").asString());
					this.programs.put(program.name(), program);
				}
			}
		}
		Program program = this.programs.get(name);
		if (program == null) {
			throw new IllegalStateException("No demo program " + name + " in " + this.programs.keySet());
		}
		return program;
	}

	/** The id of the program's partner of that name, as the brand admin's API lists the partners. */
	public long partnerId(String admin, long programId, String name) {
		for (JsonNode partner : expect(api("GET", "/api/programs/" + programId + "/partners", admin, null), 200)
			.json()) {
			if (partner.get("name").asString().equals(name)) {
				return partner.get("id").asLong();
			}
		}
		throw new IllegalStateException("No partner " + name + " in program " + programId);
	}

	/** The id of the program's event type of that name, as the brand admin's API lists them. */
	public long eventTypeId(String admin, long programId, String name) {
		for (JsonNode type : expect(api("GET", "/api/programs/" + programId + "/event-types", admin, null), 200)
			.json()) {
			if (type.get("name").asString().equals(name)) {
				return type.get("id").asLong();
			}
		}
		throw new IllegalStateException("No event type " + name + " in program " + programId);
	}

	/** The id of the newest test action of the program's event type, as the brand admin's API lists them. */
	public long newestTestActionId(String admin, long programId, long eventTypeId) {
		return expect(api("GET", "/api/programs/" + programId + "/event-types/" + eventTypeId + "/test-actions", admin,
				null), 200)
			.json()
			.get(0)
			.get("id")
			.asLong();
	}

	/** The entries about one subject (e.g. {@code promo-code} 12), newest first, among the latest 100 of the program. */
	public List<JsonNode> historyOf(String username, long programId, String subjectType, long subjectId) {
		return history(username, programId, 0, 100).stream()
			.filter(entry -> entry.at("/subject/type").asString().equals(subjectType)
					&& entry.at("/subject/id").asLong() == subjectId)
			.toList();
	}

	public static String adSettingsPath(long programId) {
		return "/programs/" + programId + "/settings/ad-settings";
	}

	public static String settingsApiPath(long programId) {
		return "/api/programs/" + programId + "/promo-code-settings";
	}

	public static String historyApiPath(long programId) {
		return settingsApiPath(programId) + "/history";
	}

	public static String body(boolean tracking, boolean partnerRequests) {
		return "{\"promoCodeTrackingEnabled\": " + tracking + ", \"partnerPromoCodeRequestsAllowed\": "
				+ partnerRequests + "}";
	}

	// ---------------------------------------------------------------- responses

	/** What came back; the body as text, with JSON and HTML views of it. */
	public final class Response {

		private final int status;

		private final HttpHeaders headers;

		private final String body;

		Response(HttpResponse<String> response) {
			this.status = response.statusCode();
			this.headers = response.headers();
			this.body = response.body();
		}

		public int status() {
			return this.status;
		}

		public HttpHeaders headers() {
			return this.headers;
		}

		public String body() {
			return this.body;
		}

		public Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		public String location() {
			return this.headers.firstValue("Location").orElse(null);
		}

		public String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		public JsonNode json() {
			return Http.this.json.readTree(this.body);
		}

		/** The last path segment of a problem response's {@code type}. */
		public String problemType() {
			String type = json().path("type").asString("");
			return type.substring(type.lastIndexOf('/') + 1);
		}

		public Document html() {
			return Jsoup.parse(this.body, Http.this.base);
		}

		/** The raw {@code Set-Cookie} header of the session cookie, if this response set one. */
		public Optional<String> sessionSetCookie() {
			return setCookie(SESSION_COOKIE);
		}

		/** The raw {@code Set-Cookie} header of this cookie, if this response set it. */
		public Optional<String> setCookie(String name) {
			return this.headers.allValues("Set-Cookie")
				.stream()
				.filter(cookie -> cookie.startsWith(name + "="))
				.findFirst();
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers.map() + "\n" + this.body;
		}

	}

	// ---------------------------------------------------------------- browser sessions

	/**
	 * A browser's cookie jar for this site: the session cookie, and the CSRF cookie that holds the login form's
	 * token while there is no session.
	 */
	public static final class Session {

		private volatile String id;

		private volatile String csrfCookie;

		public String id() {
			return this.id;
		}

		/** The login form's CSRF cookie, while there is no session. */
		public String csrfCookie() {
			return this.csrfCookie;
		}

		/** A copy holding the same cookie, e.g. to replay it after the original logged out. */
		public Session copy() {
			Session copy = new Session();
			copy.id = this.id;
			copy.csrfCookie = this.csrfCookie;
			return copy;
		}

	}

	private static String valueOf(String setCookie, String name) {
		String value = setCookie.substring(name.length() + 1).split(";", 2)[0];
		return value.isEmpty() ? null : value;
	}

	public Session anonymous() {
		return new Session();
	}

	/** Logs in through the form like a browser; fails unless the login is accepted. */
	public Session login(String username) {
		Session session = anonymous();
		Response response = loginAttempt(session, username, PASSWORDS.get(username));
		if (response.status() != 302 || !response.location().endsWith("/")) {
			throw new AssertionError("Login of " + username + " failed: " + response);
		}
		return session;
	}

	/** GET /login for the token, then POST the form; the response is the login's redirect. */
	public Response loginAttempt(Session session, String username, String password) {
		String csrf = csrfOf(get(session, "/login"));
		return postForm(session, "/login", form("username", username, "password", password, "_csrf", csrf));
	}

	public Response get(Session session, String path) {
		return send(session, HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response get(Session session, String path, String acceptLanguage) {
		return send(session, HttpRequest.newBuilder(uri(path)).header("Accept-Language", acceptLanguage).GET());
	}

	/** The CSRF token a page of this session carries in its forms (the logout form is on every page). */
	public String csrf(Session session, String path) {
		return csrfOf(get(session, path));
	}

	public static String csrfOf(Response page) {
		Element input = page.html().selectFirst("input[name=_csrf]");
		if (input == null) {
			throw new AssertionError("No _csrf input on the page: " + page);
		}
		return input.attr("value");
	}

	/** Form fields in order; a null value leaves the field out, like an unticked checkbox. */
	public static Map<String, String> form(String... namesAndValues) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				form.put(namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return form;
	}

	/**
	 * The Ad settings form as the page posts it: ticked checkboxes send {@code true}, unticked ones nothing.
	 * A null {@code csrf} leaves the token out.
	 */
	public static Map<String, String> adSettingsForm(boolean tracking, boolean partnerRequests, long version,
			String csrf) {
		return form("promoCodeTrackingEnabled", tracking ? "true" : null, "partnerPromoCodeRequestsAllowed",
				partnerRequests ? "true" : null, "version", Long.toString(version), "_csrf", csrf);
	}

	public Response postForm(Session session, String path, Map<String, String> fields) {
		String encoded = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(session, HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(encoded)));
	}

	/** A request with the session's cookie (if any); a new session cookie in the answer replaces it. */
	public Response send(Session session, HttpRequest.Builder request) {
		List<String> cookies = new ArrayList<>();
		if (session.id != null) {
			cookies.add(SESSION_COOKIE + "=" + session.id);
		}
		if (session.csrfCookie != null) {
			cookies.add(CSRF_COOKIE + "=" + session.csrfCookie);
		}
		if (!cookies.isEmpty()) {
			request.header("Cookie", String.join("; ", cookies));
		}
		Response response = send(request);
		response.sessionSetCookie().ifPresent(cookie -> session.id = valueOf(cookie, SESSION_COOKIE));
		response.setCookie(CSRF_COOKIE).ifPresent(cookie -> session.csrfCookie = valueOf(cookie, CSRF_COOKIE));
		return response;
	}

	// ---------------------------------------------------------------- API

	/** An API call with HTTP Basic as that demo user (null: no credentials); a null body sends none. */
	public Response api(String method, String path, String username, String jsonBody, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json, application/problem+json");
		if (username != null) {
			request.header("Authorization", basic(username, PASSWORDS.get(username)));
		}
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		request.method(method, (jsonBody != null) ? BodyPublishers.ofString(jsonBody) : BodyPublishers.noBody());
		return send(request);
	}

	/** An API call with {@code Authorization: Bearer <key>} (null: no credentials); a null body sends none. */
	public Response bearer(String method, String path, String key, String jsonBody) {
		return raw(method, path, (key != null) ? "Bearer " + key : null, jsonBody);
	}

	/** An API call with this {@code Authorization} header as it is (null: none), to try malformed ones. */
	public Response raw(String method, String path, String authorization, String jsonBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json, application/problem+json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (jsonBody != null) ? BodyPublishers.ofString(jsonBody) : BodyPublishers.noBody());
		return send(request);
	}

	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** The settings as the owner's API shows them; fails unless the answer is 200. */
	public JsonNode settings(String username, long programId) {
		Response response = api("GET", settingsApiPath(programId), username, null);
		expect(response, 200);
		return response.json();
	}

	/** Sets both flags through the API, without If-Match; fails unless the answer is 200. */
	public JsonNode put(String username, long programId, boolean tracking, boolean partnerRequests) {
		Response response = api("PUT", settingsApiPath(programId), username, body(tracking, partnerRequests));
		expect(response, 200);
		return response.json();
	}

	/** One page of the history through the API; fails unless the answer is 200. */
	public List<JsonNode> history(String username, long programId, int page, int size) {
		Response response = api("GET", historyApiPath(programId) + "?page=" + page + "&size=" + size, username,
				null);
		expect(response, 200);
		List<JsonNode> entries = new ArrayList<>();
		response.json().forEach(entries::add);
		return entries;
	}

	/** The whole history's length, read page by page through the API. */
	public int historyLength(String username, long programId) {
		int length = 0;
		for (int page = 0;; page++) {
			int size = history(username, programId, page, 100).size();
			length += size;
			if (size < 100) {
				return length;
			}
		}
	}

	public static Response expect(Response response, int status) {
		if (response.status() != status) {
			throw new AssertionError("Expected " + status + " but got " + response);
		}
		return response;
	}

	// ---------------------------------------------------------------- plumbing

	public URI uri(String path) {
		return URI.create(this.base + path);
	}

	/**
	 * Sends the request. An exchange with the JSON API ({@code /api}) must keep to the served OpenAPI document
	 * ({@link ApiContract}): an answer the document does not allow fails the test, so the document cannot drift
	 * from the code.
	 */
	public Response send(HttpRequest.Builder request) {
		try {
			HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
			Response response = new Response(this.client.send(built, BodyHandlers.ofString(StandardCharsets.UTF_8)));
			String path = built.uri().getRawPath();
			if (path.startsWith("/api/") || path.equals("/api")) {
				ApiContract.servedBy(this)
					.assertConforms(built.method(),
							path + ((built.uri().getRawQuery() != null) ? "?" + built.uri().getRawQuery() : ""),
							response.status(), response.contentType(), response.body());
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
