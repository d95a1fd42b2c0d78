package forumkb.report;

import forumkb.system.Sql;
import forumkb.thread.ThreadReader;
import forumkb.triage.Confidence;
import forumkb.triage.Suggestion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reports and their stored suggestions in PostgreSQL. */
@Repository
class ReportStore {

	private static final String SELECT = """
			select r.*, k.title as known_issue_title, u.email as submitter_email, a.email as assignee
			from report r left join known_issue k on k.id = r.known_issue_id left join app_user u on u.id = r.submitted_by
			     left join app_user a on a.id = r.assigned_to
			""";

	private static final int QUEUE_PAGE = 200;

	private static final Pattern REPORT_NUMBER = Pattern.compile("#\\d{1,18}");

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ThreadReader threads;

	ReportStore(JdbcTemplate jdbc, ThreadReader threads) {
		this.threads = threads;
		this.jdbc = jdbc;
	}

	long insert(ReportDraft draft, List<String> frameworks, Long submitter) {
		return jdbc.queryForObject("""
				insert into report (text, description, platform, os_version, app_type, frameworks, submitted_by)
				values (?, ?, ?, ?, ?, string_to_array(?, chr(10)), ?) returning id""", Long.class, draft.text(),
				draft.description(), draft.platform(), draft.osVersion(), draft.appType(),
				String.join("\n", frameworks), submitter);
	}

