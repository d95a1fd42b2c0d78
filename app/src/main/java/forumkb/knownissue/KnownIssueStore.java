package forumkb.knownissue;

import forumkb.system.Sql;
import forumkb.thread.ThreadHeading;
import forumkb.thread.ThreadReader;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Known issues, their signatures and linked threads in PostgreSQL. */
@Repository
class KnownIssueStore {

	private static final String COLUMNS = "k.id, k.title, k.symptom, k.root_cause, k.workaround, k.status, k.fixed_in,"
			+ " k.platforms, k.versions, k.created_by, k.created_at, k.updated_at, k.archived_at, k.archived_by";

	private final JdbcTemplate jdbc;

	private final ThreadReader threads;

	KnownIssueStore(JdbcTemplate jdbc, ThreadReader threads) {
		this.jdbc = jdbc;
		this.threads = threads;
	}

	long insert(KnownIssueDraft draft, String actor) {
		return jdbc.queryForObject("""
				insert into known_issue (title, symptom, root_cause, workaround, status, fixed_in, platforms, versions,
				                         created_by)
				values (?, ?, ?, ?, ?, ?, string_to_array(?, chr(10)), ?, ?) returning id""", Long.class, draft.title(),
				draft.symptom(), draft.rootCause(), draft.workaround(), draft.status(), draft.fixedIn(),
				String.join("\n", draft.platforms()), draft.versions(), actor);
	}

	boolean update(long id, KnownIssueDraft draft) {
		return jdbc.update("""
				update known_issue set title = ?, symptom = ?, root_cause = ?, workaround = ?, status = ?, fixed_in = ?,
				       platforms = string_to_array(?, chr(10)), versions = ?, updated_at = now()
				where id = ?""", draft.title(), draft.symptom(), draft.rootCause(), draft.workaround(), draft.status(),
				draft.fixedIn(), String.join("\n", draft.platforms()), draft.versions(), id) == 1;
	}

	boolean archive(long id, String actor) {
		return jdbc.update(
				"update known_issue set archived_at = now(), archived_by = ? where id = ? and archived_at is null",
				actor, id) == 1;
	}

	boolean restore(long id) {
		return jdbc.update("""
				update known_issue set archived_at = null, archived_by = null, updated_at = now()
				where id = ? and archived_at is not null""", id) == 1;
	}

	void touch(long id) {
		jdbc.update("update known_issue set updated_at = now() where id = ?", id);
	}

	void replaceCuratedSignature(long id, List<KnownIssueDraft.Term> terms) {
		jdbc.update("delete from known_issue_signature where known_issue_id = ? and origin = 'CURATED'", id);
		jdbc.batchUpdate("""
				insert into known_issue_signature (known_issue_id, kind, value, origin) values (?, ?, ?, 'CURATED')
				on conflict do nothing""",
				terms.stream().map(term -> new Object[] { id, term.kind(), term.value() }).toList());
	}

	/** Each confirmation adds one to the weight of the terms it brought. */
	void strengthen(long id, List<KnownIssueDraft.Term> terms) {
		jdbc.batchUpdate("""
				insert into known_issue_signature (known_issue_id, kind, value, origin) values (?, ?, ?, 'FEEDBACK')
				on conflict (known_issue_id, kind, value, origin)
				do update set weight = known_issue_signature.weight + 1""",
				terms.stream().map(term -> new Object[] { id, term.kind(), term.value() }).toList());
	}

