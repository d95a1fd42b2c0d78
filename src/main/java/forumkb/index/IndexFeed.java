package forumkb.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import forumkb.system.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The threads' change feed, which every follower reads (the search index, the sentence
 * vectors, the known-issue matcher): threads out of PostgreSQL in change order, a page at
 * a time; the follower applies them and remembers the last {@link ChangePosition} it
 * applied.
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

	private final JdbcTemplate jdbc;

	IndexFeed(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Threads changed after {@code after} whose writers have all ended, oldest change
	 * first.
	 */
	public List<IndexedThread> changedAfter(ChangePosition after, int limit) {
		Map<Long, Row> rows = new LinkedHashMap<>();
		jdbc.query("""
				select t.id, t.change_xid::text as xid, t.change_seq, s.name as source, t.canonical_url,
				       t.title, t.topic, t.subtopic, t.created_at, t.last_activity_at, t.replies, t.views, t.excerpt
				from thread t join source s on s.id = t.source_id
				where (t.change_xid, t.change_seq) > (?::text::xid8, ?)
				  and t.change_xid < pg_snapshot_xmin(pg_current_snapshot())
				order by t.change_xid, t.change_seq limit ?""", row -> {
			rows.put(row.getLong("id"), new Row(row.getLong("id"), position(row), row.getString("source"),
					row.getString("canonical_url"), row.getString("title"), row.getString("topic"),
					row.getString("subtopic"), Sql.instant(row, "created_at"), Sql.instant(row, "last_activity_at"),
					(Integer) row.getObject("replies"), (Integer) row.getObject("views"), row.getBoolean("excerpt")));
		}, after.xid(), after.seq(), limit);
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] ids = rows.keySet().toArray(Long[]::new);
		Map<Long, Posts> posts = posts(ids);
		Map<Long, List<String>> tags = new HashMap<>();
		query("select thread_id, tag from thread_tag where thread_id = any(?) order by tag", ids,
				row -> tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2)));
		Map<Long, List<IndexedThread.Entity>> entities = new HashMap<>();
		query("select distinct thread_id, kind, normalized_value from thread_entity where thread_id = any(?)", ids,
				row -> entities.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
					.add(new IndexedThread.Entity(row.getString(2), row.getString(3))));
		List<IndexedThread> threads = new ArrayList<>(rows.size());
		for (Row row : rows.values()) {
			Posts text = posts.getOrDefault(row.id(), new Posts());
			threads.add(new IndexedThread(row.id(), row.change(), row.source(), row.url(), row.title(), row.topic(),
					row.subtopic(), tags.getOrDefault(row.id(), List.of()), row.createdAt(), row.lastActivityAt(),
					row.replies(), row.views(), row.excerpt(), text.question(), text.accepted(), text.others(),
					entities.getOrDefault(row.id(), List.of())));
		}
		return threads;
	}

	/** How many threads changed after {@code after}: a follower's backlog. */
	public long countChangedAfter(ChangePosition after) {
		return jdbc.queryForObject("select count(*) from thread where (change_xid, change_seq) > (?::text::xid8, ?)",
				Long.class, after.xid(), after.seq());
	}

	/**
	 * The newest committed change, including one the feed does not give out yet because
	 * an older transaction is still open: a follower that has applied it has everything.
	 */
	public ChangePosition lastChange() {
		List<ChangePosition> last = jdbc.query("""
				select change_xid::text as xid, change_seq from thread
				order by change_xid desc, change_seq desc limit 1""", (row, n) -> position(row));
		return last.isEmpty() ? ChangePosition.START : last.getFirst();
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

	private static ChangePosition position(ResultSet row) throws SQLException {
		return new ChangePosition(Long.parseLong(row.getString("xid")), row.getLong("change_seq"));
	}

	/**
	 * Identifies the database, so an index built from another one is rebuilt, not
	 * trusted.
	 */
	public String databaseIdentity() {
		return jdbc.queryForObject("select system_identifier::text from pg_control_system()", String.class);
	}

	private Map<Long, Posts> posts(Long[] ids) {
		Map<Long, Posts> posts = new HashMap<>();
		query("select thread_id, position, body, accepted from post where thread_id = any(?) order by thread_id, position",
				ids, row -> posts.computeIfAbsent(row.getLong(1), id -> new Posts())
					.add(row.getInt(2), row.getString(3), row.getBoolean(4)));
		return posts;
	}

	private void query(String sql, Long[] ids, RowCallbackHandler handler) {
		jdbc.query(Sql.withArray(sql, "bigint", ids), handler);
	}

	private record Row(long id, ChangePosition change, String source, String url, String title, String topic,
			String subtopic, Instant createdAt, Instant lastActivityAt, Integer replies, Integer views,
			boolean excerpt) {
	}

	/** A thread's posts split the way the index weighs them. */
	private static final class Posts {

		private String question;

		private String accepted;

		private final StringBuilder others = new StringBuilder();

		void add(int position, String body, boolean isAccepted) {
			if (position == 0) {
				question = body;
			}
			else if (isAccepted && accepted == null) {
				accepted = body;
			}
			else {
				others.append(body).append("\n\n");
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
