package forumkb.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads which threads a run created or updated (written by {@link ThreadStore}). */
@Repository
class RunThreadReader {

	private final JdbcTemplate jdbc;

	RunThreadReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The page asked for, the last one when it is past the end. */
	RunThreads page(long runId, int page) {
		long total = jdbc.queryForObject("select count(*) from ingest_run_thread where run_id = ?", Long.class, runId);
		int pageCount = (int) Math.max(1, (total + RunThreads.PAGE_SIZE - 1) / RunThreads.PAGE_SIZE);
		int shown = Math.clamp(page, 0, pageCount - 1);
		var items = jdbc.query("""
				select t.id, t.title, r.outcome from ingest_run_thread r join thread t on t.id = r.thread_id
				where r.run_id = ? order by t.id desc limit ? offset ?""",
				(row, n) -> new RunThreads.RunThread(row.getLong(1), row.getString(2), row.getString(3),
						"/threads/" + row.getLong(1)),
				runId, RunThreads.PAGE_SIZE, (long) shown * RunThreads.PAGE_SIZE);
		return new RunThreads(total, shown, pageCount, items);
	}

}
