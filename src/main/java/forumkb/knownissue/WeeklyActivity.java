package forumkb.knownissue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How often a known issue shows up, week by week: threads (linked by engineers or matched
 * by triage on arrival, counted in the week they were posted) and reports (confirmed for
 * it, or suggested it with high or medium confidence, counted in the week submitted).
 */
@Component
public class WeeklyActivity {

	static final int WEEKS = 26;

	private final JdbcTemplate jdbc;

	WeeklyActivity(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One ISO week: its Monday, its label ({@code 2026-W48}) and the counts. */
	public record Week(LocalDate monday, String label, int threads, int reports) {

		public int total() {
			return threads + reports;
		}
	}

	/**
	 * The last {@link #WEEKS} weeks up to {@code today}, oldest first, empty weeks
	 * included.
	 */
	public List<Week> of(long knownIssueId, LocalDate today) {
		LocalDate lastMonday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
		LocalDate firstMonday = lastMonday.minusWeeks(WEEKS - 1L);
		Map<LocalDate, int[]> counts = new TreeMap<>();
		for (int i = 0; i < WEEKS; i++) {
			counts.put(firstMonday.plusWeeks(i), new int[2]);
		}
		jdbc.query("""
				select date_trunc('week', coalesce(t.created_at, l.at) at time zone 'UTC')::date, count(distinct t.id)
				from (select thread_id, linked_at as at from known_issue_thread where known_issue_id = ?
				      union all select thread_id, matched_at from known_issue_match where known_issue_id = ?) l
				join thread t on t.id = l.thread_id
				where coalesce(t.created_at, l.at) >= ?
				group by 1""", row -> {
			add(counts, row.getObject(1, LocalDate.class), 0, row.getInt(2));
		}, knownIssueId, knownIssueId, firstMonday.atStartOfDay().toInstant(ZoneOffset.UTC).atOffset(ZoneOffset.UTC));
		jdbc.query("""
				select date_trunc('week', r.submitted_at at time zone 'UTC')::date, count(*)
				from report r
				where r.submitted_at >= ? and (r.known_issue_id = ? or exists (
				    select 1 from report_suggestion s where s.report_id = r.id and s.type = 'known-issue'
				    and s.target_id = ? and s.confidence in ('HIGH', 'MEDIUM')))
				group by 1""", row -> {
			add(counts, row.getObject(1, LocalDate.class), 1, row.getInt(2));
		}, firstMonday.atStartOfDay().toInstant(ZoneOffset.UTC).atOffset(ZoneOffset.UTC), knownIssueId, knownIssueId);
		List<Week> weeks = new ArrayList<>();
		counts.forEach((monday, pair) -> weeks.add(new Week(monday, label(monday), pair[0], pair[1])));
		return weeks;
	}

	private static void add(Map<LocalDate, int[]> counts, LocalDate monday, int column, int count) {
		int[] pair = counts.get(monday);
		if (pair != null) {
			pair[column] += count;
		}
	}

	static String label(LocalDate monday) {
		return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
				monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

}
