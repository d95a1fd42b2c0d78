package forumkb.ingest;

import forumkb.ingest.parse.CanonicalFormat;
import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import forumkb.ingest.parse.PostRole;
import forumkb.ingest.parse.Provenance;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import forumkb.system.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes the whole corpus in the canonical JSON Lines format, a page of threads at a
 * time, so export → import into an empty database reproduces it.
 */
@Service
public class ExportService {

	private static final int PAGE = 500;

	private final JdbcTemplate jdbc;

	ExportService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Returns the number of threads written. */
	public int export(Writer out) throws IOException {
		long after = 0;
		int written = 0;
		while (true) {
			Map<Long, ThreadRow> page = threadsAfter(after);
			if (page.isEmpty()) {
				return written;
			}
			Long[] ids = page.keySet().toArray(Long[]::new);
			Map<Long, List<ParsedPost>> posts = postsOf(ids);
			Map<Long, List<String>> tags = tagsOf(ids);
			for (Map.Entry<Long, ThreadRow> entry : page.entrySet()) {
				ParsedThread thread = entry.getValue()
					.toThread(tags.getOrDefault(entry.getKey(), List.of()),
							posts.getOrDefault(entry.getKey(), List.of()));
				out.write(CanonicalFormat.write(thread));
				out.write('\n');
				written++;
				after = entry.getKey();
			}
		}
	}

	private Map<Long, ThreadRow> threadsAfter(long after) {
		Map<Long, ThreadRow> rows = new LinkedHashMap<>();
		jdbc.query("""
				select t.id, s.name as source, t.external_id, t.canonical_url, t.title, t.topic, t.subtopic,
				       t.created_at, t.last_activity_at, t.replies, t.boosts, t.views, t.excerpt
				from thread t join source s on s.id = t.source_id
				where t.id > ? order by t.id limit ?""", row -> {
			rows.put(row.getLong("id"),
					new ThreadRow(row.getString("source"), row.getString("external_id"), row.getString("canonical_url"),
							row.getString("title"), row.getString("topic"), row.getString("subtopic"),
							Sql.instant(row, "created_at"), Sql.instant(row, "last_activity_at"),
							(Integer) row.getObject("replies"), (Integer) row.getObject("boosts"),
							(Integer) row.getObject("views"), row.getBoolean("excerpt")));
		}, after, PAGE);
		return rows;
	}

	private Map<Long, List<ParsedPost>> postsOf(Long[] threadIds) {
		Map<Long, List<ParsedPost>> posts = new HashMap<>();
		jdbc.query(Sql.withArray("select thread_id, author, body, created_at, role, accepted from post "
				+ "where thread_id = any(?) order by thread_id, position", "bigint", threadIds), row -> {
					posts.computeIfAbsent(row.getLong("thread_id"), id -> new ArrayList<>())
						.add(new ParsedPost(row.getString("author"), row.getString("body"),
								Sql.instant(row, "created_at"),
								PostRole.fromWire(row.getString("role"), PostRole.COMMENT),
								row.getBoolean("accepted")));
				});
		return posts;
	}

	private Map<Long, List<String>> tagsOf(Long[] threadIds) {
		Map<Long, List<String>> tags = new HashMap<>();
		jdbc.query(
				Sql.withArray("select thread_id, tag from thread_tag where thread_id = any(?) order by thread_id, tag",
						"bigint", threadIds),
				row -> {
					tags.computeIfAbsent(row.getLong("thread_id"), id -> new ArrayList<>()).add(row.getString("tag"));
				});
		return tags;
	}

	private record ThreadRow(String source, String externalId, String url, String title, String topic, String subtopic,
			Instant createdAt, Instant lastActivityAt, Integer replies, Integer boosts, Integer views,
			boolean excerpt) {

		ParsedThread toThread(List<String> tags, List<ParsedPost> posts) {
			return new ParsedThread(source, externalId, url, title, topic, subtopic, tags, createdAt, lastActivityAt,
					replies, boosts, views, posts, excerpt, (Provenance) null);
		}
	}

}
