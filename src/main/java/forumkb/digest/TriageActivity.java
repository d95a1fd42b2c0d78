package forumkb.digest;

import static forumkb.digest.FilterSql.THREAD_MATCHES;

import forumkb.digest.DigestContent.KnownIssueItem;
import forumkb.digest.DigestContent.ReportItem;
import forumkb.report.Report;
import forumkb.system.Sql;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What triage saw in a week: new reports, and known issues that gained threads or
 * reports.
 */
@Component
class TriageActivity {

	static final int REPORT_LIST_SIZE = 20;

	/**
	 * A report is the subscriber's when its frameworks or its known issue (chosen or
	 * suggested) are.
	 */
	private static final String REPORT_MATCHES = """
			(:all
			 or exists (select 1 from unnest(r.frameworks) f where lower(f) = any(cast(:frameworks as text[])))
			 or r.known_issue_id = any(cast(:issues as bigint[]))
			 or exists (select 1 from report_suggestion s where s.report_id = r.id and s.type = 'known-issue'
			            and s.confidence in ('HIGH', 'MEDIUM') and s.target_id = any(cast(:issues as bigint[]))))
			""";

	/**
	 * Each gain once: a thread linked by an engineer or matched by triage on arrival, a
	 * report filed against the issue or for which triage suggested it with HIGH or MEDIUM
	 * confidence.
	 */
	private static final String GAINS = """
			with gain as (
			    select known_issue_id as issue, thread_id as ref, 'thread' as kind from known_issue_thread
			     where linked_at >= :from and linked_at < :to
			    union
			    select known_issue_id, thread_id, 'thread' from known_issue_match
			     where matched_at >= :from and matched_at < :to
			    union
			    select r.known_issue_id, r.id, 'report' from report r
			     where :withReports and r.known_issue_id is not null and r.submitted_at >= :from and r.submitted_at < :to
			    union
			    select s.target_id, r.id, 'report' from report_suggestion s join report r on r.id = s.report_id
			     where :withReports and s.type = 'known-issue' and s.confidence in ('HIGH', 'MEDIUM')
			       and r.submitted_at >= :from and r.submitted_at < :to
			)
			select k.id, k.title, k.status, k.fixed_in,
			       count(*) filter (where g.kind = 'thread') as threads,
			       count(*) filter (where g.kind = 'report') as reports
			from gain g join known_issue k on k.id = g.issue
			where k.archived_at is null
			  and (:all or k.id = any(cast(:issues as bigint[]))
			   or (g.kind = 'thread' and exists (select 1 from thread t where t.id = g.ref and %s))
			   or (g.kind = 'report' and exists (select 1 from report r where r.id = g.ref and %s)))
			group by k.id
			order by k.status = 'FIXED' desc, count(*) desc, k.id
			"""
		.formatted(THREAD_MATCHES, REPORT_MATCHES);

	private final NamedParameterJdbcTemplate jdbc;

	TriageActivity(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The week's reports, newest first, with their status and the known issue they were
	 * put under.
	 */
	List<ReportItem> reports(MapSqlParameterSource week, String baseUrl) {
		return jdbc.query(
				"""
						select r.id, r.text, r.description, r.status, k.title as known_issue, r.submitted_at
						from report r left join known_issue k on k.id = r.known_issue_id
						where r.submitted_at >= :from and r.submitted_at < :to and """ + REPORT_MATCHES
						+ " order by r.submitted_at desc, r.id desc limit " + REPORT_LIST_SIZE,
				week,
				(row, n) -> new ReportItem(row.getLong("id"),
						Report.title(row.getString("description"), row.getString("text")), row.getString("status"),
						row.getString("known_issue"), Sql.instant(row, "submitted_at"),
						baseUrl + "/reports/" + row.getLong("id")));
	}

	/**
	 * Known issues that gained matches; a fixed one first, as it may have regressed. An
	 * archived one is gone for engineers, so it is left out.
	 */
	List<KnownIssueItem> knownIssues(MapSqlParameterSource week, boolean withReports, String baseUrl) {
		MapSqlParameterSource parameters = new MapSqlParameterSource(week.getValues()).addValue("withReports",
				withReports);
		return jdbc.query(GAINS, parameters,
				(row, n) -> new KnownIssueItem(row.getLong("id"), row.getString("title"), row.getString("status"),
						row.getString("fixed_in"), row.getInt("threads"), row.getInt("reports"),
						baseUrl + "/known-issues/" + row.getLong("id")));
	}

}
