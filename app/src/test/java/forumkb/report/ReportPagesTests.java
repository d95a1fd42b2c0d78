package forumkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.Browser;
import forumkb.HttpClientSupport;
import forumkb.TestAccounts;
import forumkb.account.Account;
import forumkb.account.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reports as their pages show them, over HTTP with signed-in sessions: the title a
 * developer gave, what happened after each step, their own reports, and the engineers'
 * queue. Shares {@link ReportApiTests}' context.
 */
class ReportPagesTests extends WithDemoReports {

	/** A browser signed in as a new account with the role. */
	Browser signedIn(Role role) {
		return signedIn(TestAccounts.account(application, role));
	}

	Browser signedIn(Account account) {
		Browser browser = new Browser(port);
		HttpResponse<String> login = browser.postForm("/login", "username", account.getEmail(), "password",
				TestAccounts.PASSWORD);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	static List<String> titles(JsonNode reports) {
		List<String> titles = new ArrayList<>();
		reports.forEach(report -> titles.add(report.get("title").asString()));
		return titles;
	}

	static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	@Test
	void aReportIsTitledByItsDescriptionWhichThePageShowsOnce() {
		JsonNode described = submit(developer, TLS_REPORT,
				"Login fails against the legacy API. It started with the 2.3 update.");
		assertThat(described.get("title").asString()).isEqualTo("Login fails against the legacy API.");
		String page = developer.getPage("/reports/" + described.get("id").asLong()).body();
		assertThat(page)
			.contains("<h1>Report #" + described.get("id").asLong() + ": Login fails against the legacy API.</h1>");
		assertThat(occurrences(page, "It started with the 2.3 update.")).isEqualTo(1);

		JsonNode oneLine = submit(developer, TLS_REPORT, "Sign-in breaks on iOS 18");
		assertThat(oneLine.get("title").asString()).isEqualTo("Sign-in breaks on iOS 18");
		assertThat(occurrences(developer.getPage("/reports/" + oneLine.get("id").asLong()).body(),
				"Sign-in breaks on iOS 18"))
			.as("the title, not the description again")
			.isEqualTo(1);

		JsonNode undescribed = submit(developer, "  \nxpc_connection_cancel crashed\nmore", "");
		assertThat(undescribed.get("title").asString()).isEqualTo("xpc_connection_cancel crashed");
		String longDescription = "word ".repeat(40) + "ends";
		assertThat(Report.title(longDescription, "log")).hasSizeLessThanOrEqualTo(Report.TITLE_LENGTH)
			.endsWith("word…");
	}

	@Test
	void afterSubmittingAndAfterEachDecisionThePageSaysWhatHappened() {
		Browser developerPage = signedIn(Role.DEVELOPER);
		HttpResponse<String> submitted = developerPage.postFormFrom("/triage", "/reports/new", "text", TLS_REPORT,
				"description", "Flash test: sign-in fails");
		String location = submitted.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(developerPage.get("/reports/" + id).body())
			.contains("Report #" + id + " submitted — engineers will triage it.");
		assertThat(developerPage.get("/reports/" + id).body()).as("said once, not on every visit")
			.doesNotContain("submitted — engineers");

		Browser engineerPage = signedIn(Role.ENGINEER);
		long tlsIssue = jdbc.queryForObject("select id from known_issue where title like 'TLS server trust%'",
				Long.class);
		String tlsTitle = jdbc.queryForObject("select title from known_issue where id = ?", String.class, tlsIssue);
		engineerPage.postFormFrom("/reports/" + id, "/reports/" + id + "/decision", "action", "confirm", "knownIssueId",
				Long.toString(tlsIssue));
		assertThat(engineerPage.get("/reports/" + id).body())
			.contains("Report #" + id + " confirmed as known issue “" + tlsTitle + "”.");
		engineerPage.postFormFrom("/reports/" + id, "/reports/" + id + "/decision", "action", "close");
		assertThat(engineerPage.get("/reports/" + id).body()).contains("Report #" + id + " closed.");
	}

	@Test
	void developersListTheirOwnReportsWithStatusAndNobodyElses() {
		HttpClientSupport mine = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER));
		long open = submit(mine, TLS_REPORT, "My own open report").get("id").asLong();
		long closed = submit(mine, TLS_REPORT, "My own closed report").get("id").asLong();
		long others = submit(developer, TLS_REPORT, "Somebody else's report").get("id").asLong();
		assertThat(engineer.postJson("/api/reports/" + closed + "/decision", "{\"action\": \"close\"}").status())
			.isEqualTo(200);

