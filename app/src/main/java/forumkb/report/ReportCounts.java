package forumkb.report;

import forumkb.knownissue.ReportsPerKnownIssue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reports' side of a known issue, for the known issues feature, which builds below
 * reports: weekly counts for its chart and the assigned reports' words for triage to
 * learn from. Needs nothing but the database, so the known issues' own beans may use it.
 */
@Repository
class ReportCounts implements ReportsPerKnownIssue {

	private final JdbcTemplate jdbc;

	ReportCounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<LocalDate, Integer> weeklyCounts(long knownIssueId, LocalDate firstMonday) {
		Map<LocalDate, Integer> counts = new HashMap<>();
		jdbc.query("""
				select date_trunc('week', r.submitted_at at time zone 'UTC')::date, count(*)
				from report r
				where r.submitted_at >= ? and (r.known_issue_id = ? or exists (
				    select 1 from report_suggestion s where s.report_id = r.id and s.type = 'known-issue'
				    and s.target_id = ? and s.confidence in ('HIGH', 'MEDIUM')))
				group by 1""", row -> {
			counts.put(row.getObject(1, LocalDate.class), row.getInt(2));
		}, firstMonday.atStartOfDay().atOffset(ZoneOffset.UTC), knownIssueId, knownIssueId);
		return counts;
	}

	@Override
	public Map<Long, List<String>> assignedTexts(int perIssue) {
		Map<Long, List<String>> texts = new LinkedHashMap<>();
		jdbc.query("""
				select known_issue_id, description || chr(10) || text from (
				    select r.*, row_number() over (partition by known_issue_id order by triaged_at desc) n
				    from report r where known_issue_id is not null
				    and resolution in ('CONFIRMED', 'OTHER_KNOWN_ISSUE', 'NEW_KNOWN_ISSUE')) ranked
				where n <= ?""", row -> {
			texts.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
		}, perIssue);
		return texts;
	}

}