	/**
	 * Links threads the caller found existing ({@link #missingThreads}); returns how many
	 * were new.
	 */
	int link(long id, List<Long> threadIds, String actor) {
		if (threadIds.isEmpty()) {
			return 0;
		}
		return jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("""
					insert into known_issue_thread (known_issue_id, thread_id, linked_by)
					select ?, thread_id, ? from unnest(?) thread_id on conflict do nothing""");
			insert.setLong(1, id);
			insert.setString(2, actor);
			insert.setArray(3, connection.createArrayOf("bigint", threadIds.toArray()));
			return insert;
		});
	}

	boolean unlink(long id, long threadId) {
		return jdbc.update("delete from known_issue_thread where known_issue_id = ? and thread_id = ?", id,
				threadId) == 1;
	}

	List<Long> missingThreads(List<Long> threadIds) {
		if (threadIds.isEmpty()) {
			return List.of();
		}
		Set<Long> found = threads.existing(threadIds);
		return threadIds.stream().filter(id -> !found.contains(id)).toList();
	}

	/**
	 * The words of reports engineers assigned to each known issue, newest first, a few
	 * per issue.
	 */
	Map<Long, List<String>> assignedReportTexts(int perIssue) {
		Map<Long, List<String>> texts = new LinkedHashMap<>();
		jdbc.query("""
				select known_issue_id, description || chr(10) || text from (
				    select r.*, row_number() over (partition by known_issue_id order by triaged_at desc) n
				    from report r where known_issue_id is not null
				    and resolution in ('CONFIRMED', 'OTHER_KNOWN_ISSUE', 'NEW_KNOWN_ISSUE')) ranked
				where n <= ?""", row -> {
			texts.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
		}, perIssue);
		return texts;
	}

	/** A known issue that is not archived. */
	Optional<KnownIssue> find(long id) {
		return load("where k.id = ? and k.archived_at is null", id).stream().findFirst();
	}

	/** A known issue, archived or not. */
	Optional<KnownIssue> findAny(long id) {
		return load("where k.id = ?", id).stream().findFirst();
	}

	List<KnownIssue> all() {
		return load("where k.archived_at is null");
	}

	/** Archived known issues, most recently archived first. */
	List<KnownIssue> archived() {
		return load("where k.archived_at is not null").stream()
			.sorted(Comparator.comparing(KnownIssue::archivedAt).reversed())
			.toList();
	}

	private List<KnownIssue> load(String where, Object... args) {
		Map<Long, Row> rows = new LinkedHashMap<>();
		jdbc.query("select " + COLUMNS + " from known_issue k " + where + " order by k.updated_at desc, k.id desc",
				row -> {
					rows.put(row.getLong("id"), new Row(row));
				}, args);
		if (rows.isEmpty()) {
			return List.of();
		}
		Object[] ids = rows.keySet().toArray();
		jdbc.query(Sql.withArray("""
				select known_issue_id, kind, value, origin, weight from known_issue_signature
				where known_issue_id = any(?) order by origin, id""", "bigint", ids), row -> {
			rows.get(row.getLong(1)).signature.add(new SignatureTerm(row.getString(2), row.getString(3),
					SignatureTerm.Origin.valueOf(row.getString(4)), row.getFloat(5)));
		});
		Map<Long, List<Long>> linked = new LinkedHashMap<>();
		jdbc.query(Sql.withArray("""
				select known_issue_id, thread_id from known_issue_thread
				where known_issue_id = any(?) order by linked_at, thread_id""", "bigint", ids), row -> {
			linked.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getLong(2));
		});
		Map<Long, ThreadHeading> headings = threads
			.headings(linked.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
		linked.forEach((issueId, threadIds) -> threadIds.stream()
			.map(headings::get)
			.forEach(heading -> rows.get(issueId).threads
				.add(new KnownIssue.LinkedThread(heading.id(), heading.title(), heading.url()))));
		return rows.values().stream().map(Row::issue).toList();
	}

	/** A known_issue row while its signature and threads are gathered. */
	private static final class Row {

		private final KnownIssue head;

		private final List<SignatureTerm> signature = new ArrayList<>();

		private final List<KnownIssue.LinkedThread> threads = new ArrayList<>();

		Row(ResultSet row) throws SQLException {
			head = new KnownIssue(row.getLong("id"), row.getString("title"), row.getString("symptom"),
					row.getString("root_cause"), row.getString("workaround"),
					KnownIssueStatus.valueOf(row.getString("status")), row.getString("fixed_in"),
					strings(row.getArray("platforms")), row.getString("versions"), row.getString("created_by"),
					Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), List.of(), List.of(),
					Sql.instant(row, "archived_at"), row.getString("archived_by"));
		}

		KnownIssue issue() {
			return new KnownIssue(head.id(), head.title(), head.symptom(), head.rootCause(), head.workaround(),
					head.status(), head.fixedIn(), head.platforms(), head.versions(), head.createdBy(),
					head.createdAt(), head.updatedAt(), List.copyOf(signature), List.copyOf(threads), head.archivedAt(),
					head.archivedBy());
		}

		private static List<String> strings(Array array) throws SQLException {
			return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
		}

	}

}