		JsonNode listed = mine.get("/api/reports/mine").json();
		assertThat(titles(listed)).containsExactly("My own closed report", "My own open report");
		assertThat(listed.get(0).get("status").asString()).isEqualTo("CLOSED");
		assertThat(listed.get(1).get("status").asString()).isEqualTo("NEW");
		assertThat(listed.toString()).doesNotContain("\"id\":" + others);

		String page = mine.getPage("/reports/mine").body();
		assertThat(page).contains("<h1>My reports</h1>")
			.contains("href=\"/reports/" + open + "\">My own open report</a>")
			.contains("Report #" + closed + " closed.")
			.contains("Report #" + open + " is waiting for an engineer.")
			.doesNotContain("Somebody else")
			.contains("href=\"/reports/mine\" aria-current=\"page\">My reports</a>");
	}

	@Test
	void theQueueHasLabelledFiltersTextSearchSortingAndAges() {
		submit(developer, TLS_REPORT, "Queue zebra handshake fails");
		long newer = submit(developer, TLS_REPORT, "Queue okapi handshake fails").get("id").asLong();

		String page = engineer.getPage("/reports?q=zebra").body();
		assertThat(page).contains("<label>Search <input type=\"search\" name=\"q\" value=\"zebra\"")
			.contains("<label>Status")
			.contains("<label>Known issue")
			.contains("<label>Framework")
			.contains("<label>Age")
			.contains("<label>Sort by")
			.contains("Queue zebra handshake fails")
			.doesNotContain("Queue okapi handshake fails")
			.containsPattern("class=\"age\"[^>]*>\\d+ min</time>");
		assertThat(engineer.getPage("/reports?q=%23" + newer).body()).contains("Queue okapi handshake fails")
			.doesNotContain("Queue zebra");

		assertThat(titles(engineer.get("/api/reports?q=handshake+fails&sort=oldest").json()))
			.containsSubsequence("Queue zebra handshake fails", "Queue okapi handshake fails");
		assertThat(titles(engineer.get("/api/reports?q=handshake+fails").json()))
			.containsSubsequence("Queue okapi handshake fails", "Queue zebra handshake fails");
		engineer.postJson("/api/reports/" + newer + "/decision", "{\"action\": \"close\"}");
		assertThat(titles(engineer.get("/api/reports?q=Queue&sort=status").json()))
			.containsSubsequence("Queue zebra handshake fails", "Queue okapi handshake fails");
		assertThat(engineer.get("/api/reports?sort=loudest").status()).isEqualTo(400);
		assertThat(engineer.getPage("/reports?sort=loudest").body()).contains("unknown sort");
		assertThat(engineer.getPage("/reports?q=no+such+capybara").body())
			.contains("No reports match. <a href=\"/reports\">Show all reports</a>");
	}

	/**
	 * The assignees' emails come from the accounts, so the order is worked out from them:
	 * unassigned reports first, then by the assignee's email, newest first within each.
	 */
	@Test
	void sortedByAssigneeTheQueueListsUnassignedReportsFirstThenTheAssigneesByEmail() {
		List<Account> byEmail = Stream
			.of(TestAccounts.account(application, Role.ENGINEER), TestAccounts.account(application, Role.ENGINEER))
			.sorted(Comparator.comparing(Account::getEmail))
			.toList();
		submit(developer, TLS_REPORT, "Walrus sort for nobody");
		long forFirst = submit(developer, TLS_REPORT, "Walrus sort for the first").get("id").asLong();
		long forSecond = submit(developer, TLS_REPORT, "Walrus sort for the second").get("id").asLong();
		engineer.postJson("/api/reports/" + forSecond + "/assignee",
				"{\"assignee\": \"" + byEmail.get(1).getEmail() + "\"}");
		engineer.postJson("/api/reports/" + forFirst + "/assignee",
				"{\"assignee\": \"" + byEmail.get(0).getEmail() + "\"}");

		JsonNode queue = engineer.get("/api/reports?q=Walrus+sort&sort=assignee").json();
		assertThat(titles(queue)).containsExactly("Walrus sort for nobody", "Walrus sort for the first",
				"Walrus sort for the second");
		List<String> assignees = new ArrayList<>();
		queue.forEach(
				report -> assignees.add(report.get("assignee").isNull() ? null : report.get("assignee").asString()));
		assertThat(assignees).containsExactly(null, byEmail.get(0).getEmail(), byEmail.get(1).getEmail());
	}

	@Test
	void engineersAssignAReportAndCommentAndItsReporterReadsAndAnswers() {
		Account worker = TestAccounts.account(application, Role.ENGINEER);
		Account reporterAccount = TestAccounts.account(application, Role.DEVELOPER);
		Browser reporter = signedIn(reporterAccount);
		HttpResponse<String> submitted = reporter.postFormFrom("/triage", "/reports/new", "text", TLS_REPORT,
				"description", "Assign and comment test");
		String location = submitted.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		Browser lead = signedIn(Role.ENGINEER);
		lead.postFormFrom("/reports/" + id, "/reports/" + id + "/assignee", "assignee", worker.getEmail());
		assertThat(lead.get("/reports/" + id).body()).contains("Report #" + id + " assigned to " + worker.getEmail())
			.contains("assigned to " + worker.getEmail());
		assertThat(engineer.getPage("/reports?q=Assign+and+comment").body()).contains(worker.getEmail());
		lead.postFormFrom("/reports/" + id, "/reports/" + id + "/comments", "text",
				"Can you attach a sysdiagnose?\nThanks");
		assertThat(lead.get("/reports/" + id).body()).contains("Comment added to report #" + id)
			.contains("Can you attach a sysdiagnose?\nThanks");

		String reporterPage = reporter.get("/reports/" + id).body();
		assertThat(reporterPage).contains("Can you attach a sysdiagnose?").doesNotContain("name=\"assignee\"");
		reporter.postFormFrom("/reports/" + id, "/reports/" + id + "/comments", "text", "Attached, see below.");
		JsonNode comments = engineer.get("/api/reports/" + id).json().get("comments");
		assertThat(comments.findValuesAsString("text")).containsExactly("Can you attach a sysdiagnose?\nThanks",
				"Attached, see below.");
		assertThat(comments.get(1).get("author").asString()).isEqualTo(reporterAccount.getEmail());

		assertThat(developer.postJson("/api/reports/" + id + "/comments", "{\"text\": \"not mine\"}").status())
			.as("another developer's report")
			.isEqualTo(404);
		assertThat(developer.postJson("/api/reports/" + id + "/assignee", "{\"assignee\": null}").status())
			.isEqualTo(403);
		assertThat(engineer.postJson("/api/reports/" + id + "/comments", "{\"text\": \" \"}").status()).isEqualTo(400);
		assertThat(engineer
			.postJson("/api/reports/" + id + "/assignee", "{\"assignee\": \"" + reporterAccount.getEmail() + "\"}")
			.status()).as("developers are not assignees").isEqualTo(400);
		assertThat(engineer.postJson("/api/reports/" + id + "/assignee", "{\"assignee\": null}")
			.json()
			.get("assignee")
			.isNull()).isTrue();
		assertThat(jdbc.queryForList("select action from audit_event where subject = ?", String.class, "report:" + id))
			.contains("report.assign", "report.comment");
	}

}
