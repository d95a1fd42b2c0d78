package forumkb.report;

import forumkb.system.BadRequestException;
import forumkb.system.NotFoundException;
import forumkb.account.Account;
import forumkb.account.AccountService;
import forumkb.account.AuditLog;
import forumkb.account.Role;
import forumkb.knownissue.KnownIssue;
import forumkb.knownissue.KnownIssueDraft;
import forumkb.knownissue.KnownIssueService;
import forumkb.triage.TriageResult;
import forumkb.triage.TriageService;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting reports (triaged on the way in, suggestions stored) and working them:
 * confirm a suggestion, pick another known issue, mark a duplicate thread, create a known
 * issue, close. Confirmations feed the known issue's signature. Developers see their own
 * reports; engineers all.
 */
@Service
public class ReportService {

	static final int STORED_SUGGESTIONS = 5;

	static final int MAX_COMMENT = 5_000;

	private final ReportStore store;

	private final TriageService triage;

	private final KnownIssueService knownIssues;

	private final AccountService accounts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ReportService(ReportStore store, TriageService triage, KnownIssueService knownIssues, AccountService accounts,
			AuditLog audit, ApplicationEventPublisher events) {
		this.store = store;
		this.triage = triage;
		this.knownIssues = knownIssues;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * What the engineer decided; {@code knownIssueId} or {@code threadId} as the action
	 * needs.
	 */
	public record Decision(String action, Long knownIssueId, Long threadId, String title) {
	}

	@Transactional
	public Report submit(ReportDraft draft, Authentication user) {
		ReportDraft valid = draft.validated(TriageService.MAX_TEXT);
		TriageResult result = triage.triage(valid.triageText(), Role.staff(user));
		List<String> frameworks = result.entities()
			.stream()
			.filter(chip -> chip.kind().equals("framework"))
			.map(TriageResult.Entity::value)
			.distinct()
			.toList();
		Long submitter = accounts.find(user.getName()).map(Account::getId).orElse(null);
		long id = store.insert(valid, frameworks, submitter);
		store.insertSuggestions(id, result.ranked().stream().limit(STORED_SUGGESTIONS).toList());
		audit.record(user.getName(), "report.submit", "report:" + id, result.verdict());
		return store.find(id).orElseThrow();
	}

	public Report find(long id, Authentication user) {
		Report report = store.find(id).orElseThrow(() -> new NotFoundException("no report " + id));
		if (!Role.staff(user) && (report.submitterEmail() == null || !report.submitterEmail().equals(user.getName()))) {
			throw new NotFoundException("no report " + id);
		}
		return report;
	}

	/** The user's own reports, newest first. */
	public List<Report> mine(Authentication user) {
		return store.submittedBy(user.getName());
	}

	/**
	 * Filters are checked here, so a bad one is the caller's 400 and not a data-access
	 * failure.
	 */
	public List<Report> queue(ReportFilter filter) {
		Instant[] window = filter.window(Instant.now());
		return store.list(filter.statusValue(), filter.knownIssueId(), filter.framework(), window[0], window[1],
				filter.q(), filter.order());
	}

	/**
	 * Reports of interest submitted in [from, to), newest first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<Report> submitted(ReportInterest interest, Instant from, Instant to, int limit) {
		return store.submitted(interest, from, to, limit);
	}

	/**
	 * A report a known issue gained: filed under it, or triage suggested it with high or
	 * medium confidence; {@code ofInterest}: the report is of the interest asked about.
	 */
	public record KnownIssueGain(long knownIssueId, long reportId, boolean ofInterest) {
	}

	/** The reports submitted in [from, to) that known issues gained, each pair once. */
	@Transactional(readOnly = true)
	public List<KnownIssueGain> knownIssueGains(ReportInterest interest, Instant from, Instant to) {
		return store.knownIssueGains(interest, from, to);
	}

	public List<String> frameworks() {
		return store.frameworks();
	}

	@Transactional
	public Report decide(long id, Decision decision, Authentication user) {
		if (!Role.staff(user)) {
			throw new AccessDeniedException("only engineers triage reports");
		}
		Report report = store.find(id).orElseThrow(() -> new NotFoundException("no report " + id));
		String actor = user.getName();
		String action = decision.action() == null ? "" : decision.action().strip().toLowerCase(Locale.ROOT);
		switch (action) {
			case "confirm" -> {
				long knownIssue = required(decision.knownIssueId(), "confirm needs the knownIssueId of a suggestion");
				if (report.suggestions().stream().noneMatch(s -> s.knownIssue() && s.targetId() == knownIssue)) {
					throw new BadRequestException("known issue " + knownIssue
							+ " was not suggested for this report: use \"other-known-issue\"");
				}
				assign(report, Resolution.CONFIRMED, knownIssue, actor);
			}
			case "other-known-issue" -> assign(report, Resolution.OTHER_KNOWN_ISSUE,
					required(decision.knownIssueId(), "other-known-issue needs a knownIssueId"), actor);
			case "duplicate-thread" -> {
				long thread = required(decision.threadId(), "duplicate-thread needs a threadId");
				if (!store.threadExists(thread)) {
					throw new NotFoundException("no thread " + thread);
				}
				store.resolve(id, Resolution.DUPLICATE_THREAD, null, thread, actor);
			}
			case "new-known-issue" -> {
				String title = decision.title() == null || decision.title().isBlank() ? report.title()
						: decision.title();
				KnownIssueDraft draft = knownIssues.draftFromText(title, report.text());
				KnownIssue created = knownIssues.create(draft, actor);
				store.resolve(id, Resolution.NEW_KNOWN_ISSUE, created.id(), null, actor);
			}
			case "close" -> store.close(id, actor);
			default -> throw new BadRequestException("unknown action \"" + decision.action()
					+ "\": use confirm, other-known-issue, duplicate-thread, new-known-issue or close");
		}
		audit.record(actor, "report." + action, "report:" + id,
				decision.knownIssueId() != null ? "known-issue:" + decision.knownIssueId()
						: decision.threadId() != null ? "thread:" + decision.threadId() : null);
		Report decided = store.find(id).orElseThrow();
		events.publishEvent(new ReportDecided(decided, actor));
		return decided;
	}

	/**
	 * Gives the report to an engineer or admin to work, or to nobody with a blank
	 * {@code assignee}. Engineers only.
	 */
	@Transactional
	public Report assign(long id, String assignee, Authentication user) {
		if (!Role.staff(user)) {
			throw new AccessDeniedException("only engineers assign reports");
		}
		Report report = store.find(id).orElseThrow(() -> new NotFoundException("no report " + id));
		Long accountId = null;
		if (assignee != null && !assignee.isBlank()) {
			Account account = accounts.find(assignee.strip())
				.filter(a -> a.getRole() != Role.DEVELOPER)
				.orElseThrow(() -> new BadRequestException(
						"\"" + assignee.strip() + "\" is not an engineer's or admin's email"));
			accountId = account.getId();
		}
		store.assign(report.id(), accountId);
		audit.record(user.getName(), "report.assign", "report:" + id, accountId == null ? null : assignee.strip());
		Report assigned = store.find(id).orElseThrow();
		// Like GitHub: the new assignee hears of it, unless they took the report
		// themselves.
		if (assigned.assignee() != null && !assigned.assignee().equalsIgnoreCase(report.assignee())
				&& !assigned.assignee().equalsIgnoreCase(user.getName())) {
			events.publishEvent(new ReportAssigned(assigned, user.getName()));
		}
		return assigned;
	}

	/** Engineers comment on any report, a developer on their own. */
	@Transactional
	public Report comment(long id, String text, Authentication user) {
		Report report = find(id, user);
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty()) {
			throw new BadRequestException("a comment needs some text");
		}
		if (clean.length() > MAX_COMMENT) {
			throw new BadRequestException("a comment is longer than " + MAX_COMMENT + " characters");
		}
		store.comment(report.id(), user.getName(), clean);
		audit.record(user.getName(), "report.comment", "report:" + id, null);
		return store.find(id).orElseThrow();
	}

	/** Who may be given reports to work: engineers and admins. */
	public List<String> assignees() {
		return accounts.all()
			.stream()
			.filter(a -> a.getRole() != Role.DEVELOPER && a.isEnabled())
			.map(Account::getEmail)
			.toList();
	}

	/**
	 * The report now belongs to the known issue, and its text strengthens that issue's
	 * signature.
	 */
	private void assign(Report report, Resolution resolution, long knownIssueId, String actor) {
		if (knownIssues.find(knownIssueId).isEmpty()) {
			throw new NotFoundException("no known issue " + knownIssueId);
		}
		store.resolve(report.id(), resolution, knownIssueId, null, actor);
		knownIssues.strengthen(knownIssueId, report.text(), actor);
	}

	private static long required(Long value, String message) {
		if (value == null) {
			throw new BadRequestException(message);
		}
		return value;
	}

}
