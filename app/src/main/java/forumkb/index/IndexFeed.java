package forumkb.index;

import forumkb.thread.StoredThread;
import forumkb.thread.StoredThreads;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The threads' change feed, which every follower reads (the search index, the sentence
 * vectors, the known-issue matcher): threads in change order, a page at a time, read
 * through their owner ({@link StoredThreads}) and shaped for the index; the follower
 * applies them and remembers the last {@link ChangePosition} it applied.
 *
 * <p>
 * Every committed change is read, once per follower, whatever order transactions commit
 * in: the feed orders changes by the transaction that wrote them, then by number, and
 * reads only those whose transaction is older than the oldest one still in progress.
 * Those writers have all ended, and a write still to come has a newer transaction, so it
 * sorts after any position a follower has passed (the migration {@code V6} says more).
 * The price: a transaction left open holds back what commits after it until it ends.
 */
@Component
public class IndexFeed {

	private final StoredThreads threads;

	private final JdbcTemplate jdbc;

	IndexFeed(StoredThreads threads, JdbcTemplate jdbc) {
		this.threads = threads;
		this.jdbc = jdbc;
	}

	/**
	 * Threads changed after {@code after} whose writers have all ended, oldest change
	 * first.
	 */
	public List<IndexedThread> changedAfter(ChangePosition after, int limit) {
		List<StoredThread> page = threads.changedAfter(after.xid(), after.seq(), limit);
		List<IndexedThread> indexed = new ArrayList<>(page.size());
		for (StoredThread thread : page) {
			Posts text = new Posts();
			thread.posts().forEach(text::add);
			indexed.add(new IndexedThread(thread.id(), position(thread.change()), thread.source(), thread.url(),
					thread.title(), thread.topic(), thread.subtopic(), thread.tags(), thread.createdAt(),
					thread.lastActivityAt(), thread.replies(), thread.views(), thread.excerpt(), text.question(),
					text.accepted(), text.others(),
					thread.entities().stream().map(e -> new IndexedThread.Entity(e.kind(), e.value())).toList()));
		}
		return indexed;
	}

	/** How many threads changed after {@code after}: a follower's backlog. */
	public long countChangedAfter(ChangePosition after) {
		return threads.countChangedAfter(after.xid(), after.seq());
	}

	/**
	 * The newest committed change, including one the feed does not give out yet because
	 * an older transaction is still open: a follower that has applied it has everything.
	 */
	public ChangePosition lastChange() {
		return threads.lastChange().map(IndexFeed::position).orElse(ChangePosition.START);
	}

	/**
	 * The position every change still to commit comes after: just before the oldest
	 * transaction in progress, so a follower that starts here follows what arrives from
	 * now on.
	 */
	public ChangePosition now() {
		String oldestOpen = jdbc.queryForObject("select pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
		return new ChangePosition(Long.parseLong(oldestOpen) - 1, Long.MAX_VALUE);
	}

	private static ChangePosition position(StoredThread.Change change) {
		return new ChangePosition(change.xid(), change.seq());
	}

	/**
	 * Identifies the database, so an index built from another one is rebuilt, not
	 * trusted.
	 */
	public String databaseIdentity() {
		return jdbc.queryForObject("select system_identifier::text from pg_control_system()", String.class);
	}

	/** A thread's posts split the way the index weighs them. */
	private static final class Posts {

		private String question;

		private String accepted;

		private final StringBuilder others = new StringBuilder();

		void add(StoredThread.Post post) {
			if (post.position() == 0) {
				question = post.body();
			}
			else if (post.accepted() && accepted == null) {
				accepted = post.body();
			}
			else {
				others.append(post.body()).append("\n\n");
			}
		}

		String question() {
			return question;
		}

		String accepted() {
			return accepted;
		}

		String others() {
			return others.isEmpty() ? null : others.toString();
		}

	}

}
