package forumkb.knownissue;

import forumkb.account.Role;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;

/** A known issue as pages, the API and triage see it. */
public record KnownIssue(long id, String title, String symptom, String rootCause, String workaround,
		KnownIssueStatus status, String fixedIn, List<String> platforms, String versions, String createdBy,
		Instant createdAt, Instant updatedAt, List<SignatureTerm> signature, List<LinkedThread> threads,
		Instant archivedAt, String archivedBy) {

	/** A thread engineers linked to the known issue. */
	public record LinkedThread(long id, String title, String url) {
	}

	public String statusLabel() {
		return status == KnownIssueStatus.FIXED && fixedIn != null && !fixedIn.isBlank() ? "Fixed in " + fixedIn
				: status.label();
	}

	/**
	 * Archived known issues (deleted by an engineer) are out of the list, triage and the
	 * matcher until restored.
	 */
	public boolean archived() {
		return archivedAt != null;
	}

	/**
	 * A signature term as the page shows it: once, even when engineers curated it and
	 * confirmed reports taught it too.
	 */
	public record ShownTerm(String kind, String value, boolean curated, int learnedFrom) {

		public boolean phrase() {
			return SignatureTerm.PHRASE.equals(kind);
		}

		/** Where the term came from, in words. */
		public String origin() {
			String reports = learnedFrom == 1 ? "1 confirmed report" : learnedFrom + " confirmed reports";
			if (!curated) {
				return "learned from " + reports;
			}
			return learnedFrom == 0 ? "curated" : "curated, also learned from " + reports;
		}

	}

	/**
	 * Each term once, curated ones first; a learned term's weight counts the confirmed
	 * reports that brought it.
	 */
	public List<ShownTerm> shownSignature() {
		Map<String, ShownTerm> terms = new LinkedHashMap<>();
		for (SignatureTerm term : signature.stream().sorted(Comparator.comparing(SignatureTerm::origin)).toList()) {
			String key = term.kind() + ":" + term.value().toLowerCase(Locale.ROOT);
			int learned = term.origin() == SignatureTerm.Origin.FEEDBACK ? Math.round(term.weight()) : 0;
			ShownTerm seen = terms.get(key);
			terms.put(key,
					seen == null
							? new ShownTerm(term.kind(), term.value(), term.origin() == SignatureTerm.Origin.CURATED,
									learned)
							: new ShownTerm(seen.kind(), seen.value(), seen.curated(), seen.learnedFrom() + learned));
		}
		return List.copyOf(terms.values());
	}

	public List<SignatureTerm> curatedSignature() {
		return signature.stream().filter(term -> term.origin() == SignatureTerm.Origin.CURATED).toList();
	}

	/**
	 * The known issue as the viewer may see it: terms learned from reports come from text
	 * only engineers (and each report's author) may read, so everyone else sees the
	 * curated ones.
	 */
	public KnownIssue shownTo(Authentication viewer) {
		return Role.staff(viewer) ? this : withoutLearnedTerms();
	}

	public KnownIssue withoutLearnedTerms() {
		return new KnownIssue(id, title, symptom, rootCause, workaround, status, fixedIn, platforms, versions,
				createdBy, createdAt, updatedAt, curatedSignature(), threads, archivedAt, archivedBy);
	}
}
