package forumkb.knownissue;

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

/** {@code /api/known-issues}: read for everyone who may read; engineers create, edit, link and delete. */
@RestController
@RequestMapping("/api/known-issues")
class KnownIssueController {

    private final KnownIssueService knownIssues;
    private final WeeklyActivity activity;

    KnownIssueController(KnownIssueService knownIssues, WeeklyActivity activity) {
        this.knownIssues = knownIssues;
        this.activity = activity;
    }

    @GetMapping
    List<KnownIssue> list(Authentication viewer) {
        return knownIssues.all().stream().map(issue -> issue.shownTo(viewer)).toList();
    }

    @GetMapping("/{id}")
    KnownIssue one(@PathVariable long id, Authentication viewer) {
        return knownIssues.find(id).orElseThrow(() -> new NotFoundException("no known issue " + id))
                .shownTo(viewer);
    }

    /** Week by week, how many threads and reports matched it. */
    @GetMapping("/{id}/weekly")
    List<WeeklyActivity.Week> weekly(@PathVariable long id) {
        one(id, null);
        return activity.of(id, LocalDate.now(ZoneOffset.UTC));
    }

    /** A pre-filled draft from a thread, to edit and POST. */
    @GetMapping("/draft")
    KnownIssueDraft draft(@RequestParam long fromThread) {
        return knownIssues.draftFromThread(fromThread);
    }

    @PostMapping
    ResponseEntity<KnownIssue> create(@RequestBody KnownIssueDraft draft, Principal user) {
        KnownIssue created = knownIssues.create(draft, user.getName());
        return ResponseEntity.created(URI.create("/api/known-issues/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    KnownIssue update(@PathVariable long id, @RequestBody KnownIssueDraft draft, Principal user) {
        return knownIssues.update(id, draft, user.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal user) {
        knownIssues.delete(id, user.getName());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/threads/{threadId}")
    KnownIssue link(@PathVariable long id, @PathVariable long threadId, Principal user) {
        return knownIssues.link(id, threadId, user.getName());
    }

    @DeleteMapping("/{id}/threads/{threadId}")
    KnownIssue unlink(@PathVariable long id, @PathVariable long threadId, Principal user) {
        return knownIssues.unlink(id, threadId, user.getName());
    }
}
