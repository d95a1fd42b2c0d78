package forumkb.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import forumkb.triage.Confidence;
import forumkb.triage.Suggestion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report as the queue, its page and the API show it, with the suggestions stored when
 * it came in.
 */
public record Report(long id, String text, String description, String platform, String osVersion, String appType,
		ReportStatus status, Resolution resolution, Long knownIssueId, String knownIssueTitle, Long duplicateThreadId,
		List<String> frameworks, Long submittedBy, String submitterEmail, Instant submittedAt, String triagedBy,
		Instant triagedAt, List<StoredSuggestion> suggestions, String assignee, List<Comment> comments) {

	static final int TITLE_LENGTH = 100;

	/** A sentence ends at . ! or ? before a space, so "v1.2" does not end one. */
	private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s)");

	/** A suggestion as triage made it at submission. */
	public record StoredSuggestion(int rank, Suggestion.Type type, long targetId, String title, float score,
			Confidence confidence, String why) {

		public boolean knownIssue() {
			return type == Suggestion.Type.KNOWN_ISSUE;
		}
	}

	/** A comment on the report by an engineer or its reporter. */
	public record Comment(long id, String author, String text, Instant createdAt) {
	}

	/** How long ago it was submitted, as a queue shows it: "5 min", "3 h", "4 d". */
	public String age() {
		Duration age = Duration.between(submittedAt, Instant.now());
		if (age.toMinutes() < 60) {
			return Math.max(age.toMinutes(), 0) + " min";
		}
		return age.toHours() < 48 ? age.toHours() + " h" : age.toDays() + " d";
	}

	/**
	 * The report's title: the first sentence of the developer's description, or without
	 * one the first line of the pasted text, cut at a word to fit a list.
	 */
	@JsonProperty
	public String title() {
		return title(description, text);
	}

	/** The description holds more than its title says, so the page shows it in full. */
	public boolean describedBeyondTitle() {
		return !description.isBlank() && !title().equals(description.strip());
	}

	/** What the last decision made of the report, in a sentence for its reporter. */
	public String outcome() {
		if (status == ReportStatus.CLOSED) {
			return "Report #" + id + " closed.";
		}
		if (resolution == null) {
			return "Report #" + id + " is waiting for an engineer.";
		}
		return switch (resolution) {
			case CONFIRMED, OTHER_KNOWN_ISSUE ->
				"Report #" + id + " confirmed as known issue “" + knownIssueTitle + "”.";
			case DUPLICATE_THREAD -> "Report #" + id + " marked as a duplicate of thread #" + duplicateThreadId + ".";
			case NEW_KNOWN_ISSUE -> "Known issue “" + knownIssueTitle + "” created from report #" + id + ".";
		};
	}

	public static String title(String description, String text) {
		if (description != null && !description.isBlank()) {
			String line = firstLine(description);
			Matcher end = SENTENCE_END.matcher(line);
			return shortened(end.find() ? line.substring(0, end.start() + 1) : line);
		}
		return shortened(firstLine(text));
	}

	private static String firstLine(String text) {
		return text.strip().lines().findFirst().orElse("").strip();
	}

	private static String shortened(String line) {
		if (line.length() <= TITLE_LENGTH) {
			return line;
		}
		int space = line.lastIndexOf(' ', TITLE_LENGTH - 1);
		return line.substring(0, space > TITLE_LENGTH / 2 ? space : TITLE_LENGTH - 1).strip() + "…";
	}
}
