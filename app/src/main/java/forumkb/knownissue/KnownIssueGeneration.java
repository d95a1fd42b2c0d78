package forumkb.knownissue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A number that every change to the known issues raises in the change's own transaction:
 * a node compares it with the one its in-memory copy was built at to notice changes that
 * other nodes made (their change events reach only their own listeners).
 */
@Component
public class KnownIssueGeneration {

	private final JdbcTemplate jdbc;

	KnownIssueGeneration(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long current() {
		return jdbc.queryForObject("select generation from known_issue_generation", Long.class);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void raise(KnownIssuesChanged change) {
		jdbc.update("update known_issue_generation set generation = generation + 1");
	}

}
