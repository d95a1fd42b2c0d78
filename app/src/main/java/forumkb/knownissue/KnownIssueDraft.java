package forumkb.knownissue;

import forumkb.system.BadRequestException;
import forumkb.extract.EntityKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an engineer writes when creating or editing a known issue (API body and form).
 * {@link #validated()} returns a cleaned copy or says what is wrong.
 */
public record KnownIssueDraft(String title, String symptom, String rootCause, String workaround, String status,
		String fixedIn, List<String> platforms, String versions, List<Term> signature, List<Long> threadIds) {

	static final int MAX_TITLE = 300;
	static final int MAX_TEXT = 20_000;
	static final int MAX_TERMS = 100;
	static final int MAX_TERM = 200;

	private static final Set<String> KINDS = Arrays.stream(EntityKind.values())
		.map(EntityKind::wireName)
		.collect(Collectors.toCollection(LinkedHashSet::new));

	/**
	 * A signature term as written: an entity kind's wire name or {@code phrase}, and its
	 * value.
	 */
	public record Term(String kind, String value) {
	}

	/** Thrown for a draft that cannot be saved; the message says why. */
	public static final class InvalidDraftException extends BadRequestException {

		InvalidDraftException(String message) {
			super(message);
		}

	}

	public KnownIssueDraft validated() {
		String cleanTitle = clean(title);
		if (cleanTitle.isEmpty()) {
			throw new InvalidDraftException("a known issue needs a title");
		}
		if (cleanTitle.length() > MAX_TITLE) {
			throw new InvalidDraftException("the title is longer than " + MAX_TITLE + " characters");
		}
		for (String text : new String[] { symptom, rootCause, workaround, versions }) {
			if (text != null && text.length() > MAX_TEXT) {
				throw new InvalidDraftException("a text field is longer than " + MAX_TEXT + " characters");
			}
		}
		List<Term> terms = signature == null ? List.of() : signature;
		if (terms.size() > MAX_TERMS) {
			throw new InvalidDraftException("a signature holds at most " + MAX_TERMS + " terms");
		}
		List<Term> cleanTerms = new ArrayList<>();
		for (Term term : terms) {
			if (term == null || clean(term.value()).isEmpty()) {
				continue;
			}
			String kind = clean(term.kind()).toLowerCase(Locale.ROOT);
			if (!kind.equals(SignatureTerm.PHRASE) && !KINDS.contains(kind)) {
				throw new InvalidDraftException("unknown signature kind \"" + term.kind() + "\": use phrase or one of "
						+ String.join(", ", KINDS));
			}
			if (term.value().length() > MAX_TERM) {
				throw new InvalidDraftException("a signature term is longer than " + MAX_TERM + " characters");
			}
			cleanTerms.add(new Term(kind, clean(term.value())));
		}
		List<String> cleanPlatforms = platforms == null ? List.of()
				: platforms.stream().map(KnownIssueDraft::clean).filter(p -> !p.isEmpty()).distinct().toList();
		return new KnownIssueDraft(cleanTitle, clean(symptom), clean(rootCause), clean(workaround),
				parseStatus(status).name(), blankToNull(fixedIn), cleanPlatforms, clean(versions),
				List.copyOf(new LinkedHashSet<>(cleanTerms)),
				threadIds == null ? List.of() : threadIds.stream().distinct().toList());
	}

	KnownIssueStatus statusValue() {
		return parseStatus(status);
	}

	private static KnownIssueStatus parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return KnownIssueStatus.OPEN;
		}
		try {
			return KnownIssueStatus
				.valueOf(status.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidDraftException(
					"unknown status \"" + status + "\": use open, workaround, fixed or not_a_bug");
		}
	}

	private static String clean(String text) {
		return text == null ? "" : text.strip();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
