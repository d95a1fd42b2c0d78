package forumkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.Browser;
import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reports over HTTP: developers submit (suggestions stored with the report) and see only
 * their own; engineers work the queue, and a confirmation teaches the known issue.
 */
class ReportApiTests extends WithDemoReports {

	long tlsIssue;

	long xpcIssue;

	@BeforeAll
	void demoIssues() {
		tlsIssue = jdbc.queryForObject("select id from known_issue where title like 'TLS server trust%'", Long.class);
		xpcIssue = jdbc.queryForObject("select id from known_issue where title like 'NSXPCConnection%'", Long.class);
	}

	JsonNode decide(long report, String json) {
		Response response = engineer.postJson("/api/reports/" + report + "/decision", json);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void aSubmittedReportKeepsItsSuggestionsAndOnlyItsAuthorAndEngineersSeeIt() {
		JsonNode report = submit(developer, TLS_REPORT, "Login fails against the legacy API");
		assertThat(report.get("status").asString()).isEqualTo("NEW");
		assertThat(report.get("platform").asString()).isEqualTo("iOS");
		JsonNode first = report.get("suggestions").get(0);
		assertThat(first.get("type").asString()).isEqualTo("known-issue");
		assertThat(first.get("targetId").asLong()).isEqualTo(tlsIssue);
		assertThat(first.get("why").asString()).contains("NSURLErrorDomain:-1200").contains("linked threads");
		long id = report.get("id").asLong();
		assertThat(developer.get("/api/reports/" + id).status()).isEqualTo(200);
		assertThat(engineer.get("/api/reports/" + id).status()).isEqualTo(200);
		assertThat(engineer.getPage("/reports/" + id).body()).contains("Confirm this known issue")
			.contains("/known-issues/" + tlsIssue);
		HttpClientSupport stranger = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER));
		assertThat(stranger.get("/api/reports/" + id).status()).isEqualTo(404);
		assertThat(developer.get("/api/reports").status()).isEqualTo(403);
		assertThat(new HttpClientSupport(port).postJson("/api/reports", "{\"text\": \"x\"}").status()).isEqualTo(401);
	}

	@Test
	void confirmingASuggestionTriagesTheReportAndStrengthensTheKnownIssue() {
		long id = submit(developer, TLS_REPORT + "\nSecTrustEvaluateWithError returned errSecCertificateExpired", "")
			.get("id")
			.asLong();
		JsonNode decided = decide(id, "{\"action\": \"confirm\", \"knownIssueId\": " + tlsIssue + "}");
		assertThat(decided.get("status").asString()).isEqualTo("TRIAGED");
		assertThat(decided.get("resolution").asString()).isEqualTo("CONFIRMED");
		assertThat(decided.get("knownIssueId").asLong()).isEqualTo(tlsIssue);
		JsonNode issue = engineer.get("/api/known-issues/" + tlsIssue).json();
		assertThat(issue.get("signature").toString()).contains("FEEDBACK");
		assertThat(decide(id, "{\"action\": \"close\"}").get("status").asString()).isEqualTo("CLOSED");
		assertThat(jdbc.queryForList("select action from audit_event where subject = ?", String.class, "report:" + id))
			.contains("report.submit", "report.confirm", "report.close");
		assertThat(engineer.get("/api/known-issues/" + tlsIssue + "/weekly").json().get(25).get("reports").asInt())
			.isPositive();
	}

	@Test
	void aConfirmedReportsTextRanksItsKnownIssueButShowsOnlyToEngineers() {
		String privateLine = "Quillfeather ledger handshake rejected by the marzipan relay at orchard-basil-7731";
		long issue = engineer
			.postJson("/api/known-issues",
					"{\"title\": \"Ledger sync stalls after sign-in\", "
							+ "\"symptom\": \"The ledger never finishes syncing.\"}")
			.json()
			.get("id")
			.asLong();
		long report = submit(developer, privateLine, "").get("id").asLong();
		decide(report, "{\"action\": \"other-known-issue\", \"knownIssueId\": " + issue + "}");
		String query = HttpClientSupport.JSON.writeValueAsString(Map.of("text", privateLine));

		HttpClientSupport otherDeveloper = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER));
		for (HttpClientSupport reader : new HttpClientSupport[] { new HttpClientSupport(port), otherDeveloper }) {
			Response triaged = reader.postJson("/api/triage", query);
			assertThat(triaged.status()).isEqualTo(200);
			JsonNode first = triaged.json().get("suggestions").get(0);
			assertThat(first.get("id").asLong()).as("the report's text still ranks its known issue").isEqualTo(issue);
			assertThat(triaged.body()).doesNotContain("marzipan").doesNotContain("orchard-basil");
			assertThat(reader.get("/api/known-issues/" + issue).body()).doesNotContain("FEEDBACK");
		}
		Browser anonymous = new Browser(port);
		HttpResponse<String> fragment = anonymous.postFormFrom("/triage", "/triage/suggestions", "text", privateLine);
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("Ledger sync stalls")
			.doesNotContain("marzipan")
			.doesNotContain("orchard-basil");

		JsonNode forEngineer = engineer.postJson("/api/triage", query).json().get("suggestions").get(0);
		assertThat(forEngineer.get("id").asLong()).isEqualTo(issue);
		assertThat(forEngineer.get("snippet").asString()).contains("marzipan");
	}

	@Test
	void engineersPickAnotherKnownIssueMarkADuplicateOrMakeANewKnownIssue() {
		long other = submit(developer, "xpc reply never arrives", "").get("id").asLong();
		assertThat(decide(other, "{\"action\": \"other-known-issue\", \"knownIssueId\": " + xpcIssue + "}")
			.get("resolution")
			.asString()).isEqualTo("OTHER_KNOWN_ISSUE");
		long thread = jdbc.queryForObject("select id from thread where external_id = '900456'", Long.class);
		long duplicate = submit(developer, TLS_REPORT, "").get("id").asLong();
		JsonNode marked = decide(duplicate, "{\"action\": \"duplicate-thread\", \"threadId\": " + thread + "}");
		assertThat(marked.get("duplicateThreadId").asLong()).isEqualTo(thread);
		long fresh = submit(developer, "CKErrorDomain Code=2 partialFailure with zoneNotFound on first sync", "")
			.get("id")
			.asLong();
		JsonNode created = decide(fresh,
				"{\"action\": \"new-known-issue\", \"title\": \"CloudKit zone missing on first sync\"}");
		assertThat(created.get("resolution").asString()).isEqualTo("NEW_KNOWN_ISSUE");
		assertThat(engineer.get("/api/known-issues/" + created.get("knownIssueId").asLong())
			.json()
			.get("title")
			.asString()).isEqualTo("CloudKit zone missing on first sync");
	}

	@Test
	void theQueueFiltersByStatusKnownIssueFrameworkAndAge() {
		long id = submit(developer, "NWConnection to our relay fails with POSIXErrorCode 50 in the Network framework; "
				+ "NEPacketTunnelProvider startTunnel", "")
			.get("id")
			.asLong();
		assertThat(engineer.get("/api/reports?status=new").body()).contains("\"id\":" + id);
		assertThat(engineer.get("/api/reports?status=closed").body()).doesNotContain("\"id\":" + id);
		String framework = engineer.get("/api/reports/" + id).json().get("frameworks").get(0).asString();
		assertThat(engineer.get("/api/reports?framework=" + framework).body()).contains("\"id\":" + id);
		assertThat(engineer.get("/api/reports?age=day").body()).contains("\"id\":" + id);
		assertThat(engineer.get("/api/reports?age=older").body()).doesNotContain("\"id\":" + id);
		decide(id, "{\"action\": \"other-known-issue\", \"knownIssueId\": " + xpcIssue + "}");
		assertThat(engineer.get("/api/reports?knownIssue=" + xpcIssue).body()).contains("\"id\":" + id);
		assertThat(engineer.get("/api/reports?status=weird").status()).isEqualTo(400);
	}

	@Test
	void badReportsAndDecisionsAreClearErrors() {
		Response empty = developer.postJson("/api/reports", "{\"text\": \"\"}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("message").asString()).contains("pasted");
		long id = submit(developer, TLS_REPORT, "").get("id").asLong();
		Response unknown = engineer.postJson("/api/reports/" + id + "/decision", "{\"action\": \"shrug\"}");
		assertThat(unknown.status()).isEqualTo(400);
		Response notSuggested = engineer.postJson("/api/reports/" + id + "/decision",
				"{\"action\": \"confirm\", \"knownIssueId\": 987654}");
		assertThat(notSuggested.status()).isEqualTo(400);
		Response byDeveloper = developer.postJson("/api/reports/" + id + "/decision", "{\"action\": \"close\"}");
		assertThat(byDeveloper.status()).isEqualTo(403);
		assertThat(engineer.get("/api/reports/" + id).json().get("status").asString()).isEqualTo("NEW");
	}

}
