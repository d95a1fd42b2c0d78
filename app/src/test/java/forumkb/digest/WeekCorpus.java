package forumkb.digest;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A week of forum activity to digest: four new threads (XPC, Network Extension, two about
 * TLS -1200, one of them unanswered with many views), one TLS thread the week before, a
 * known issue marked fixed that triage matched to the XPC thread (a regression), an open
 * one with a report filed against it, and a report for which triage suggested the fixed
 * one, and an archived known issue that triage matched to the XPC thread before it was
 * archived.
 */
final class WeekCorpus {

	final IsoWeek week;

	final Map<String, Long> threads;

	final long fixedIssue;

	final long openIssue;

	final long archivedIssue;

	final long tlsReport;

	final long xpcReport;

	WeekCorpus(HttpClientSupport engineer, JdbcTemplate jdbc, IsoWeek week) {
		this.week = week;
		String run = UUID.randomUUID().toString().substring(0, 8);
		String lines = String.join("\n", thread(run, "xpc", "XPC connection interrupted right after resume", "XPC",
				day(1), 5, 300,
				"NSXPCConnectionInterrupted after xpc_connection_resume: Error Domain=NSCocoaErrorDomain Code=4097",
				true),
				thread(run, "filter", "NEFilterManager saveToPreferences fails", "Network Extension", day(2), 2, 50,
						"NEFilterManager saveToPreferencesWithCompletionHandler: fails with NEFilterErrorDomain Code=1",
						true),
				thread(run, "tls-unanswered", "TLS trust evaluation fails for the pinned host", "Security", day(3), 0,
						800, "SecTrustEvaluateWithError returns false, then Error Domain=NSURLErrorDomain Code=-1200",
						false),
				thread(run, "tls-answered", "Secure connection failed after the certificate renewal", "Security",
						day(4), 1, 20,
						"URLSession fails: Error Domain=NSURLErrorDomain Code=-1200 after SecTrustEvaluateWithError",
						true),
				thread(run, "tls-last-week", "An SSL error has occurred", "Security", day(-3), 1, 90,
						"Error Domain=NSURLErrorDomain Code=-1200 on iOS 18", true));
		assertThat(engineer.upload("/api/ingest", "week.jsonl", lines).json().get("created").asInt()).isEqualTo(5);
		threads = Map.of("xpc", id(jdbc, run, "xpc"), "filter", id(jdbc, run, "filter"), "tls-unanswered",
				id(jdbc, run, "tls-unanswered"), "tls-answered", id(jdbc, run, "tls-answered"), "tls-last-week",
				id(jdbc, run, "tls-last-week"));

		fixedIssue = jdbc.queryForObject(
				"insert into known_issue (title, status, fixed_in, created_by) values "
						+ "('XPC connection interrupted on resume', 'FIXED', 'iOS 18.2', 'test') returning id",
				Long.class);
		openIssue = jdbc.queryForObject("insert into known_issue (title, status, created_by) values "
				+ "('Pinned TLS hosts fail with -1200', 'OPEN', 'test') returning id", Long.class);
		jdbc.update("insert into known_issue_match (known_issue_id, thread_id, score, confidence, matched_at) "
				+ "values (?, ?, 0.9, 'HIGH', ?)", fixedIssue, threads.get("xpc"), at(1));
		archivedIssue = jdbc.queryForObject(
				"insert into known_issue (title, status, created_by, archived_at, "
						+ "archived_by) values ('Archived XPC duplicate', 'OPEN', 'test', now(), 'test') returning id",
				Long.class);
		jdbc.update("insert into known_issue_match (known_issue_id, thread_id, score, confidence, matched_at) "
				+ "values (?, ?, 0.9, 'HIGH', ?)", archivedIssue, threads.get("xpc"), at(1));
		tlsReport = jdbc.queryForObject("insert into report (text, status, known_issue_id, frameworks, submitted_at) "
				+ "values ('TLS -1200 against our pinned host since Monday', 'TRIAGED', ?, '{Security}', ?) returning id",
				Long.class, openIssue, at(2));
		xpcReport = jdbc.queryForObject(
				"insert into report (text, status, frameworks, submitted_at) values "
						+ "('XPC interrupted again on 18.3', 'NEW', '{Foundation}', ?) returning id",
				Long.class, at(3));
		jdbc.update(
				"insert into report_suggestion (report_id, rank, type, target_id, title, score, confidence) "
						+ "values (?, 1, 'known-issue', ?, 'XPC connection interrupted on resume', 0.8, 'HIGH')",
				xpcReport, fixedIssue);
	}

	String link(String thread) {
		return "http://digest.example/threads/" + threads.get(thread);
	}

	private String day(int plusDays) {
		return week.monday().plusDays(plusDays).atTime(10, 0).toInstant(ZoneOffset.UTC).toString();
	}

	private Timestamp at(int plusDays) {
		return Timestamp.from(Instant.parse(day(plusDays)));
	}

	private static long id(JdbcTemplate jdbc, String run, String name) {
		return jdbc.queryForObject("select id from thread where external_id = ?", Long.class, run + "-" + name);
	}

	private static String thread(String run, String name, String title, String tag, String createdAt, int replies,
			int views, String body, boolean answered) {
		String answer = answered
				? ", {\"author\": \"dts\", \"body\": \"Call it on the main queue.\", \"role\": \"answer\"}" : "";
		return ("{\"source\": \"digest-test\", \"externalId\": \"%s-%s\", \"title\": \"%s\", \"tags\": [\"%s\"], "
				+ "\"createdAt\": \"%s\", \"lastActivityAt\": \"%s\", \"replies\": %d, \"views\": %d, "
				+ "\"posts\": [{\"author\": \"dev\", \"body\": \"%s\", \"role\": \"question\"}%s]}")
			.formatted(run, name, title, tag, createdAt, createdAt, replies, views, body, answer);
	}

}
