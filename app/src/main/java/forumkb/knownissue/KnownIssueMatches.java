package forumkb.knownissue;

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

}
