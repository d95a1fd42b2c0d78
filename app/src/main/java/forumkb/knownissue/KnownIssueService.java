package forumkb.knownissue;

import forumkb.system.NotFoundException;
import forumkb.account.AuditLog;
import forumkb.thread.ThreadReader;
import forumkb.thread.ThreadView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing, linking and strengthening known issues; every change is audited. */
@Service
public class KnownIssueService {

	private static final int ASSIGNED_REPORTS_LEARNED = 20;

	private final KnownIssueStore store;

	private final ThreadReader threads;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Signatures signatures = new Signatures();

	KnownIssueService(KnownIssueStore store, ThreadReader threads, AuditLog audit, ApplicationEventPublisher events) {
		this.store = store;
		this.threads = threads;
		this.audit = audit;
		this.events = events;
	}

	public List<KnownIssue> all() {
		return store.all();
	}

	/**
	 * Texts of the reports engineers assigned to each known issue: they teach triage new
	 * wording.
	 */
	public Map<Long, List<String>> assignedReportTexts() {
		return store.assignedReportTexts(ASSIGNED_REPORTS_LEARNED);
	}

	public Optional<KnownIssue> find(long id) {
		return store.find(id);
	}

	@Transactional
	public KnownIssue create(KnownIssueDraft draft, String actor) {
		KnownIssueDraft valid = checked(draft);
		long id = store.insert(valid, actor);
		store.replaceCuratedSignature(id, valid.signature());
		store.link(id, valid.threadIds(), actor);
		audit.record(actor, "known-issue.create", "known-issue:" + id, valid.title());
		return changed(id);
	}

	@Transactional
	public KnownIssue update(long id, KnownIssueDraft draft, String actor) {
		KnownIssueDraft valid = checked(draft);
		if (!store.update(id, valid)) {
			throw new NotFoundException("no known issue " + id);
		}
		store.replaceCuratedSignature(id, valid.signature());
		store.link(id, valid.threadIds(), actor);
		audit.record(actor, "known-issue.update", "known-issue:" + id, valid.title() + " (" + valid.status() + ")");
		return changed(id);
	}

	/**
	 * Deleting archives: the known issue leaves the list, triage and the matcher, and
	 * {@link #restore} brings it back with its signature and links.
	 */
	@Transactional
	public void archive(long id, String actor) {
		if (!store.archive(id, actor)) {
			throw new NotFoundException("no known issue " + id);
		}
		audit.record(actor, "known-issue.archive", "known-issue:" + id, null);
		events.publishEvent(new KnownIssuesChanged(id));
	}

	@Transactional
	public KnownIssue restore(long id, String actor) {
		if (!store.restore(id)) {
			throw new NotFoundException("no archived known issue " + id);
		}
		audit.record(actor, "known-issue.restore", "known-issue:" + id, null);
		return changed(id);
	}

	/** Archived known issues, for engineers to restore. */
	public List<KnownIssue> archived() {
		return store.archived();
	}

	/** A known issue even when archived, for engineers' pages. */
	public Optional<KnownIssue> findAny(long id) {
		return store.findAny(id);
	}

	@Transactional
	public KnownIssue link(long id, long threadId, String actor) {
		require(id);
		if (!store.missingThreads(List.of(threadId)).isEmpty()) {
			throw new NotFoundException("no thread " + threadId);
		}
		store.link(id, List.of(threadId), actor);
		store.touch(id);
		audit.record(actor, "known-issue.link", "known-issue:" + id, "thread " + threadId);
		return changed(id);
	}

	@Transactional
	public KnownIssue unlink(long id, long threadId, String actor) {
		require(id);
		if (store.unlink(id, threadId)) {
			store.touch(id);
			audit.record(actor, "known-issue.unlink", "known-issue:" + id, "thread " + threadId);
		}
		return changed(id);
	}

	/**
	 * A confirmed report strengthens the signature with the entities it carried, so the
	 * next report that looks like it ranks this known issue higher.
	 */
	@Transactional
	public void strengthen(long id, String reportText, String actor) {
		require(id);
		List<KnownIssueDraft.Term> terms = signatures.of(reportText);
		store.strengthen(id, terms);
		store.touch(id);
		audit.record(actor, "known-issue.feedback", "known-issue:" + id,
				terms.stream().map(KnownIssueDraft.Term::value).collect(Collectors.joining(", ")));
		events.publishEvent(new KnownIssuesChanged(id));
	}

	/**
	 * "Make known issue from this thread": title, symptom, signature and the link
	 * pre-filled.
	 */
	public KnownIssueDraft draftFromThread(long threadId) {
		ThreadView thread = threads.find(threadId).orElseThrow(() -> new NotFoundException("no thread " + threadId));
		String question = thread.posts().isEmpty() ? "" : thread.posts().getFirst().body();
		String answer = thread.posts()
			.stream()
			.filter(ThreadView.PostView::accepted)
			.map(ThreadView.PostView::body)
			.findFirst()
			.orElse("");
		return draftFrom(thread.title(), question, answer, List.of(threadId));
	}

	/**
	 * A draft from a report's pasted text and description, for "create a known issue from
	 * this report".
	 */
	public KnownIssueDraft draftFromText(String title, String text) {
		return draftFrom(title, text, "", List.of());
	}

	private KnownIssueDraft draftFrom(String title, String symptom, String workaround, List<Long> threadIds) {
		String shortSymptom = symptom.length() > 2_000 ? symptom.substring(0, 2_000) + "…" : symptom;
		String shortTitle = title == null ? ""
				: title.length() > KnownIssueDraft.MAX_TITLE ? title.substring(0, KnownIssueDraft.MAX_TITLE) : title;
		return new KnownIssueDraft(shortTitle, shortSymptom, "",
				workaround.length() > 2_000 ? workaround.substring(0, 2_000) + "…" : workaround,
				KnownIssueStatus.OPEN.name(), null, List.of(), "", signatures.of(title + "\n" + symptom), threadIds);
	}

	private KnownIssueDraft checked(KnownIssueDraft draft) {
		KnownIssueDraft valid = draft.validated();
		List<Long> missing = store.missingThreads(valid.threadIds());
		if (!missing.isEmpty()) {
			throw new KnownIssueDraft.InvalidDraftException("no such threads: " + missing);
		}
		return valid;
	}

	private void require(long id) {
		if (store.find(id).isEmpty()) {
			throw new NotFoundException("no known issue " + id);
		}
	}

	private KnownIssue changed(long id) {
		events.publishEvent(new KnownIssuesChanged(id));
		return store.find(id).orElseThrow();
	}

}
