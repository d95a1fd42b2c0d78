package forumkb.knownissue;

import forumkb.system.Sql;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The threads triage matched to a known issue on their arrival
 * ({@code known_issue_match}), kept here beside the links engineers make so the weekly
 * chart and the digest read one owner.
 */
@Component
public class KnownIssueMatches {

	private final JdbcTemplate jdbc;

	KnownIssueMatches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a match unless an engineer linked the thread already; a thread matched
	 * again (on another node, or after a restart) is recorded once.
	 */
	public void record(long knownIssueId, long threadId, float score, String confidence) {
		jdbc.update("""
				insert into known_issue_match (known_issue_id, thread_id, score, confidence)
				select ?, ?, ?, ? where not exists (
				    select 1 from known_issue_thread where known_issue_id = ? and thread_id = ?)
				on conflict do nothing""", knownIssueId, threadId, score, confidence, knownIssueId, threadId);
	}

	/**
	 * A thread that came to a known issue: linked by an engineer or matched on arrival.
	 */
	public record Arrival(long knownIssueId, long threadId) {
	}

	/** The threads linked or matched to any of the known issues, whenever. */
	public Set<Long> threadsOf(Collection<Long> knownIssueIds) {
		if (knownIssueIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> threads = new HashSet<>();
		jdbc.query(Sql.withArray("""
				select thread_id from (select known_issue_id, thread_id from known_issue_thread
				    union all select known_issue_id, thread_id from known_issue_match) arrived
				where known_issue_id = any(?)""", "bigint", knownIssueIds.toArray()), row -> {
			threads.add(row.getLong(1));
		});
		return threads;
	}

	/** Each thread linked or matched in [from, to), once per known issue. */
	public List<Arrival> arrivals(Instant from, Instant to) {
		return jdbc
			.query("""
					select known_issue_id, thread_id from known_issue_thread where linked_at >= ? and linked_at < ?
					union select known_issue_id, thread_id from known_issue_match where matched_at >= ? and matched_at < ?""",
					(row, n) -> new Arrival(row.getLong(1), row.getLong(2)), Timestamp.from(from), Timestamp.from(to),
					Timestamp.from(from), Timestamp.from(to));
	}

}
