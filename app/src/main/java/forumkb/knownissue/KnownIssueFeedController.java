package forumkb.knownissue;

import forumkb.web.AtomFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/known-issues/feed}: the known issues as an Atom feed, each as the reader
 * may see it.
 */
@RestController
@Tag(name = "Known issues", description = "Curated problems with their symptoms and fixes")
class KnownIssueFeedController {

	private final KnownIssueService knownIssues;

	KnownIssueFeedController(KnownIssueService knownIssues) {
		this.knownIssues = knownIssues;
	}

	@Operation(summary = "Follow the known issues as an Atom feed",
			description = "Every known issue as an Atom entry, most recently updated first: its title and status, "
					+ "symptom and workaround, linking to its page.")
	@GetMapping("/api/known-issues/feed")
	ResponseEntity<String> feed(Authentication viewer) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		List<AtomFeed.Entry> entries = knownIssues.all()
			.stream()
			.map(issue -> issue.shownTo(viewer))
			.sorted((a, b) -> b.updatedAt().compareTo(a.updatedAt()))
			.map(issue -> new AtomFeed.Entry(base + "/known-issues/" + issue.id(),
					issue.title() + " (" + issue.statusLabel() + ")", issue.updatedAt(), summary(issue)))
			.toList();
		return AtomFeed.of(base + "/api/known-issues/feed", "forumkb: known issues", base + "/known-issues", entries)
			.response();
	}

	private static String summary(KnownIssue issue) {
		String symptom = issue.symptom() == null ? "" : issue.symptom().strip();
		String workaround = issue.workaround() == null || issue.workaround().isBlank() ? ""
				: "\n\nWorkaround: " + issue.workaround().strip();
		return symptom + workaround;
	}

}
