package forumkb.knownissue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import forumkb.system.NotFoundException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/known-issues}: read for everyone who may read; engineers create, edit, link
 * and delete.
 */
@RestController
@Tag(name = "Known issues", description = "Curated problems with their symptoms and fixes")
@RequestMapping("/api/known-issues")
class KnownIssueController {

	private static final String KNOWN_ISSUE_ID = "The known issue's id";

	private static final String THREAD_ID = "The thread's id";

	private final KnownIssueService knownIssues;

	private final WeeklyActivity activity;

	KnownIssueController(KnownIssueService knownIssues, WeeklyActivity activity) {
		this.knownIssues = knownIssues;
		this.activity = activity;
	}

	@Operation(summary = "List known issues",
			description = "Every known issue with its symptoms and fix; engineers also see internal notes.")
	@GetMapping
	List<KnownIssue> list(Authentication viewer) {
		return knownIssues.all().stream().map(issue -> issue.shownTo(viewer)).toList();
	}

	@Operation(summary = "Read a known issue",
			description = "One known issue with its linked threads; engineers also see internal notes.")
	@GetMapping("/{id}")
	KnownIssue one(@Parameter(description = KNOWN_ISSUE_ID) @PathVariable long id, Authentication viewer) {
		return knownIssues.find(id).orElseThrow(() -> new NotFoundException("no known issue " + id)).shownTo(viewer);
	}

	/** Week by week, how many threads and reports matched it. */
	@Operation(summary = "Weekly activity of a known issue",
			description = "Week by week (ISO weeks, UTC), how many threads and reports matched it.")
	@GetMapping("/{id}/weekly")
	List<WeeklyActivity.Week> weekly(@Parameter(description = KNOWN_ISSUE_ID) @PathVariable long id) {
		one(id, null);
		return activity.of(id, LocalDate.now(ZoneOffset.UTC));
	}

	/** A pre-filled draft from a thread, to edit and POST. */
	@Operation(summary = "Draft a known issue from a thread",
			description = "A pre-filled draft (title, symptoms, codes) taken from a thread, to edit and POST. Engineers only.")
	@GetMapping("/draft")
	KnownIssueDraft draft(@Parameter(description = "The thread to draft from") @RequestParam long fromThread) {
		return knownIssues.draftFromThread(fromThread);
	}

	@Operation(summary = "Create a known issue",
			description = "Creates the known issue and answers 201 with its location. Engineers only.")
	@PostMapping
	ResponseEntity<KnownIssue> create(@RequestBody KnownIssueDraft draft, Principal user) {
		KnownIssue created = knownIssues.create(draft, user.getName());
		return ResponseEntity.created(URI.create("/api/known-issues/" + created.id())).body(created);
	}

	@Operation(summary = "Update a known issue",
			description = "Replaces the known issue's fields with the draft. Engineers only.")
	@PutMapping("/{id}")
	KnownIssue update(@Parameter(description = KNOWN_ISSUE_ID) @PathVariable long id,
			@RequestBody KnownIssueDraft draft, Principal user) {
		return knownIssues.update(id, draft, user.getName());
	}

	@Operation(summary = "Delete (archive) a known issue",
			description = "Archives the known issue: it leaves the list, triage and matching, keeping its signature and links for a restore; answers 204. Engineers only.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@Parameter(description = KNOWN_ISSUE_ID) @PathVariable long id, Principal user) {
		knownIssues.archive(id, user.getName());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Restore an archived known issue",
			description = "Undoes a delete: the known issue is back in the list, triage and matching, with its signature and links. Engineers only.")
	@PostMapping("/{id}/restore")
	KnownIssue restore(@Parameter(description = KNOWN_ISSUE_ID) @PathVariable long id, Principal user) {
		return knownIssues.restore(id, user.getName());
	}

	@Operation(summary = "Link a thread to a known issue",
			description = "Marks the thread as an occurrence of the known issue. Engineers only.")
	@PutMapping("/{id}/threads/{threadId}")
	KnownIssue link(@Parameter(description = KNOWN_ISSUE_ID) @PathVariable long id,
			@Parameter(description = THREAD_ID) @PathVariable long threadId, Principal user) {
		return knownIssues.link(id, threadId, user.getName());
	}

	@Operation(summary = "Unlink a thread from a known issue",
			description = "Removes the link between the thread and the known issue. Engineers only.")
	@DeleteMapping("/{id}/threads/{threadId}")
	KnownIssue unlink(@Parameter(description = KNOWN_ISSUE_ID) @PathVariable long id,
			@Parameter(description = THREAD_ID) @PathVariable long threadId, Principal user) {
		return knownIssues.unlink(id, threadId, user.getName());
	}

}
