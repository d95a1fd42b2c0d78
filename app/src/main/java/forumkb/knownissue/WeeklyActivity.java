package forumkb.knownissue;

import forumkb.system.Sql;
import forumkb.thread.ThreadHeading;
import forumkb.thread.ThreadReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private final ThreadReader threads;

	WeeklyActivity(JdbcTemplate jdbc, ThreadReader threads) {
		this.jdbc = jdbc;
		this.threads = threads;
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
		LocalDate lastMonday = mondayOf(today);
		LocalDate firstMonday = lastMonday.minusWeeks(WEEKS - 1L);
		Map<LocalDate, int[]> counts = new TreeMap<>();
		for (int i = 0; i < WEEKS; i++) {
			counts.put(firstMonday.plusWeeks(i), new int[2]);
		}
		Map<Long, List<Instant>> arrivals = new HashMap<>();
		jdbc.query("""
				select thread_id, linked_at from known_issue_thread where known_issue_id = ?
				union all select thread_id, matched_at from known_issue_match where known_issue_id = ?""", row -> {
			arrivals.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(Sql.instant(row, "linked_at"));
		}, knownIssueId, knownIssueId);
		Map<Long, ThreadHeading> headings = threads.headings(arrivals.keySet());
		Map<LocalDate, Set<Long>> threadsByWeek = new HashMap<>();
		arrivals.forEach((threadId, times) -> {
			Instant posted = headings.get(threadId).createdAt();
			for (Instant at : times) {
				LocalDate day = (posted != null ? posted : at).atOffset(ZoneOffset.UTC).toLocalDate();
				if (!day.isBefore(firstMonday)) {
					threadsByWeek.computeIfAbsent(mondayOf(day), monday -> new HashSet<>()).add(threadId);
				}
			}
		});
		threadsByWeek.forEach((monday, ids) -> add(counts, monday, 0, ids.size()));
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

	private static LocalDate mondayOf(LocalDate day) {
		return day.minusDays(day.getDayOfWeek().getValue() - 1L);
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
