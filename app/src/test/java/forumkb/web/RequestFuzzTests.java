package forumkb.web;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.web.RawHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A thousand hostile requests across every route, API and page, anonymous and with a
 * developer's or an engineer's token: odd methods, ids, query strings, bodies, content
 * types and headers, with huge, NUL, unicode and percent-garbage values. Never a 5xx;
 * every API error has exactly the documented body and no error names a Java type; a
 * refused request changes no table. Seeded: the seed is in the failure message.
 * <p>
 * Timed per route, every request costs about the same (the server's own handling, not a
 * route's work), so their number is the test's time. What the fuzzing found (Tomcat's own
 * error page for an encoded NUL or slash and an over-long request line, unreadable
 * multipart forms, wildcard and malformed content types) are kinds of input, not routes:
 * each still comes up dozens of times in a thousand requests.
 */
@SharedApplication
class RequestFuzzTests {

	private static final long SEED = 20261207L;

	private static final int REQUESTS = 1_000;

	/**
	 * Every route; {id} and {id2} become hostile ids. Reindex is left out: it rebuilds
	 * the index for everyone.
	 */
	private static final List<String> ROUTES = List.of("GET /api/search", "GET /api/threads/{id}", "POST /api/triage",
			"GET /api/known-issues", "GET /api/known-issues/{id}", "GET /api/known-issues/{id}/weekly",
			"GET /api/known-issues/draft", "POST /api/known-issues", "PUT /api/known-issues/{id}",
			"DELETE /api/known-issues/{id}", "PUT /api/known-issues/{id}/threads/{id2}",
			"DELETE /api/known-issues/{id}/threads/{id2}", "POST /api/reports", "GET /api/reports",
			"GET /api/reports/{id}", "POST /api/reports/{id}/decision", "GET /api/account", "GET /api/account/tokens",
			"POST /api/account/tokens", "DELETE /api/account/tokens/{id}", "GET /api/admin/users",
			"PUT /api/admin/users/{id}/engineer", "DELETE /api/admin/users/{id}/engineer", "GET /api/admin/audit",
			"GET /api/admin/index", "GET /api/digest/preview", "POST /api/ingest", "GET /api/ingest/runs",
			"GET /api/ingest/runs/{id}", "GET /api/{id}", "GET /api", "GET /", "GET /search", "GET /threads/{id}",
			"GET /triage", "POST /triage/suggestions", "GET /known-issues", "GET /known-issues/{id}",
			"GET /known-issues/new", "POST /known-issues", "GET /known-issues/{id}/edit", "POST /known-issues/{id}",
			"POST /known-issues/{id}/links", "POST /known-issues/{id}/links/{id2}/delete",
			"POST /known-issues/{id}/delete", "POST /reports/new", "GET /reports", "GET /reports/{id}",
			"POST /reports/{id}/decision", "GET /login", "GET /signup", "POST /signup", "GET /account/tokens",
			"POST /account/tokens", "POST /account/tokens/{id}/revoke", "GET /admin/users",
			"POST /admin/users/{id}/engineer", "GET /admin/audit", "GET /account/digest", "POST /account/digest",
			"POST /account/digest/unsubscribe", "GET /account/digest/preview", "GET /digest/confirm",
			"POST /digest/confirm", "GET /digest/unsubscribe", "POST /digest/unsubscribe", "GET /admin/digest",
			"GET /ingest", "GET /ingest/runs/{id}", "GET /ingest/runs/{id}/report", "GET /{id}", "GET /actuator/health",
			"GET /v3/api-docs");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

	private static final List<String> IDS = List.of("987654321", "0x1", "+1", "1e3", "%201", "-1", "1.0", "%00",
			"99999999999999999999", "-9223372036854775809", "abc", "%ff", "%zz", "..%2f..", "1;x=y", "%E2%80%AE1",
			"9".repeat(400), "0", "%2e%2e", "");

	private static final List<String> PARAMETERS = List.of("q", "page", "sort", "week", "subscription", "status",
			"knownIssue", "framework", "age", "async", "format", "token", "text", "title", "name", "url", "id");

	private static final List<String> FIELDS = List.of("text", "title", "symptom", "rootCause", "workaround", "status",
			"url", "name", "action", "knownIssue", "thread", "tags", "platforms", "signature", "threadIds",
			"description", "platform", "osVersion", "appType", "week", "filters", "posts");

	private static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"'; drop table thread; --", "\u0000", "a\u0000b", "{{7*7}}", "${7*7}", "../../../../etc/passwd",
			"\uFEFF\uD800", "\u202Eevil", "😀".repeat(50), "NSURLErrorDomain -1200 ".repeat(257), "code:", "year:abc",
			"\"unterminated", "((((((((", "*?*?", "0x1", "-1", "1e309", "NaN", "", " ", "\n\r\t", "%00%ff",
			"a".repeat(70_000), "Error Domain=NSCocoaErrorDomain Code=4097 \"x\" UserInfo={",
			"tag:" + "t".repeat(3_000), "2026-W99", "9999-W01", "closed", "confirm", "new");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-json", "text/json",
			"application/problem+json", "application/vnd.foo+json", "application/json; charset=latin1",
			"application/json; charset=klingon", "text/plain", "application/x-www-form-urlencoded",
			"multipart/form-data", "multipart/form-data; boundary=x", "application/xml", ";;;", "*/*", "");

	private static final List<String> ACCEPTS = List.of("", "*/*", "application/json", "text/html", "image/png",
			"application/xml", "text/event-stream", "garbage;;q=x");

	private static final List<String> TABLES = List.of("thread", "post", "thread_tag", "known_issue",
			"known_issue_thread", "known_issue_signature", "report", "digest_subscription", "api_token", "app_user",
			"ingest_run", "ingest_error");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	private final Random random = new Random(SEED);

	@Test
	void hostileRequestsAnywhereAreRefusedCleanlyAndChangeNothing() {
		RawHttp raw = new RawHttp(port);
		List<String> tokens = new ArrayList<>();
		tokens.add(null);
		tokens.add(TestAccounts.token(application, Role.DEVELOPER));
		tokens.add(TestAccounts.token(application, Role.ENGINEER));
		List<String> problems = new ArrayList<>();
		Map<String, Object> counts = rowCounts();
		// Refused requests since the tables were last counted. Counting again only before
		// a request that may write, and at the end, still pins any change on them, with
		// fewer counts than after every refusal.
		List<String> uncounted = new ArrayList<>();
		for (int i = 0; i < REQUESTS && problems.size() < 20; i++) {
			String[] route = pick(ROUTES).split(" ");
			String method = random.nextInt(5) == 0 ? pick(METHODS) : route[0];
			String target = route[1].replace("{id}", pick(IDS)).replace("{id2}", pick(IDS)) + queryString();
			List<String> headers = new ArrayList<>();
			String token = pick(tokens);
			if (token != null) {
				headers.addAll(List.of("Authorization", "Bearer " + token));
			}
			else if (random.nextInt(10) == 0) {
				headers.addAll(List.of("Authorization", pick(List.of("Bearer ", "Bearer \u00ff", "Basic %%%", "x"))));
			}
			addIfChosen(headers, "Accept", pick(ACCEPTS));
			boolean mayWrite = !method.equals("GET") && !method.equals("HEAD");
			byte[] body = null;
			if (mayWrite || random.nextInt(10) == 0) {
				addIfChosen(headers, "Content-Type", pick(CONTENT_TYPES));
				body = body().getBytes(StandardCharsets.UTF_8);
			}
			if (random.nextInt(8) == 0) {
				headers.addAll(List.of(
						pick(List.of("Cookie", "X-Forwarded-For", "Range", "If-Modified-Since", "Accept-Language",
								"Origin")),
						pick(List.of("JSESSIONID=%00", "999.1.1.1, ::zz", "bytes=9-1", "yesterday", "*;q=2", "null",
								"😀"))));
			}
			String request = "#" + i + " " + method + " " + RawHttp.abbreviate(target) + " " + headers;
			if (mayWrite && !uncounted.isEmpty()) {
				counts = checkUnchanged(counts, uncounted, problems);
			}
			Answer answer = raw.send(method, target, body, body != null && random.nextInt(6) == 0,
					headers.toArray(String[]::new));
			String problem = problem(target, method, answer);
			if (problem != null) {
				problems.add(request + " → " + answer.status() + ": " + problem);
			}
			if (answer.status() >= 400) {
				uncounted.add(request + " → " + answer.status());
			}
			else if (mayWrite) {
				counts = rowCounts();
			}
		}
		checkUnchanged(counts, uncounted, problems);
		assertThat(problems).as("seed " + SEED + ", " + REQUESTS + " requests").isEmpty();
	}

	private static String problem(String target, String method, Answer answer) {
		if (answer.status() >= 500) {
			return RawHttp.abbreviate(answer.body());
		}
		if (answer.status() < 400 || method.equals("HEAD")) {
			return null;
		}
		if (target.equals("/api") || target.startsWith("/api/") || target.startsWith("/api?")) {
			return HostileRequestTests.problem(answer);
		}
		return answer.body().contains("Exception") || answer.body().contains("java.")
				? "names Java types: " + RawHttp.abbreviate(answer.body()) : null;
	}

	private String queryString() {
		int count = switch (random.nextInt(20)) {
			case 0 -> 1_001 + random.nextInt(50);
			case 1, 2, 3, 4, 5, 6 -> 0;
			default -> 1 + random.nextInt(4);
		};
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < count; i++) {
			String name = count > 100 ? "p" + i : pick(PARAMETERS);
			String value = switch (random.nextInt(6)) {
				case 0 -> pick(List.of("%zz", "%ff", "%", "%e2%82", "%00", "%ED%A0%80", "a%2", "%C0%AF"));
				case 1 -> pick(IDS);
				default -> URLEncoder.encode(pick(HOSTILE), StandardCharsets.UTF_8);
			};
			query.append(i == 0 ? "?" : "&").append(name).append('=').append(value);
		}
		return query.toString();
	}

	private String body() {
		return switch (random.nextInt(10)) {
			case 0 -> "{\"text\": ";
			case 1 -> "[".repeat(5_000);
			case 2 -> "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
			case 3 -> pick(PARAMETERS) + "=" + URLEncoder.encode(pick(HOSTILE), StandardCharsets.UTF_8) + "&_csrf=x";
			case 4 -> pick(HOSTILE);
			default -> jsonObject();
		};
	}

	private String jsonObject() {
		StringBuilder json = new StringBuilder("{");
		int fields = 1 + random.nextInt(4);
		for (int i = 0; i < fields; i++) {
			json.append(i == 0 ? "" : ", ").append('"').append(pick(FIELDS)).append("\": ").append(jsonValue(0));
		}
		return json.append('}').toString();
	}

	private String jsonValue(int depth) {
		return switch (depth > 2 ? random.nextInt(4) : random.nextInt(7)) {
			case 0 -> pick(List.of("null", "true", "-1", "0", "1e400", "9223372036854775808", "1.5", "-0"));
			case 1, 2, 3 -> quoted(pick(HOSTILE));
			case 4 -> "[" + jsonValue(depth + 1) + ", " + jsonValue(depth + 1) + "]";
			case 5 -> "{\"" + pick(FIELDS) + "\": " + jsonValue(depth + 1) + "}";
			default -> "[" + quoted("t").repeat(1).concat(", " + quoted("t")).repeat(1) + "]";
		};
	}

	private static String quoted(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	private void addIfChosen(List<String> headers, String name, String value) {
		if (!value.isEmpty()) {
			headers.addAll(List.of(name, value));
		}
	}

	/**
	 * Counts the tables and adds a problem, naming the refused requests since the last
	 * count, if any changed; clears those requests and returns the new counts.
	 */
	private Map<String, Object> checkUnchanged(Map<String, Object> before, List<String> refused,
			List<String> problems) {
		Map<String, Object> after = rowCounts();
		if (!after.equals(before)) {
			problems.add("refused, but the tables changed from " + before + " to " + after + " after: " + refused);
		}
		refused.clear();
		return after;
	}

	private Map<String, Object> rowCounts() {
		StringBuilder sql = new StringBuilder("select ");
		for (String table : TABLES) {
			sql.append(table.equals(TABLES.getFirst()) ? "" : ", ")
				.append("(select count(*) from ")
				.append(table)
				.append(") as ")
				.append(table);
		}
		return jdbc.queryForMap(sql.toString());
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
