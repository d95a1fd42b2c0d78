package forumkb.knownissue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The known-issue form as typed: platforms and thread ids comma-separated, the signature
 * one term per line as {@code kind: value} ({@code code: -9802},
 * {@code phrase: never called}).
 */
public record KnownIssueForm(String title, String symptom, String rootCause, String workaround, String status,
		String fixedIn, String platforms, String versions, String signature, String threadIds) {

	static KnownIssueForm of(KnownIssueDraft draft) {
		return new KnownIssueForm(draft.title(), draft.symptom(), draft.rootCause(), draft.workaround(), draft.status(),
				draft.fixedIn(), String.join(", ", draft.platforms()), draft.versions(),
				draft.signature()
					.stream()
					.map(term -> term.kind() + ": " + term.value())
					.collect(Collectors.joining("\n")),
				draft.threadIds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
	}

	static KnownIssueForm of(KnownIssue issue) {
		return of(new KnownIssueDraft(issue.title(), issue.symptom(), issue.rootCause(), issue.workaround(),
				issue.status().name(), issue.fixedIn(), issue.platforms(), issue.versions(),
				issue.curatedSignature()
					.stream()
					.map(term -> new KnownIssueDraft.Term(term.kind(), term.value()))
					.toList(),
				List.of()));
	}

	KnownIssueDraft toDraft() {
		List<KnownIssueDraft.Term> terms = new ArrayList<>();
		for (String line : (signature == null ? "" : signature).split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new KnownIssueDraft.InvalidDraftException(
						"write each signature term as \"kind: value\", not \"" + line.strip() + "\"");
			}
			terms.add(new KnownIssueDraft.Term(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
		}
		List<Long> ids = new ArrayList<>();
		for (String id : split(threadIds)) {
			try {
				ids.add(Long.parseLong(id));
			}
			catch (NumberFormatException e) {
				throw new KnownIssueDraft.InvalidDraftException("thread ids are numbers, not \"" + id + "\"");
			}
		}
		return new KnownIssueDraft(title, symptom, rootCause, workaround, status, fixedIn, split(platforms), versions,
				terms, ids);
	}

	private static List<String> split(String commaSeparated) {
		return commaSeparated == null ? List.of()
				: Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
	}
}
