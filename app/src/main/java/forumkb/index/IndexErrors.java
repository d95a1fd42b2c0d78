package forumkb.index;

import java.time.Instant;
import java.util.List;
import forumkb.system.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Threads the search index could not take ({@code index_error}): each refused change
 * once, however often it is met again (a rebuild, another node), so an operator can see
 * and fix them.
 */
@Repository
class IndexErrors {

	/**
	 * Enough of a reason to tell what was wrong; Lucene quotes the start of an offending
	 * term.
	 */
	private static final int MAX_REASON = 500;

	private final JdbcTemplate jdbc;

	IndexErrors(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A change of a thread the index refused, and why. */
	record Refusal(long threadId, long change, String reason) {
	}

	/** A refusal as recorded. */
	record Recorded(long threadId, long change, String reason, Instant recordedAt) {
	}

	void record(List<Refusal> refusals) {
		if (refusals.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				insert into index_error (thread_id, change_seq, reason) values (?, ?, ?)
				on conflict do nothing""", refusals, refusals.size(), (statement, refusal) -> {
			statement.setLong(1, refusal.threadId());
			statement.setLong(2, refusal.change());
			statement.setString(3, refusal.reason().length() > MAX_REASON
					? refusal.reason().substring(0, MAX_REASON) + "…" : refusal.reason());
		});
	}

	long count() {
		Long count = jdbc.queryForObject("select count(*) from index_error", Long.class);
		return count == null ? 0 : count;
	}

	/** The latest refusals, newest first. */
	List<Recorded> latest(int limit) {
		return jdbc.query("""
				select thread_id, change_seq, reason, recorded_at from index_error
				order by recorded_at desc, thread_id limit ?""", (row, n) -> new Recorded(row.getLong("thread_id"),
				row.getLong("change_seq"), row.getString("reason"), Sql.instant(row, "recorded_at")), limit);
	}

}
