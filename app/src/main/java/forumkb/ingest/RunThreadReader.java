package forumkb.ingest;

import forumkb.thread.ThreadHeading;
import forumkb.thread.ThreadReader;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads which threads a run created or updated (written by {@link ThreadStore}); their
 * titles come from the thread package, which owns them.
 */
@Repository
class RunThreadReader {

	private final JdbcTemplate jdbc;

	private final ThreadReader threads;

	RunThreadReader(JdbcTemplate jdbc, ThreadReader threads) {
		this.jdbc = jdbc;
		this.threads = threads;
	}

	/** The page asked for, the last one when it is past the end. */
	RunThreads page(long runId, int page) {
		long total = jdbc.queryForObject("select count(*) from ingest_run_thread where run_id = ?", Long.class, runId);
		int pageCount = (int) Math.max(1, (total + RunThreads.PAGE_SIZE - 1) / RunThreads.PAGE_SIZE);
		int shown = Math.clamp(page, 0, pageCount - 1);
		record Outcome(long threadId, String outcome) {
		}
		List<Outcome> outcomes = jdbc.query(
				"select thread_id, outcome from ingest_run_thread where run_id = ? order by thread_id desc limit ? offset ?",
				(row, n) -> new Outcome(row.getLong(1), row.getString(2)), runId, RunThreads.PAGE_SIZE,
				(long) shown * RunThreads.PAGE_SIZE);
		Map<Long, ThreadHeading> headings = threads.headings(outcomes.stream().map(Outcome::threadId).toList());
		var items = outcomes.stream()
			.filter(outcome -> headings.containsKey(outcome.threadId()))
			.map(outcome -> new RunThreads.RunThread(outcome.threadId(), headings.get(outcome.threadId()).title(),
					outcome.outcome(), "/threads/" + outcome.threadId()))
			.toList();
		return new RunThreads(total, shown, pageCount, items);
	}

}
