package forumkb.thread;

import forumkb.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Threads out of PostgreSQL a page at a time, each with its posts and tags (and, for the
 * change feed, its entities), for the readers that walk the whole corpus: the change
 * feed's followers and the export. A page costs four queries whatever its size: the
 * thread rows, then the posts, tags and entities of all of them at once.
 */
@Component
public class StoredThreads {

	private static final String THREAD_COLUMNS = """
			select t.id, t.change_xid::text as change_xid, t.change_seq, s.name as source, t.external_id,
			       t.canonical_url, t.title, t.topic, t.subtopic, t.created_at, t.last_activity_at, t.replies,
			       t.boosts, t.views, t.excerpt
			from thread t join source s on s.id = t.source_id
			""";

	private final JdbcTemplate jdbc;

	StoredThreads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Threads whose change comes after {@code (xid, seq)} and whose writers have all
	 * ended, in change order, with their entities: the change feed (see
	 * {@code forumkb.index.IndexFeed} for why the oldest open transaction bounds it).
	 */
	public List<StoredThread> changedAfter(long xid, long seq, int limit) {
		return withContent(THREAD_COLUMNS + """
				where (t.change_xid, t.change_seq) > (?::text::xid8, ?)
				  and t.change_xid < pg_snapshot_xmin(pg_current_snapshot())
				order by t.change_xid, t.change_seq limit ?""", true, xid, seq, limit);
	}

	/** How many threads changed after this position: a change follower's backlog. */
	public long countChangedAfter(long xid, long seq) {
		return jdbc.queryForObject("select count(*) from thread where (change_xid, change_seq) > (?::text::xid8, ?)",
				Long.class, xid, seq);
	}

	/** Threads with an id above {@code id}, in id order, without their entities. */
	public List<StoredThread> afterId(long id, int limit) {
		return withContent(THREAD_COLUMNS + "where t.id > ? order by t.id limit ?", false, id, limit);
	}

	/**
	 * The newest committed change, including one the feed does not give out yet because
	 * an older transaction is still open; empty without threads.
	 */
	public Optional<StoredThread.Change> lastChange() {
		return jdbc.query("""
				select change_xid::text as change_xid, change_seq from thread
				order by change_xid desc, change_seq desc limit 1""", (row, n) -> change(row)).stream().findFirst();
	}

	private List<StoredThread> withContent(String threadQuery, boolean entities, Object... args) {
		Map<Long, ThreadRow> rows = new LinkedHashMap<>();
		jdbc.query(threadQuery, row -> {
			rows.put(row.getLong("id"), new ThreadRow(row));
		}, args);
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] ids = rows.keySet().toArray(Long[]::new);
		query("select thread_id, position, author, body, created_at, role, accepted from post "
				+ "where thread_id = any(?) order by thread_id, position", ids, row -> {
					rows.get(row.getLong(1)).posts.add(new StoredThread.Post(row.getInt(2), row.getString(3),
							row.getString(4), Sql.instant(row, "created_at"), row.getString(6), row.getBoolean(7)));
				});
		query("select thread_id, tag from thread_tag where thread_id = any(?) order by thread_id, tag", ids,
				row -> rows.get(row.getLong(1)).tags.add(row.getString(2)));
		if (entities) {
			query("select distinct thread_id, kind, normalized_value from thread_entity where thread_id = any(?)", ids,
					row -> rows.get(row.getLong(1)).entities
						.add(new StoredThread.Entity(row.getString(2), row.getString(3))));
		}
		List<StoredThread> threads = new ArrayList<>(rows.size());
		rows.values().forEach(row -> threads.add(row.thread()));
		return threads;
	}

	private void query(String sql, Long[] ids, RowCallbackHandler handler) {
		jdbc.query(Sql.withArray(sql, "bigint", ids), handler);
	}

	private static StoredThread.Change change(ResultSet row) throws SQLException {
		return new StoredThread.Change(Long.parseLong(row.getString("change_xid")), row.getLong("change_seq"));
	}

	/** A thread row while its posts, tags and entities are gathered. */
	private static final class ThreadRow {

		private final StoredThread head;

		private final List<StoredThread.Post> posts = new ArrayList<>();

		private final List<String> tags = new ArrayList<>();

		private final List<StoredThread.Entity> entities = new ArrayList<>();

		ThreadRow(ResultSet row) throws SQLException {
			head = new StoredThread(row.getLong("id"), change(row), row.getString("source"),
					row.getString("external_id"), row.getString("canonical_url"), row.getString("title"),
					row.getString("topic"), row.getString("subtopic"), Sql.instant(row, "created_at"),
					Sql.instant(row, "last_activity_at"), (Integer) row.getObject("replies"),
					(Integer) row.getObject("boosts"), (Integer) row.getObject("views"), row.getBoolean("excerpt"),
					List.of(), List.of(), List.of());
		}

		StoredThread thread() {
			return head.with(tags, posts, entities);
		}

	}

}