	void insertSuggestions(long reportId, List<Suggestion> suggestions) {
		List<Object[]> rows = new ArrayList<>();
		for (int rank = 0; rank < suggestions.size(); rank++) {
			Suggestion s = suggestions.get(rank);
			rows.add(new Object[] { reportId, rank + 1, s.type().wireName(), s.id(), s.title() == null ? "" : s.title(),
					s.score(), s.confidence().name(),
					json.writeValueAsString(Map.of("why", s.why(), "matched", s.matched())) });
		}
		jdbc.batchUpdate("""
				insert into report_suggestion (report_id, rank, type, target_id, title, score, confidence, explanation)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", rows);
	}

	boolean resolve(long id, Resolution resolution, Long knownIssueId, Long threadId, String actor) {
		return jdbc.update("""
				update report set status = 'TRIAGED', resolution = ?, known_issue_id = ?, duplicate_thread_id = ?,
				       triaged_by = ?, triaged_at = now()
				where id = ?""", resolution.name(), knownIssueId, threadId, actor, id) == 1;
	}

	boolean close(long id, String actor) {
		return jdbc.update(
				"""
						update report set status = 'CLOSED', triaged_by = coalesce(triaged_by, ?), triaged_at = coalesce(triaged_at, now())
						where id = ?""",
				actor, id) == 1;
	}

	boolean threadExists(long threadId) {
		return !threads.existing(List.of(threadId)).isEmpty();
	}

	/** The report with its comments. */
	Optional<Report> find(long id) {
		return load("where r.id = ?", List.of(id)).stream().findFirst().map(report -> {
			List<Report.Comment> comments = jdbc.query(
					"select id, author, body, created_at from report_comment where report_id = ? order by id",
					(row, n) -> new Report.Comment(row.getLong(1), row.getString(2), row.getString(3),
							Sql.instant(row, "created_at")),
					id);
			return withDetails(report, report.suggestions(), comments);
		});
	}

	boolean assign(long id, Long accountId) {
		return jdbc.update("update report set assigned_to = ? where id = ?", accountId, id) == 1;
	}

	void comment(long id, String author, String text) {
		jdbc.update("insert into report_comment (report_id, author, body) values (?, ?, ?)", id, author, text);
	}

	/** A user's reports by their email, newest first. */
	List<Report> submittedBy(String email) {
		return load("where u.email = ? order by " + ReportFilter.Order.NEWEST.sql() + " limit " + QUEUE_PAGE,
				List.of(email));
	}

	/**
	 * The queue in the order given; null arguments do not filter; {@code text} is found
	 * in the description or the pasted text, or as {@code #12} is the report's number.
	 */
	List<Report> list(ReportStatus status, Long knownIssueId, String framework, Instant from, Instant to, String text,
			ReportFilter.Order order) {
		StringBuilder where = new StringBuilder("where true");
		List<Object> args = new ArrayList<>();
		if (status != null) {
			where.append(" and r.status = ?");
			args.add(status.name());
		}
		if (knownIssueId != null) {
			where.append(" and r.known_issue_id = ?");
			args.add(knownIssueId);
		}
		if (framework != null && !framework.isBlank()) {
			where.append(" and lower(?) = any(select lower(f) from unnest(r.frameworks) f)");
			args.add(framework.strip());
		}
		if (from != null) {
			where.append(" and r.submitted_at >= ?");
			args.add(Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and r.submitted_at < ?");
			args.add(Timestamp.from(to));
		}
		if (text != null && !text.isBlank()) {
			String needle = text.strip();
			if (REPORT_NUMBER.matcher(needle).matches()) {
				where.append(" and r.id = ?");
				args.add(Long.parseLong(needle.substring(1)));
			}
			else {
				where
					.append(" and (strpos(lower(r.description), lower(?)) > 0 or strpos(lower(r.text), lower(?)) > 0)");
				args.addAll(List.of(needle, needle));
			}
		}
		return load(where + " order by " + order.sql() + " limit " + QUEUE_PAGE, args);
	}

	/** Frameworks reports mention, for the queue's filter. */
	List<String> frameworks() {
		return jdbc.queryForList("select distinct unnest(frameworks) f from report order by f", String.class);
	}

	private List<Report> load(String where, List<Object> args) {
		Map<Long, Report> reports = new LinkedHashMap<>();
		jdbc.query(SELECT + where, row -> {
			reports.put(row.getLong("id"), report(row, List.of()));
		}, args.toArray());
		if (reports.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Report.StoredSuggestion>> suggestions = new LinkedHashMap<>();
		jdbc.query(Sql.withArray("""
				select report_id, rank, type, target_id, title, score, confidence, explanation ->> 'why'
				from report_suggestion where report_id = any(?) order by report_id, rank""", "bigint",
				reports.keySet().toArray()), row -> {
					suggestions.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
						.add(new Report.StoredSuggestion(row.getInt(2), Suggestion.Type.fromWire(row.getString(3)),
								row.getLong(4), row.getString(5), row.getFloat(6), Confidence.valueOf(row.getString(7)),
								row.getString(8)));
				});
		List<Report> all = new ArrayList<>();
		reports
			.forEach((id, report) -> all.add(withDetails(report, suggestions.getOrDefault(id, List.of()), List.of())));
		return all;
	}

	private static Report report(ResultSet row, List<Report.StoredSuggestion> suggestions) throws SQLException {
		String resolution = row.getString("resolution");
		java.sql.Array frameworks = row.getArray("frameworks");
		return new Report(row.getLong("id"), row.getString("text"), row.getString("description"),
				row.getString("platform"), row.getString("os_version"), row.getString("app_type"),
				ReportStatus.valueOf(row.getString("status")),
				resolution == null ? null : Resolution.valueOf(resolution), row.getObject("known_issue_id", Long.class),
				row.getString("known_issue_title"), row.getObject("duplicate_thread_id", Long.class),
				frameworks == null ? List.of() : Arrays.asList((String[]) frameworks.getArray()),
				row.getObject("submitted_by", Long.class), row.getString("submitter_email"),
				Sql.instant(row, "submitted_at"), row.getString("triaged_by"), Sql.instant(row, "triaged_at"),
				suggestions, row.getString("assignee"), List.of());
	}

	private static Report withDetails(Report r, List<Report.StoredSuggestion> suggestions,
			List<Report.Comment> comments) {
		return new Report(r.id(), r.text(), r.description(), r.platform(), r.osVersion(), r.appType(), r.status(),
				r.resolution(), r.knownIssueId(), r.knownIssueTitle(), r.duplicateThreadId(), r.frameworks(),
				r.submittedBy(), r.submitterEmail(), r.submittedAt(), r.triagedBy(), r.triagedAt(),
				List.copyOf(suggestions), r.assignee(), List.copyOf(comments));
	}

}
