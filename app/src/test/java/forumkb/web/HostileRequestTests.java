package forumkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.TestAccounts;
import forumkb.account.Account;
import forumkb.account.AccountService;
import forumkb.account.Role;
import forumkb.web.RawHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Each input that once answered 500 (or was acted on when it should not have been) gets a
 * clear 4xx with the documented body, or simply works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String REPEATED = "NSURLErrorDomain -1200 ".repeat(257);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	RawHttp raw;

	String engineer;

	@BeforeEach
	void clients() {
		raw = new RawHttp(port);
		engineer = "Bearer " + TestAccounts.token(application, Role.ENGINEER);
	}

	@Test
	void aQueryRepeatingItsWordsPastLucenesClauseLimitStillSearchesAndTriages() {
		String q = encode(REPEATED);
		assertThat(raw.get("/api/search?q=" + q).status()).isEqualTo(200);
		assertThat(raw.get("/search?q=" + q).status()).isEqualTo(200);
		Answer triage = raw.send("POST", "/api/triage", json("{\"text\": \"" + REPEATED + "\"}"), false, "Content-Type",
				"application/json");
		assertThat(triage.status()).isEqualTo(200);

		Answer form = raw.get("/triage");
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).isTrue();
		Answer page = raw.send("POST", "/triage/suggestions",
				("_csrf=" + encode(csrf.group(1)) + "&text=" + q).getBytes(StandardCharsets.US_ASCII), false,
				"Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie(form));
		assertThat(page.status()).isEqualTo(200);
	}

	@Test
	void badPercentEncodingIsABadRequest() {
		for (String q : new String[] { "%ff", "%zz", "abc%", "%e2%82" }) {
			assertDocumentedError(raw.get("/api/search?q=" + q), 400, "percent-encoded");
			Answer page = raw.get("/search?q=" + q);
			assertThat(page.status()).as(q).isEqualTo(400);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).contains("percent-encoded").doesNotContain("Exception");
		}
	}

	@Test
	void moreThanAThousandParametersIsABadRequest() {
		StringBuilder query = new StringBuilder("q=x");
		for (int i = 0; i < 1_001; i++) {
			query.append("&p").append(i).append("=1");
		}
		assertDocumentedError(raw.get("/api/search?" + query), 400, "too many");
		assertThat(raw.get("/search?" + query).status()).isEqualTo(400);
	}

	@Test
	void aNulCharacterInAReportAKnownIssueOrAFilterIsRefusedAndStoresNothing() {
		long reports = count("report");
		long issues = count("known_issue");
		assertDocumentedError(post("/api/reports", "{\"text\": \"EXC_BAD_ACCESS\\u0000 in main\"}"), 400, "NUL");
		assertDocumentedError(post("/api/known-issues", "{\"title\": \"Crash\\u0000\", \"symptom\": \"s\"}"), 400,
				"NUL");
		assertDocumentedError(raw.get("/api/reports?framework=%00", "Authorization", engineer), 400, "NUL");
		assertThat(raw.get("/search?q=code%3A%00").status()).isEqualTo(400);
		assertThat(count("report")).isEqualTo(reports);
		assertThat(count("known_issue")).isEqualTo(issues);
	}

	@Test
	void anIngestedLineWithANulFailsAloneAndTheRunEnds() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String lines = line(run + "-good", "Good thread", "[\"Swift\"]") + "\n"
				+ line(run + "-nul", "Bad \\u0000 thread", "[\"Swift\"]") + "\n"
				+ line(run + "-tag", "Nul in a tag", "[\"Sw\\u0000ift\"]") + "\n";
		JsonNode body = HttpClientSupport.JSON.readTree(upload(lines).body());
		assertThat(body.get("status").asString()).isEqualTo("completed");
		assertThat(body.get("created").asInt()).isEqualTo(1);
		assertThat(body.get("failed").asInt()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from thread where external_id like ?", Long.class, run + "%"))
			.isEqualTo(1);
	}

	@Test
	void aThreadWithTooManyOrTooLongTagsFailsAlone() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String fifty = tags(50, 10);
		String lines = line(run + "-50", "Fifty tags", fifty) + "\n" + line(run + "-51", "Many tags", tags(51, 10))
				+ "\n" + line(run + "-long", "Long tag", tags(1, 101)) + "\n";
		JsonNode body = HttpClientSupport.JSON.readTree(upload(lines).body());
		assertThat(body.get("created").asInt()).isEqualTo(1);
		assertThat(body.get("failed").asInt()).isEqualTo(2);
		assertThat(body.toString()).contains("more than 50 tags").contains("a tag is longer than 100 characters");
	}

	@Test
	void theDigestPreviewOfSomeoneWithoutASubscriptionForAnEmptyWeekIsShown() {
		Account developer = TestAccounts.account(application, Role.DEVELOPER);
		String token = application.getBean(AccountService.class).createToken("t", developer, "t").secret();
		Answer preview = raw.get("/api/digest/preview?week=2001-W02", "Authorization", "Bearer " + token);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(HttpClientSupport.JSON.readTree(preview.body()).get("empty").asBoolean()).isTrue();

		Answer login = raw.get("/login");
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();
		Answer signedIn = raw.send("POST", "/login",
				("_csrf=" + encode(csrf.group(1)) + "&username=" + encode(developer.getEmail()) + "&password="
						+ encode(TestAccounts.PASSWORD))
					.getBytes(StandardCharsets.US_ASCII),
				false, "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie(login));
		assertThat(signedIn.header("Location")).doesNotContain("error");
		Answer page = raw.get("/account/digest/preview?week=2001-W02", "Cookie", cookie(signedIn));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("you have no subscription");
	}

	private static String cookie(Answer answer) {
		return answer.header("Set-Cookie").split(";")[0];
	}

	@Test
	void idsArePlainDecimalAndANearMissNeverActsOnAnotherId() {
		Answer created = post("/api/known-issues", "{\"title\": \"Hex id target\", \"symptom\": \"it crashes\"}");
		assertThat(created.status()).isEqualTo(201);
		long id = HttpClientSupport.JSON.readTree(created.body()).get("id").asLong();
		for (String near : new String[] { "0x" + Long.toHexString(id), "+" + id, "%20" + id, id + "e0", "%23" + id,
				"99999999999999999999", "0" + id + ".0" }) {
			assertDocumentedError(
					raw.send("DELETE", "/api/known-issues/" + near, null, false, "Authorization", engineer), 400,
					"plain decimal");
			assertThat(raw.get("/api/threads/" + near).status()).as(near).isEqualTo(400);
		}
		assertThat(raw.get("/api/known-issues/" + id).status()).isEqualTo(200);
	}

	@Test
	void everyJsonTypeAndEveryApiBodyIsCapped() {
		long issues = count("known_issue");
		byte[] big = json("{\"title\": \"" + "a".repeat(1_100_000) + "\", \"symptom\": \"s\"}");
		for (String type : new String[] { "application/json", "application/x-json", "application/problem+json",
				"text/json", "application/vnd.foo+json", "application/json; charset=klingon", "text/plain" }) {
			for (boolean chunked : new boolean[] { false, true }) {
				Answer answer = raw.send("POST", "/api/known-issues", big, chunked, "Content-Type", type,
						"Authorization", engineer);
				// Sent chunked, a body Spring does not read as JSON is refused by its
				// type, unread;
				// so is one whose charset does not exist.
				assertThat(problem(answer)).isNull();
				assertThat(answer.status()).as(type)
					.isIn(type.contains("klingon") ? new Integer[] { 415 }
							: chunked ? new Integer[] { 413, 415 } : new Integer[] { 413 });
			}
		}
		assertThat(count("known_issue")).isEqualTo(issues);
	}

	@Test
	void apiErrorsFromEveryLayerHaveTheDocumentedShape() {
		assertDocumentedError(raw.get("/api/no-such-thing", "Authorization", engineer), 404, "");
		assertDocumentedError(raw.send("PATCH", "/api/search?q=x", null, false), 405, "");
		assertDocumentedError(raw.get("/api/search?q=x", "Accept", "image/png"), 406, "");
		assertDocumentedError(raw.send("POST", "/api/triage", json("{}"), false, "Content-Type", "text/plain"), 415,
				"");
		assertDocumentedError(raw.get("/api/search?q=x&page=abc"), 400, "plain decimal");
		assertDocumentedError(
				raw.send("POST", "/api/triage", json("{\"text\": "), false, "Content-Type", "application/json"), 400,
				"");
		assertDocumentedError(raw.get("/api/threads/1", "Authorization", "Bearer nope"), 401, "");
		Answer page = raw.get("/threads/0x1");
		assertThat(page.status()).as("thread pages have decimal ids only").isEqualTo(404);
		assertThat(page.header("Content-Type")).startsWith("text/html");
	}

	/** The documented body: exactly status, error and message, and no Java in it. */
	static String problem(Answer answer) {
		String type = answer.header("Content-Type");
		if (type == null || !type.startsWith("application/json")) {
			return "not JSON (" + type + "): " + RawHttp.abbreviate(answer.body());
		}
		JsonNode body;
		try {
			body = HttpClientSupport.JSON.readTree(answer.body());
		}
		catch (RuntimeException e) {
			return "unreadable JSON: " + RawHttp.abbreviate(answer.body());
		}
		if (!body.isObject() || body.size() != 3 || !body.path("status").isInt() || !body.path("error").isString()
				|| !body.path("message").isString() || body.get("status").asInt() != answer.status()) {
			return "not the documented shape: " + RawHttp.abbreviate(answer.body());
		}
		if (answer.body().contains("Exception") || answer.body().contains("java.")) {
			return "names Java types: " + RawHttp.abbreviate(answer.body());
		}
		return null;
	}

	private static void assertDocumentedError(Answer answer, int status, String messagePart) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(problem(answer)).isNull();
		assertThat(answer.body()).contains(messagePart);
	}

	private Answer post(String path, String body) {
		return raw.send("POST", path, json(body), false, "Content-Type", "application/json", "Authorization", engineer);
	}

	private Answer upload(String jsonLines) {
		String boundary = "b" + UUID.randomUUID();
		byte[] body = json("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"t.jsonl\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + jsonLines + "\r\n--" + boundary + "--\r\n");
		return raw.send("POST", "/api/ingest", body, false, "Content-Type", "multipart/form-data; boundary=" + boundary,
				"Authorization", engineer);
	}

	private static String line(String id, String title, String tags) {
		return ("{\"source\": \"apple-developer-forums\", \"externalId\": \"%s\", \"title\": \"%s\", \"tags\": %s,"
				+ " \"posts\": [{\"author\": \"dev\", \"body\": \"It crashes with EXC_BAD_ACCESS\", \"role\": \"question\"}]}")
			.formatted(id, title, tags);
	}

	private static String tags(int count, int length) {
		StringBuilder tags = new StringBuilder("[");
		for (int i = 0; i < count; i++) {
			String tag = ("t" + i + "-" + "x".repeat(length)).substring(0, length);
			tags.append(i == 0 ? "" : ", ").append('"').append(tag).append('"');
		}
		return tags.append(']').toString();
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
