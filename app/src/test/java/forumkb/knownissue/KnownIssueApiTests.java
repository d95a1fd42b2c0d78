package forumkb.knownissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/known-issues}: engineers create, edit, link and delete; everyone reads; bad
 * drafts are 400s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownIssueApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	HttpClientSupport engineer;

	long filterThread;

	long otherThread;

	@BeforeAll
	void demoThreads() {
		engineer = DemoCorpus.ingest(application, port);
		filterThread = DemoCorpus.threadId(application, "900112");
		otherThread = DemoCorpus.threadId(application, "900157");
	}

	String draft(String title, String status, String signature, long... threads) {
		StringBuilder ids = new StringBuilder();
		for (long id : threads) {
			ids.append(ids.isEmpty() ? "" : ",").append(id);
		}
		return """
				{"title": "%s", "symptom": "saveToPreferences never calls back", "rootCause": "", "workaround": "load first",
				 "status": "%s", "fixedIn": null, "platforms": ["macOS"], "versions": "15.0", "signature": [%s],
				 "threadIds": [%s]}"""
			.formatted(title, status, signature, ids);
	}

	@Test
	void anEngineerCreatesEditsLinksAndDeletesAKnownIssue() {
		Response created = engineer.postJson("/api/known-issues", draft("Filter save hangs", "open",
				"{\"kind\": \"api-type\", \"value\": \"NEFilterManager\"}, {\"kind\": \"phrase\", \"value\": \"never calls back\"}",
				filterThread));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode issue = created.json();
		long id = issue.get("id").asLong();
		assertThat(created.header("Location")).endsWith("/api/known-issues/" + id);
		assertThat(issue.get("signature").toString()).contains("NEFilterManager", "never calls back", "CURATED");
		assertThat(issue.get("threads").get(0).get("id").asLong()).isEqualTo(filterThread);

		Response updated = engineer.send("PUT", "/api/known-issues/" + id, "application/json",
				draft("Filter save hangs", "fixed", "{\"kind\": \"api-type\", \"value\": \"NEFilterManager\"}")
					.replace("\"fixedIn\": null", "\"fixedIn\": \"macOS 15.2\""));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("status").asString()).isEqualTo("FIXED");
		assertThat(updated.json().get("signature").toString()).doesNotContain("never calls back");

		Response linked = engineer.send("PUT", "/api/known-issues/" + id + "/threads/" + otherThread, null, null);
		assertThat(linked.json().get("threads")).hasSize(2);
		Response unlinked = engineer.send("DELETE", "/api/known-issues/" + id + "/threads/" + filterThread, null, null);
		assertThat(unlinked.json().get("threads")).hasSize(1);

		Response readByAnyone = new HttpClientSupport(port).get("/api/known-issues/" + id);
		assertThat(readByAnyone.status()).isEqualTo(200);
		assertThat(new HttpClientSupport(port).get("/api/known-issues").body()).contains("Filter save hangs");

		assertThat(engineer.send("DELETE", "/api/known-issues/" + id, null, null).status()).isEqualTo(204);
		assertThat(engineer.get("/api/known-issues/" + id).status()).isEqualTo(404);
		assertThat(jdbc.queryForList("select action from audit_event where subject = ?", String.class,
				"known-issue:" + id))
			.contains("known-issue.create", "known-issue.update", "known-issue.link", "known-issue.unlink",
					"known-issue.archive");
	}

	@Test
	void deletingArchivesAKnownIssueOutOfTheListAndTriageAndARestoreBringsItBack() {
		String text = "ZKArchiveProbe fails: Error Domain=ZKArchiveDomain Code=-4242 archive probe never answers";
		long id = engineer.postJson("/api/known-issues", draft("Archive probe never answers", "open",
				"{\"kind\": \"api-type\", \"value\": \"ZKArchiveProbe\"}, {\"kind\": \"phrase\", \"value\": \"archive probe never answers\"}",
				filterThread))
			.json()
			.get("id")
			.asLong();
		await().atMost(Duration.ofSeconds(20)).until(() -> suggestsKnownIssue(text, id));

		assertThat(engineer.send("DELETE", "/api/known-issues/" + id, null, null).status()).isEqualTo(204);
		assertThat(engineer.get("/api/known-issues/" + id).status()).isEqualTo(404);
		assertThat(engineer.get("/api/known-issues").body()).doesNotContain("Archive probe never answers");
		await().atMost(Duration.ofSeconds(20)).until(() -> !suggestsKnownIssue(text, id));
		assertThat(engineer.send("DELETE", "/api/known-issues/" + id, null, null).status()).as("already archived")
			.isEqualTo(404);

		Response restored = engineer.postJson("/api/known-issues/" + id + "/restore", "");
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(restored.json().get("signature").toString()).contains("ZKArchiveProbe");
		assertThat(restored.json().get("threads").get(0).get("id").asLong()).isEqualTo(filterThread);
		assertThat(engineer.get("/api/known-issues").body()).contains("Archive probe never answers");
		await().atMost(Duration.ofSeconds(20)).until(() -> suggestsKnownIssue(text, id));
		assertThat(engineer.postJson("/api/known-issues/" + id + "/restore", "").status()).as("not archived")
			.isEqualTo(404);
		assertThat(new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER))
			.postJson("/api/known-issues/" + id + "/restore", "")
			.status()).isEqualTo(403);
		assertThat(jdbc.queryForList("select action from audit_event where subject = ? order by id", String.class,
				"known-issue:" + id))
			.containsSubsequence("known-issue.archive", "known-issue.restore");
	}

	boolean suggestsKnownIssue(String text, long id) {
		Response triage = engineer.postJson("/api/triage",
				HttpClientSupport.JSON.writeValueAsString(Map.of("text", text)));
		for (JsonNode suggestion : triage.json().get("suggestions")) {
			if (suggestion.get("type").asString().equals("known-issue")
					&& suggestion.get("url").asString().equals("/known-issues/" + id)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void makingAKnownIssueFromAThreadPrefillsTitleSymptomSignatureAndLink() {
		Response draft = engineer.get("/api/known-issues/draft?fromThread=" + filterThread);
		assertThat(draft.status()).isEqualTo(200);
		JsonNode prefilled = draft.json();
		assertThat(prefilled.get("title").asString()).contains("NEFilterManager saveToPreferences");
		assertThat(prefilled.get("symptom").asString()).isNotBlank();
		assertThat(prefilled.get("signature").toString()).contains("NEFilterManager");
		assertThat(prefilled.get("threadIds").get(0).asLong()).isEqualTo(filterThread);
		Response created = engineer.postJson("/api/known-issues", draft.body());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@Test
	void developersAndAnonymousUsersCannotWrite() {
		HttpClientSupport developer = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER));
		assertThat(developer.postJson("/api/known-issues", draft("x", "open", "")).status()).isEqualTo(403);
		assertThat(new HttpClientSupport(port).postJson("/api/known-issues", draft("x", "open", "")).status())
			.isEqualTo(401);
	}

	@Test
	void badDraftsSayWhatIsWrong() {
		Response noTitle = engineer.postJson("/api/known-issues", draft(" ", "open", ""));
		assertThat(noTitle.status()).isEqualTo(400);
		assertThat(noTitle.json().get("message").asString()).contains("title");
		Response badKind = engineer.postJson("/api/known-issues",
				draft("t", "open", "{\"kind\": \"colour\", \"value\": \"red\"}"));
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.json().get("message").asString()).contains("colour");
		Response badStatus = engineer.postJson("/api/known-issues", draft("t", "solved", ""));
		assertThat(badStatus.json().get("message").asString()).contains("unknown status");
		Response missingThread = engineer.postJson("/api/known-issues", draft("t", "open", "", 987654321L));
		assertThat(missingThread.status()).isEqualTo(400);
		assertThat(missingThread.json().get("message").asString()).contains("987654321");
		assertThat(engineer.get("/api/known-issues/987654321").status()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from known_issue where title = 't'", Long.class)).isZero();
	}

	@Test
	void theWeeklyChartCountsLinkedThreadsAndReports() {
		long id = engineer.postJson("/api/known-issues", draft("Weekly", "open", "", filterThread))
			.json()
			.get("id")
			.asLong();
		jdbc.update("update thread set created_at = now() where id = ?", filterThread);
		jdbc.update(
				"insert into report (text, known_issue_id, resolution, status) values ('x', ?, 'CONFIRMED', 'TRIAGED')",
				id);
		JsonNode weeks = engineer.get("/api/known-issues/" + id + "/weekly").json();
		assertThat(weeks).hasSize(26);
		JsonNode thisWeek = weeks.get(25);
		assertThat(thisWeek.get("threads").asInt()).isEqualTo(1);
		assertThat(thisWeek.get("reports").asInt()).isEqualTo(1);
		// The page's chart writes each week's count over its bar.
		assertThat(engineer.get("/known-issues/" + id).body()).containsPattern("<text class=\"value\"[^>]*>2</text>")
			.contains("<line class=\"axis\"");
	}

	@Test
	void aThreadArrivingWithAKnownIssuesRareErrorIsRecordedAsItsMatch() {
		long id = engineer
			.postJson("/api/known-issues",
					draft("Notarized helper rejected", "fixed",
							"{\"kind\": \"error\", \"value\": \"NSOSStatusErrorDomain:-67050\"}, "
									+ "{\"kind\": \"phrase\", \"value\": \"code requirement failed\"}"))
			.json()
			.get("id")
			.asLong();
		engineer.upload("/api/ingest", "arrival.jsonl",
				"""
						{"source": "apple-developer-forums", "externalId": "996001", "title": "SMAppService helper will not launch",
						 "posts": [{"body": "launchd refuses it: Error Domain=NSOSStatusErrorDomain Code=-67050 code requirement failed"}]}"""
					.replace("\n", " "));
		long thread = jdbc.queryForObject("select id from thread where external_id = '996001'", Long.class);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject(
					"select count(*) from known_issue_match where known_issue_id = ? and thread_id = ?", Long.class, id,
					thread) == 1);
		assertThat(engineer.get("/api/known-issues/" + id + "/weekly").json().get(25).get("threads").asInt())
			.isPositive();
	}

}
