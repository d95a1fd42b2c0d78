package forumkb.report;

import forumkb.account.AccountService;
import forumkb.report.ReportService.KnownIssueGain;
import forumkb.knownissue.KnownIssueService;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports and their stored suggestions in PostgreSQL. The known issues' titles and the
 * people's emails a report shows come from their owners, once for a whole list.
 */
@Repository
class ReportStore {

	private static final String SELECT = "select r.* from report r ";

	private static final int QUEUE_PAGE = 200;

	private static final Pattern REPORT_NUMBER = Pattern.compile("#\\d{1,18}");

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ThreadReader threads;

	private final KnownIssueService knownIssues;

	private final AccountService accounts;

	ReportStore(JdbcTemplate jdbc, ThreadReader threads, KnownIssueService knownIssues, AccountService accounts) {
		this.threads = threads;
		this.jdbc = jdbc;
		this.knownIssues = knownIssues;
		this.accounts = accounts;
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
			return withDetails(report, Names.of(report), report.suggestions(), comments);
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
		return accounts.find(email)
			.map(account -> load(
					"where r.submitted_by = ? order by " + ReportFilter.Order.NEWEST.sql() + " limit " + QUEUE_PAGE,
					List.<Object>of(account.getId())))
			.orElse(List.of());
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
		if (order == ReportFilter.Order.ASSIGNEE) {
			args.add(assigneesByEmail());
		}
		return load(where + " order by " + order.sql() + " limit " + QUEUE_PAGE, args);
	}

	/** The ids of the accounts reports are assigned to, ordered by email, as an array. */
	private String assigneesByEmail() {
		List<Long> assignees = jdbc
			.queryForList("select distinct assigned_to from report where assigned_to is not null", Long.class);
		Map<Long, String> emails = accounts.emails(assignees);
		return assignees.stream()
			.sorted(Comparator.comparing(id -> emails.getOrDefault(id, ""), Comparator.naturalOrder()))
			.map(String::valueOf)
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * A report is of interest when it names a framework followed, or its known issue
	 * (chosen or suggested) is.
	 */
	private static final String INTERESTING = """
			(? or exists (select 1 from unnest(r.frameworks) f where lower(f) = any(?))
			 or r.known_issue_id = any(?)
			 or exists (select 1 from report_suggestion s where s.report_id = r.id and s.type = 'known-issue'
			            and s.confidence in ('HIGH', 'MEDIUM') and s.target_id = any(?)))
			""";

	private static List<Object> interestArguments(ReportInterest interest) {
		return List.of(interest.all(), interest.frameworks().toArray(String[]::new),
				interest.knownIssueIds().toArray(Long[]::new), interest.knownIssueIds().toArray(Long[]::new));
	}

	/** Reports of interest submitted in [from, to), newest first. */
	List<Report> submitted(ReportInterest interest, Instant from, Instant to, int limit) {
		List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		args.addAll(interestArguments(interest));
		return load("where r.submitted_at >= ? and r.submitted_at < ? and " + INTERESTING + " order by "
				+ ReportFilter.Order.NEWEST.sql() + " limit " + limit, args);
	}

	/**
	 * Reports submitted in [from, to) that a known issue gained: filed under it, or for
	 * which triage suggested it with high or medium confidence; each pair once.
	 */
	List<KnownIssueGain> knownIssueGains(ReportInterest interest, Instant from, Instant to) {
		List<Object> args = new ArrayList<>(interestArguments(interest));
		args.addAll(List.of(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to)));
		return jdbc.query("""
				select g.known_issue_id, g.report_id, exists (select 1 from report r where r.id = g.report_id and %s)
				from (select r.known_issue_id, r.id as report_id from report r
				      where r.known_issue_id is not null and r.submitted_at >= ? and r.submitted_at < ?
				      union
				      select s.target_id, r.id from report_suggestion s join report r on r.id = s.report_id
				      where s.type = 'known-issue' and s.confidence in ('HIGH', 'MEDIUM')
				        and r.submitted_at >= ? and r.submitted_at < ?) g
				""".formatted(INTERESTING),
				(row, n) -> new KnownIssueGain(row.getLong(1), row.getLong(2), row.getBoolean(3)), args.toArray());
	}

	/** Frameworks reports mention, for the queue's filter. */
	List<String> frameworks() {
		return jdbc.queryForList("select distinct unnest(frameworks) f from report order by f", String.class);
	}

	private List<Report> load(String where, List<Object> args) {
		Map<Long, Report> reports = new LinkedHashMap<>();
		Map<Long, Long> assignedTo = new HashMap<>();
		jdbc.query(SELECT + where, row -> {
			reports.put(row.getLong("id"), report(row));
			Long assignee = row.getObject("assigned_to", Long.class);
			if (assignee != null) {
				assignedTo.put(row.getLong("id"), assignee);
			}
		}, args.toArray());
		if (reports.isEmpty()) {
			return List.of();
		}
		Map<Long, String> titles = new HashMap<>();
		knownIssues.byIds(reports.values().stream().map(Report::knownIssueId).filter(Objects::nonNull).toList())
			.forEach((issueId, issue) -> titles.put(issueId, issue.title()));
		Set<Long> people = new HashSet<>(assignedTo.values());
		reports.values().stream().map(Report::submittedBy).filter(Objects::nonNull).forEach(people::add);
		Map<Long, String> emails = accounts.emails(people);
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
			.forEach((id,
					report) -> all.add(withDetails(report,
							new Names(titles.get(report.knownIssueId()), emails.get(report.submittedBy()),
									emails.get(assignedTo.get(id))),
							suggestions.getOrDefault(id, List.of()), List.of())));
		return all;
	}

	/** A report row; the known issue's title and the people's emails are added after. */
	private static Report report(ResultSet row) throws SQLException {
		String resolution = row.getString("resolution");
		java.sql.Array frameworks = row.getArray("frameworks");
		return new Report(row.getLong("id"), row.getString("text"), row.getString("description"),
				row.getString("platform"), row.getString("os_version"), row.getString("app_type"),
				ReportStatus.valueOf(row.getString("status")),
				resolution == null ? null : Resolution.valueOf(resolution), row.getObject("known_issue_id", Long.class),
				null, row.getObject("duplicate_thread_id", Long.class),
				frameworks == null ? List.of() : Arrays.asList((String[]) frameworks.getArray()),
				row.getObject("submitted_by", Long.class), null, Sql.instant(row, "submitted_at"),
				row.getString("triaged_by"), Sql.instant(row, "triaged_at"), List.of(), null, List.of());
	}

	private static Report withDetails(Report r, Names names, List<Report.StoredSuggestion> suggestions,
			List<Report.Comment> comments) {
		return new Report(r.id(), r.text(), r.description(), r.platform(), r.osVersion(), r.appType(), r.status(),
				r.resolution(), r.knownIssueId(), names.knownIssueTitle(), r.duplicateThreadId(), r.frameworks(),
				r.submittedBy(), names.submitterEmail(), r.submittedAt(), r.triagedBy(), r.triagedAt(),
				List.copyOf(suggestions), names.assignee(), List.copyOf(comments));
	}

	/** What a report shows of the known issue and the people it refers to by id. */
	private record Names(String knownIssueTitle, String submitterEmail, String assignee) {

		static Names of(Report report) {
			return new Names(report.knownIssueTitle(), report.submitterEmail(), report.assignee());
		}
	}

}
