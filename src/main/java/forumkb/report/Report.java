package forumkb.report;

import forumkb.triage.Confidence;
import forumkb.triage.Suggestion;
import java.time.Instant;
import java.util.List;

/**
 * A report as the queue, its page and the API show it, with the suggestions stored when
 * it came in.
 */
public record Report(long id, String text, String description, String platform, String osVersion, String appType,
		ReportStatus status, Resolution resolution, Long knownIssueId, String knownIssueTitle, Long duplicateThreadId,
		List<String> frameworks, Long submittedBy, String submitterEmail, Instant submittedAt, String triagedBy,
		Instant triagedAt, List<StoredSuggestion> suggestions) {

	/** A suggestion as triage made it at submission. */
	public record StoredSuggestion(int rank, Suggestion.Type type, long targetId, String title, float score,
			Confidence confidence, String why) {

		public boolean knownIssue() {
			return type == Suggestion.Type.KNOWN_ISSUE;
		}
	}

	public String headline() {
		if (!description.isBlank()) {
			return description.length() > 120 ? description.substring(0, 120) + "…" : description;
		}
		String first = text.strip().lines().findFirst().orElse("");
		return first.length() > 120 ? first.substring(0, 120) + "…" : first;
	}
}
