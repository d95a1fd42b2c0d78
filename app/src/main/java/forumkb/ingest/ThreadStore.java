package forumkb.ingest;

import forumkb.extract.ExtractedEntity;
import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import forumkb.system.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes threads with their posts, tags and entities: thread rows in batched statements,
 * the many posts and entities with COPY, so a chunk of threads costs a handful of round
 * trips. The caller owns the transaction, so a chunk lands whole or not at all. Every
 * write of a thread row takes a new change number and records its transaction (an insert
 * by the columns' defaults): the change feed, {@code forumkb.index.IndexFeed}, follows
 * both.
 */
@Repository
class ThreadStore {

	private static final String INSERT_THREAD = """
			insert into thread (id, source_id, external_id, canonical_url, thread_key, content_hash, title,
			    topic, subtopic, created_at, last_activity_at, replies, boosts, views, excerpt,
			    provenance_origin, provenance_first_line, provenance_last_line)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String REPLACE_THREAD = """
			update thread set source_id = ?, external_id = ?, canonical_url = ?, thread_key = ?,
			    content_hash = ?, title = ?, topic = ?, subtopic = ?, created_at = ?, last_activity_at = ?,
			    replies = ?, boosts = ?, views = ?, excerpt = ?, provenance_origin = ?,
			    provenance_first_line = ?, provenance_last_line = ?,
			    updated_at = now(), change_seq = nextval('thread_change_seq'), change_xid = pg_current_xact_id()
			where id = ?""";

	/** A listing seen again after the full thread: only its live counters are news. */
	private static final String REFRESH_COUNTS = """
			update thread set replies = coalesce(?, replies), boosts = coalesce(?, boosts),
			    views = coalesce(?, views), last_activity_at = coalesce(?, last_activity_at),
			    updated_at = now(), change_seq = nextval('thread_change_seq'), change_xid = pg_current_xact_id()
			where id = ?""";

	private final JdbcTemplate jdbc;

	private final Map<String, Long> sourceIds = new ConcurrentHashMap<>();

	ThreadStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a chunk whose keys are distinct for the run; returns one outcome per thread,
	 * in order.
	 */
	List<StoreOutcome> save(long runId, List<PreparedThread> chunk) {
		Map<String, Existing> existing = findExisting(chunk);
		List<StoreOutcome> outcomes = new ArrayList<>(chunk.size());
		List<PreparedThread> inserts = new ArrayList<>();
		List<Replacement> replacements = new ArrayList<>();
		List<Replacement> countRefreshes = new ArrayList<>();
		for (PreparedThread prepared : chunk) {
			Existing stored = existing.get(prepared.key());
			if (stored == null) {
				inserts.add(prepared);
				outcomes.add(StoreOutcome.CREATED);
			}
			else if (stored.contentHash().equals(prepared.contentHash())) {
				outcomes.add(StoreOutcome.UNCHANGED);
			}
			else if (prepared.thread().excerpt() && !stored.excerpt()) {
				boolean news = countsDiffer(stored, prepared.thread());
				if (news) {
					countRefreshes.add(new Replacement(stored.id(), prepared));
				}
				outcomes.add(news ? StoreOutcome.UPDATED : StoreOutcome.UNCHANGED);
			}
			else {
				replacements.add(new Replacement(stored.id(), prepared));
				outcomes.add(StoreOutcome.UPDATED);
			}
		}
		List<Long> newIds = nextIds("thread_id_seq", inserts.size());
		insertThreads(inserts, newIds);
		replaceThreads(replacements);
		refreshCounts(countRefreshes);

		List<Replacement> withContent = new ArrayList<>(replacements);
		for (int i = 0; i < inserts.size(); i++) {
			withContent.add(new Replacement(newIds.get(i), inserts.get(i)));
		}
		insertContent(withContent);
		recordRunThreads(runId, "created", newIds);
		recordRunThreads(runId, "updated",
				Stream.concat(replacements.stream(), countRefreshes.stream()).map(Replacement::id).toList());
		return outcomes;
	}

	/**
	 * A thread the run already created and then saw again stays "created".
	 */
	private void recordRunThreads(long runId, String outcome, List<Long> threadIds) {
		if (threadIds.isEmpty()) {
			return;
		}
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("""
					insert into ingest_run_thread (run_id, thread_id, outcome) select ?, unnest(?), ?
					on conflict do nothing""");
			insert.setLong(1, runId);
			insert.setArray(2, connection.createArrayOf("bigint", threadIds.toArray()));
			insert.setString(3, outcome);
			return insert;
		});
	}

	private Map<String, Existing> findExisting(List<PreparedThread> chunk) {
		String[] keys = chunk.stream().map(PreparedThread::key).toArray(String[]::new);
		Map<String, Existing> found = new HashMap<>();
		jdbc.query(
				Sql.withArray("select id, thread_key, content_hash, excerpt, replies, boosts, views, last_activity_at "
						+ "from thread where thread_key = any(?)", "text", keys),
				row -> {
					found.put(row.getString("thread_key"),
							new Existing(row.getLong("id"), row.getString("content_hash"), row.getBoolean("excerpt"),
									(Integer) row.getObject("replies"), (Integer) row.getObject("boosts"),
									(Integer) row.getObject("views"), Sql.instant(row, "last_activity_at")));
				});
		return found;
	}

	private void insertThreads(List<PreparedThread> inserts, List<Long> ids) {
		if (inserts.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(inserts.size());
		for (int i = 0; i < inserts.size(); i++) {
			List<Object> row = new ArrayList<>();
			row.add(ids.get(i));
			row.addAll(threadColumns(inserts.get(i)));
			rows.add(row.toArray());
		}
		jdbc.batchUpdate(INSERT_THREAD, rows, THREAD_TYPES_WITH_ID);
	}

	private void replaceThreads(List<Replacement> replacements) {
		if (replacements.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(replacements.size());
		for (Replacement replacement : replacements) {
			List<Object> row = new ArrayList<>(threadColumns(replacement.thread()));
			row.add(replacement.id());
			rows.add(row.toArray());
		}
		jdbc.batchUpdate(REPLACE_THREAD, rows, THREAD_TYPES_THEN_ID);
		Long[] ids = replacements.stream().map(Replacement::id).toArray(Long[]::new);
		for (String table : List.of("thread_entity", "post", "thread_tag")) {
			deleteByThread(table, ids);
		}
	}

	private void deleteByThread(String table, Long[] ids) {
		jdbc.update(Sql.withArray("delete from " + table + " where thread_id = any(?)", "bigint", ids));
	}

	private void refreshCounts(List<Replacement> refreshes) {
		if (refreshes.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(REFRESH_COUNTS, refreshes, refreshes.size(), (statement, refresh) -> {
			ParsedThread thread = refresh.thread().thread();
			statement.setObject(1, thread.replies(), Types.INTEGER);
			statement.setObject(2, thread.boosts(), Types.INTEGER);
			statement.setObject(3, thread.views(), Types.INTEGER);
			statement.setObject(4, timestamp(thread.lastActivityAt()), Types.TIMESTAMP_WITH_TIMEZONE);
			statement.setLong(5, refresh.id());
		});
	}

	/** Posts, tags and entities of threads whose rows were just inserted or replaced. */
	private void insertContent(List<Replacement> threads) {
		int postTotal = threads.stream().mapToInt(t -> t.thread().postCount()).sum();
		List<Long> postIds = nextIds("post_id_seq", postTotal);
		CopyRows posts = new CopyRows("post", "id, thread_id, position, author, body, created_at, role, accepted");
		CopyRows entities = new CopyRows("thread_entity",
				"thread_id, post_id, kind, raw_value, normalized_value, start_offset, end_offset");
		CopyRows tags = new CopyRows("thread_tag", "thread_id, tag");
		int nextPost = 0;
		for (Replacement replacement : threads) {
			long threadId = replacement.id();
			PreparedThread prepared = replacement.thread();
			addEntities(entities, threadId, null, prepared.titleEntities());
			for (int position = 0; position < prepared.postCount(); position++) {
				ParsedPost post = prepared.thread().posts().get(position);
				long postId = postIds.get(nextPost++);
				posts.row(postId, threadId, position, post.author(), post.body(), timestamp(post.createdAt()),
						post.role().wireName(), post.accepted());
				addEntities(entities, threadId, postId, prepared.postEntities().get(position));
			}
			for (String tag : new LinkedHashSet<>(prepared.thread().tags())) {
				tags.row(threadId, tag);
			}
		}
		posts.copy(jdbc.getDataSource());
		entities.copy(jdbc.getDataSource());
		tags.copy(jdbc.getDataSource());
	}

	private static void addEntities(CopyRows rows, long threadId, Long postId, List<ExtractedEntity> found) {
		for (ExtractedEntity entity : found) {
			rows.row(threadId, postId, entity.kind().wireName(), entity.raw(), entity.normalized(), entity.start(),
					entity.end());
		}
	}

	private List<Object> threadColumns(PreparedThread prepared) {
		ParsedThread thread = prepared.thread();
		var provenance = thread.provenance();
		List<Object> columns = new ArrayList<>(17);
		columns.add(sourceId(thread.source()));
		columns.add(thread.externalId());
		columns.add(thread.url());
		columns.add(prepared.key());
		columns.add(prepared.contentHash());
		columns.add(thread.title());
		columns.add(thread.topic());
		columns.add(thread.subtopic());
		columns.add(timestamp(thread.createdAt()));
		columns.add(timestamp(thread.lastActivityAt()));
		columns.add(thread.replies());
		columns.add(thread.boosts());
		columns.add(thread.views());
		columns.add(thread.excerpt());
		columns.add(provenance == null ? null : provenance.origin());
		columns.add(provenance == null ? null : provenance.firstLine());
		columns.add(provenance == null ? null : provenance.lastLine());
		return columns;
	}

	private static final int[] THREAD_TYPES = { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
			Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR,
			Types.INTEGER, Types.INTEGER };

	private static final int[] THREAD_TYPES_WITH_ID = prepend(Types.BIGINT, THREAD_TYPES);

	private static final int[] THREAD_TYPES_THEN_ID = append(THREAD_TYPES, Types.BIGINT);

	private static int[] prepend(int first, int[] rest) {
		int[] all = new int[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

	private static int[] append(int[] first, int last) {
		int[] all = Arrays.copyOf(first, first.length + 1);
		all[first.length] = last;
		return all;
	}

	private long sourceId(String name) {
		return sourceIds.computeIfAbsent(name, key -> jdbc.queryForObject(
				"insert into source (name) values (?) on conflict (name) do update set name = excluded.name returning id",
				Long.class, key));
	}

	/**
	 * Forgets cached source ids; needed when a transaction that created one rolled back.
	 */
	void forgetSources() {
		sourceIds.clear();
	}

	private List<Long> nextIds(String sequence, int count) {
		if (count == 0) {
			return List.of();
		}
		return jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, count);
	}

	private static boolean countsDiffer(Existing stored, ParsedThread incoming) {
		return differs(stored.replies(), incoming.replies()) || differs(stored.boosts(), incoming.boosts())
				|| differs(stored.views(), incoming.views())
				|| differs(stored.lastActivityAt(), incoming.lastActivityAt());
	}

	private static boolean differs(Object stored, Object incoming) {
		return incoming != null && !incoming.equals(stored);
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private record Existing(long id, String contentHash, boolean excerpt, Integer replies, Integer boosts,
			Integer views, Instant lastActivityAt) {
	}

	private record Replacement(long id, PreparedThread thread) {
	}

}
