package forumkb.knownissue;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The known-issue pages over HTTP as engineers, developers and anonymous readers use
 * them; shares {@link KnownIssueApiTests}' context. Engineers' clients send a bearer
 * token, which pages accept without a CSRF token.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownIssuePagesTests {

	static final String FORM = "application/x-www-form-urlencoded";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	HttpClientSupport engineer;

	HttpClientSupport developer;

	HttpClientSupport anonymous;

	long filterThread;

	@BeforeAll
	void demoThreads() throws Exception {
		engineer = DemoCorpus.ingest(application, port);
		developer = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER));
		anonymous = new HttpClientSupport(port);
		filterThread = DemoCorpus.threadId(application, "900112");
	}

	long knownIssue(String title, String signature) {
		Response created = engineer.postJson("/api/known-issues", """
				{"title": "%s", "symptom": "the filter never saves", "status": "open", "signature": [%s],
				 "threadIds": [%d]}""".formatted(title, signature, filterThread));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	@Test
	void deleteAsksFirstThenOffersUndoAndTheArchiveRestoresIt() {
		long id = knownIssue("Pages archive probe", "");
		String show = engineer.getPage("/known-issues/" + id).body();
		assertThat(show).contains("href=\"/known-issues/" + id + "/delete\">Delete this known issue…</a>")
			.as("no form deletes straight from the page")
			.doesNotContain("action=\"/known-issues/" + id + "/delete\"");

		Response confirm = engineer.getPage("/known-issues/" + id + "/delete");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("<h1>Delete this known issue?</h1>")
			.contains("Pages archive probe")
			.contains("method=\"post\" action=\"/known-issues/" + id + "/delete\"")
			.contains(">Cancel</a>");
		assertThat(developer.getPage("/known-issues/" + id + "/delete").status()).isEqualTo(403);

		Response deleted = engineer.send("POST", "/known-issues/" + id + "/delete", FORM, "");
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.header("Location")).endsWith("/known-issues?archived=" + id);
		String list = engineer.getPage("/known-issues?archived=" + id).body();
		assertThat(list).contains("Deleted “Pages archive probe”")
			.contains("action=\"/known-issues/" + id + "/restore\"")
			.contains(">Undo</button>")
			.doesNotContain("href=\"/known-issues/" + id + "\"");
		assertThat(anonymous.getPage("/known-issues?archived=" + id).body()).doesNotContain("Pages archive probe");
		assertThat(anonymous.getPage("/known-issues/" + id).status()).isEqualTo(404);
		assertThat(developer.getPage("/known-issues/" + id).status()).isEqualTo(404);

		Response archived = engineer.getPage("/known-issues/archived");
		assertThat(archived.body()).contains("<h1>Archived known issues</h1>")
			.contains("href=\"/known-issues/" + id + "\">Pages archive probe</a>")
			.contains("action=\"/known-issues/" + id + "/restore\"");
		assertThat(developer.getPage("/known-issues/archived").status()).isEqualTo(403);
		assertThat(engineer.getPage("/known-issues/" + id).body()).contains("Archived ")
			.contains(">Restore</button>")
			.doesNotContain("Delete this known issue");

		Response restored = engineer.send("POST", "/known-issues/" + id + "/restore", FORM, "");
		assertThat(restored.header("Location")).endsWith("/known-issues/" + id);
		assertThat(anonymous.getPage("/known-issues").body())
			.contains("href=\"/known-issues/" + id + "\">Pages archive probe</a>");
		assertThat(anonymous.getPage("/known-issues/" + id).status()).isEqualTo(200);
		assertThat(engineer.getPage("/known-issues/archived").body()).doesNotContain("Pages archive probe");
	}

	@Test
	void markupInASymptomCauseOrFixIsShownAsTextAndScriptLinksAreDropped() {
		Response created = engineer.postJson("/api/known-issues", """
				{"title": "Pages hostile markdown probe", "status": "open",
				 "symptom": "<script>alert('symptom')</script> see [docs](javascript:alert(1))",
				 "rootCause": "<img src=x onerror=alert('cause')>",
				 "workaround": "<iframe src='https://evil.example/'></iframe>",
				 "signature": [{"kind": "api-type", "value": "QuxHostileManager"}]}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String page = anonymous.getPage("/known-issues/" + created.json().get("id").asLong()).body();
		assertThat(page).contains("&lt;script&gt;alert", "&lt;img src=x onerror", "&lt;iframe src=")
			.doesNotContain("<script>alert", "<img src=x", "<iframe", "href=\"javascript:");
	}

	@Test
	void anIssueNothingMatchedSaysSoInsteadOfAnEmptyChart() {
		long id = knownIssue("Pages quiet issue probe", "{\"kind\": \"api-type\", \"value\": \"QuxNeverSeenManager\"}");
		String page = anonymous.getPage("/known-issues/" + id).body();
		String weekly = page.substring(page.indexOf("Matches per week"), page.indexOf("Linked threads"));
		assertThat(weekly).contains("(0 in the last 26 weeks)")
			.contains("No thread or report has matched this issue in the last 26 weeks.")
			.doesNotContain("<svg");
	}

	@Test
	void aTermBothCuratedAndLearnedIsShownOnceWithItsOrigin() {
		long id = knownIssue("Pages learned terms probe", "{\"kind\": \"api-type\", \"value\": \"NEFilterManager\"}");
		KnownIssueService service = application.getBean(KnownIssueService.class);
		for (int i = 0; i < 2; i++) {
			service.strengthen(id, "NEFilterManager saveToPreferences fails with NEFilterErrorDomain Code=5", "test");
		}
		assertThat(jdbc.queryForObject("""
				select count(*) from known_issue_signature where known_issue_id = ? and value = 'NEFilterManager'""",
				Long.class, id))
			.as("curated and learned rows")
			.isEqualTo(2);

		String page = engineer.getPage("/known-issues/" + id).body();
		assertThat(chips(page, "NEFilterManager")).isEqualTo(1);
		assertThat(page)
			.contains("<span>NEFilterManager</span> <small>curated, also learned from 2 confirmed reports</small>")
			.containsPattern("<small>learned from 2 confirmed reports</small>");
		assertThat(page).as("the symptom is prose in the forum's Markdown, not a monospace block")
			.contains("<div class=\"body markdown\"><p>the filter never saves</p>")
			.doesNotContain("<pre class=\"body\">");
		String developers = developer.getPage("/known-issues/" + id).body();
		assertThat(chips(developers, "NEFilterManager")).isEqualTo(1);
		assertThat(developers).contains("<span>NEFilterManager</span> <small>curated</small>")
			.doesNotContain("learned from");
	}

	@Test
	void anEngineerLinksAThreadFoundBySearchingFromTheKnownIssue() {
		long id = knownIssue("Pages link search probe", "");
		long otherThread = jdbc.queryForObject("select id from thread where external_id = '900157'", Long.class);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> engineer.getPage("/known-issues/" + id + "?find=saveToPreferences+hangs")
				.body()
				.contains("href=\"/threads/" + otherThread + "\""));

		String found = engineer.getPage("/known-issues/" + id + "?find=saveToPreferences+hangs").body();
		assertThat(found).contains("<label for=\"link-find\">Find a thread to link</label>")
			.contains("value=\"saveToPreferences hangs\"")
			.contains("<input type=\"hidden\" name=\"threadId\" value=\"" + otherThread + "\">")
			.doesNotContain("placeholder=\"thread id\"");
		assertThat(linkForms(found, id)).as("the thread already linked offers no Link").doesNotContain(filterThread);

		Response linked = engineer.send("POST", "/known-issues/" + id + "/links", FORM, "threadId=" + otherThread);
		assertThat(linked.status()).isEqualTo(302);
		assertThat(
				jdbc.queryForList("select thread_id from known_issue_thread where known_issue_id = ?", Long.class, id))
			.containsExactlyInAnyOrder(filterThread, otherThread);
		assertThat(linkForms(engineer.getPage("/known-issues/" + id + "?find=saveToPreferences+hangs").body(), id))
			.doesNotContain(otherThread);

		assertThat(engineer.getPage("/known-issues/" + id + "?find=%22unbalanced").status())
			.as("a query search cannot read is no 500")
			.isLessThan(500);
		assertThat(developer.getPage("/known-issues/" + id + "?find=saveToPreferences+hangs").body())
			.doesNotContain("name=\"threadId\"")
			.doesNotContain("Find a thread to link");
	}

	/** The thread ids the page offers to link. */
	static List<Long> linkForms(String page, long knownIssue) {
		return Pattern
			.compile("action=\"/known-issues/" + knownIssue
					+ "/links\">(?:(?!</form>).)*name=\"threadId\" value=\"(\\d+)\"", Pattern.DOTALL)
			.matcher(page)
			.results()
			.map(match -> Long.parseLong(match.group(1)))
			.toList();
	}

	@Test
	void confirmedReportsAreListedOnTheKnownIssueForEngineersOnly() {
		long id = knownIssue("Pages reports probe", "");
		long confirmed = jdbc.queryForObject("""
				insert into report (text, description, known_issue_id, resolution, status, triaged_by, triaged_at)
				values ('NEFilterManager private log line', 'Private filter report from my app', ?, 'CONFIRMED',
				        'TRIAGED', 'engineer@test.example', now()) returning id""", Long.class, id);
		jdbc.update(
				"""
						insert into report (text, description, status) values ('untriaged', 'Pages untriaged report', 'NEW')""");

		String page = engineer.getPage("/known-issues/" + id).body();
		assertThat(page).contains("<h2>Confirmed reports (1)</h2>")
			.contains("href=\"/reports/" + confirmed + "\">Private filter report from my app</a>")
			.contains("by engineer@test.example")
			.doesNotContain("Pages untriaged report");
		for (HttpClientSupport reader : new HttpClientSupport[] { developer, anonymous }) {
			String shown = reader.getPage("/known-issues/" + id).body();
			assertThat(shown).contains("Pages reports probe")
				.doesNotContain("Private filter report")
				.doesNotContain("/reports/" + confirmed)
				.doesNotContain("Confirmed reports");
		}
	}

	static long chips(String page, String value) {
		return page.split("<span>" + value + "</span>", -1).length - 1;
	}

}
